package synchronisation_test

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/synchronisation"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

var ctx = context.Background()

// youthBSNs returns the BSNs of n test persons who are youths on the
// test day, in a fixed order.
func youthBSNs(t *testing.T, n int) []string {
	t.Helper()
	var out []string
	for _, r := range population.TestPersons() {
		age := model.AgeOn(r.Person.BirthDate, usecase.Today(testenv.Start))
		if age >= 0 && age < 18 && r.Person.BirthDate.Before(testenv.Start) {
			out = append(out, r.Person.BSN)
		}
	}
	sort.Strings(out)
	if len(out) < n {
		t.Fatalf("only %d youths among the test persons, want %d", len(out), n)
	}
	return out[:n]
}

// syncCase is an organisation whose client system synchronises.
type syncCase struct {
	env    *testenv.Env
	org    model.Organisation
	pros   []usecase.Actor
	token  int64
	caller synchronisation.Caller
}

func newSyncCase(t *testing.T, env *testenv.Env, name string, typ model.OrgType) syncCase {
	t.Helper()
	org := env.Org(t, name, typ)
	c := syncCase{env: env, org: org, pros: []usecase.Actor{env.Pro(t, org), env.Pro(t, org)}}
	if _, err := env.Region.CreateOrganisationToken(ctx, audit.Actor{Role: "beheerder", Source: "test"}, org.ID); err != nil {
		t.Fatal(err)
	}
	raw := testenv.RawDB(t, env)
	if err := raw.QueryRow(`SELECT max(id) FROM api_tokens WHERE organisation_id = $1`, org.ID).Scan(&c.token); err != nil {
		t.Fatal(err)
	}
	c.caller = synchronisation.Caller{Organisation: org, TokenID: c.token, Source: "test"}
	for i := range c.pros {
		c.pros[i].TokenID = c.token // the client system acting for them
	}
	return c
}

func (c syncCase) sync(t *testing.T, req synchronisation.Request) synchronisation.Result {
	t.Helper()
	res, err := c.env.Registry.Synchronisations.Apply(ctx, c.caller, req)
	if err != nil {
		t.Fatalf("sync: %v", err)
	}
	return res
}

func line(bsn string, kind model.Kind, pro usecase.Actor) synchronisation.Line {
	return synchronisation.Line{BSN: bsn, Kind: string(kind), Professional: pro.Professional.Email}
}

func complete(lines ...synchronisation.Line) synchronisation.Request {
	n := len(lines)
	return synchronisation.Request{Complete: true, Lines: lines, LineCount: &n}
}

func wantCounts(t *testing.T, got model.SyncCounts, want model.SyncCounts) {
	t.Helper()
	if got != want {
		t.Fatalf("counts = %+v, want %+v", got, want)
	}
}

// dump reads a query's rows as text, each youth's random reference replaced
// by its id, so that two databases built the same way compare equal.
func dump(t *testing.T, db *sql.DB, query string) []string {
	t.Helper()
	refs := map[string]string{}
	rs, err := db.Query(`SELECT id, reference FROM youths`)
	if err != nil {
		t.Fatal(err)
	}
	for rs.Next() {
		var id int64
		var ref string
		if err := rs.Scan(&id, &ref); err != nil {
			t.Fatal(err)
		}
		refs[ref] = fmt.Sprintf("<jeugdige %d>", id)
	}
	rs.Close()
	rows, err := db.Query(query)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out []string
	for rows.Next() {
		vals := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		parts := make([]string, len(cols))
		for i, v := range vals {
			s := v.String
			for ref, id := range refs {
				s = strings.ReplaceAll(s, ref, id)
			}
			parts[i] = cols[i] + "=" + s
		}
		out = append(out, strings.Join(parts, " | "))
	}
	return out
}
