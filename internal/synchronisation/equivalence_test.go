package synchronisation_test

import (
	"slices"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/registration"
	"github.com/jeugdketen/jeugdketen/internal/synchronisation"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

// equivalenceCase builds the same region twice: a school that registered
// signals one by one, and a care provider whose client system then sends
// its lines, one registration at a time in one region and as one
// synchronisation in the other.
type equivalenceCase struct {
	env   *testenv.Env
	care  syncCase
	lines []synchronisation.Line
}

func newEquivalenceCase(t *testing.T) equivalenceCase {
	env := testenv.New(t)
	env.Registry.Synchronisations.Batch = 3 // several batches, and a line on each side of their edges
	youths := youthBSNs(t, 12)
	school := env.Pro(t, env.Org(t, "Stedelijk College", model.TypeOnderwijs))
	for _, bsn := range youths[:6] {
		env.Register(t, school, bsn, model.KindSignaal)
	}
	care := newSyncCase(t, env, "Jeugdhulp De Brug", model.TypeJeugdhulp)
	// Registered before: the list brings a new end date (bijgewerkt) and
	// the same registration again (ongewijzigd).
	env.Register(t, care.pros[0], youths[0], model.KindKetenregistratie)
	env.Register(t, care.pros[1], youths[1], model.KindKetenregistratie)

	var lines []synchronisation.Line
	for i, bsn := range youths[:10] {
		lines = append(lines, line(bsn, model.KindKetenregistratie, care.pros[i%2]))
	}
	lines[0].EndDate = "2027-06-30"
	lines[3].Parents = string(model.InformedYes)
	lines = append(lines, line(youths[10], model.KindSignaal, care.pros[0]))
	lines = append(lines, synchronisation.Line{BSN: "123456789", Kind: "ketenregistratie", Professional: care.pros[0].Professional.Email})
	lines = append(lines, line(youths[11], model.KindSignaal, care.pros[1]))
	return equivalenceCase{env: env, care: care, lines: lines}
}

// oneByOne sends each line as a registration of its own, as a client
// system without synchronisation does.
func (c equivalenceCase) oneByOne(t *testing.T) {
	for i, l := range c.lines {
		pro := c.care.pros[0]
		if l.Professional == c.care.pros[1].Professional.Email {
			pro = c.care.pros[1]
		}
		in := registration.Registering{BSN: l.BSN, Kind: model.Kind(l.Kind), Parents: model.Informed(l.Parents)}
		if l.EndDate != "" {
			in.EndDate = testenv.Day(l.EndDate)
		}
		_, err := c.env.Registry.Registrations.Register(ctx, pro, in)
		if (err != nil) != (i == 11) {
			t.Fatalf("line %d: %v", i+1, err)
		}
	}
}

// TestSynchronisingGivesWhatRegisteringOneByOneGives protects the promise
// that a list is no other way in: the same registrations, matches,
// coordinations, messages and audit records as the same lines sent one
// by one, compared row by row between two regions built alike.
func TestSynchronisingGivesWhatRegisteringOneByOneGives(t *testing.T) {
	single := newEquivalenceCase(t)
	single.oneByOne(t)

	bulk := newEquivalenceCase(t)
	res := bulk.care.sync(t, synchronisation.Request{Lines: bulk.lines})
	wantCounts(t, res.Counts, model.SyncCounts{Created: 10, Unchanged: 1, Updated: 1, Refused: 1})

	queries := map[string]string{
		"registrations": `SELECT * FROM registrations ORDER BY id`,
		"matches":       `SELECT * FROM matches ORDER BY id`,
		"coordinations": `SELECT * FROM coordinations ORDER BY id`,
		"youths":        `SELECT id, municipality, created_at FROM youths ORDER BY id`,
		"messages":      `SELECT id, professional_id, youth_id, kind, subject, body, event_key, created_at, read_at, urgent FROM messages ORDER BY id`,
		"audit": `SELECT at, professional_id, organisation_id, actor_role, client_system, action, object_type, object_id, youth_reference, source, outcome, purpose
			FROM audit_log WHERE object_type <> 'synchronisatie' ORDER BY id`,
	}
	a, b := testenv.RawDB(t, single.env), testenv.RawDB(t, bulk.env)
	for name, q := range queries {
		one, many := dump(t, a, q), dump(t, b, q)
		if len(one) == 0 {
			t.Fatalf("%s: no rows: the case proves nothing", name)
		}
		if !slices.Equal(one, many) {
			t.Errorf("%s differ:\none by one:\n%v\nsynchronised:\n%v", name, one, many)
		}
	}
	if n := testenv.CountWhere(t, b, `SELECT count(*) FROM audit_log WHERE object_type = 'synchronisatie' AND object_id = $1`, testenv.Itoa(res.ID)); n != 1 {
		t.Errorf("%d audit records of the synchronisation, want 1", n)
	}
}

// TestSynchronisationMailsEachProfessionalOnce: a synchronisation is one
// event, whatever its batches: every professional it concerns gets one
// e-mail, carrying every message it sent them.
func TestSynchronisationMailsEachProfessionalOnce(t *testing.T) {
	c := newEquivalenceCase(t)
	raw := testenv.RawDB(t, c.env)
	mailsBefore := testenv.Count(t, raw, "outbox")
	c.care.sync(t, synchronisation.Request{Lines: c.lines})

	rows, err := raw.Query(`SELECT recipient, count(*) FROM outbox WHERE id > $1 GROUP BY recipient`, mailsBefore)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	recipients := 0
	for rows.Next() {
		var to string
		var n int
		if err := rows.Scan(&to, &n); err != nil {
			t.Fatal(err)
		}
		recipients++
		if n != 1 {
			t.Errorf("%s got %d e-mails from one synchronisation, want 1", to, n)
		}
	}
	if recipients < 3 { // the school's professional and both of the care provider's
		t.Fatalf("e-mails to %d addresses, want the school's and both care professionals'", recipients)
	}
	combined := testenv.CountWhere(t, raw, `SELECT count(*) FROM outbox WHERE id > $1 AND body LIKE 'U ontvangt % berichten in één e-mail%' AND subject LIKE '%(en nog %'`, mailsBefore)
	if combined == 0 {
		t.Errorf("no combined e-mail with the messages' subjects and bodies")
	}
	unmailed := testenv.CountWhere(t, raw, `SELECT count(*) FROM messages WHERE mail_id IS NULL AND read_at IS NULL`)
	if unmailed != 0 {
		t.Errorf("%d messages without an e-mail after the synchronisation", unmailed)
	}
	if n := testenv.Count(t, raw, "sync_mail"); n != 0 {
		t.Errorf("%d e-mails still held after the synchronisation ended", n)
	}
}
