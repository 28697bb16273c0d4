package family_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/family"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// The RvIG test household of the siblings, at 3032CG 651.
const (
	bsnMother = "999999357" // Wilma Haverkamp, the siblings' other parent
	bsnTeun   = "999999369" // Teun Groot Esselink (2012), their brother, not registered
)

func relate(t *testing.T, env *testenv.Env, a usecase.Actor, ref, bsn string, kind family.RelationKind) family.Relation {
	t.Helper()
	r, err := env.Registry.Families.Relate(ctx, a, ref, family.Relating{BSN: bsn, Kind: kind})
	if err != nil {
		t.Fatalf("relate %s to %s as %s: %v", ref, bsn, kind, err)
	}
	return r
}

func relations(t *testing.T, env *testenv.Env, a usecase.Actor, ref string) []family.Relation {
	t.Helper()
	list, err := env.Registry.Families.Relations(ctx, a, ref)
	if err != nil {
		t.Fatal(err)
	}
	return list
}

func TestInvolvedProfessionalLinksAYouthToAParentFoundInTheRegister(t *testing.T) {
	env := testenv.New(t)
	school := env.Pro(t, env.Org(t, "Basisschool De Regenboog", model.TypeOnderwijs))
	jh := env.Pro(t, env.Org(t, "Jeugdhulp Brabant", model.TypeJeugdhulp))
	daan := env.Register(t, school, population.BSNSibling1, model.KindSignaal).Youth.Reference
	env.Register(t, jh, population.BSNSibling1, model.KindKetenregistratie)

	got := relate(t, env, school, daan, population.BSNParent, family.RelationParent)
	if got.Kind != family.RelationParent || got.Person.FullName() != "Johan Groot Esselink" || got.Person.BirthDate.Format("2006-01-02") != "1985-05-27" {
		t.Errorf("relation = %+v, want the parent Johan Groot Esselink, born 1985-05-27", got)
	}
	if got.Person.BSN != "" {
		t.Errorf("the relation shows the other person's BSN %q", got.Person.BSN)
	}
	if got.Organisation.ID != school.Organisation.ID || got.Professional.ID != school.Professional.ID || !got.CreatedAt.Equal(env.Clock.Now()) {
		t.Errorf("relation laid by %s/%s at %v, want %s/%s at %v", got.Organisation.Name, got.Professional.Name, got.CreatedAt,
			school.Organisation.Name, school.Professional.Name, env.Clock.Now())
	}

	// Every professional involved sees it, on the youth's page and in the
	// list; only the organisation that laid it may remove it.
	for _, who := range []usecase.Actor{school, jh} {
		list := relations(t, env, who, daan)
		if len(list) != 1 || list[0].ID != got.ID {
			t.Fatalf("%s sees relations %+v, want the one laid", who.Organisation.Name, list)
		}
		if list[0].Removable != (who.Organisation.ID == school.Organisation.ID) {
			t.Errorf("%s: removable = %v", who.Organisation.Name, list[0].Removable)
		}
		p, err := env.Registry.YouthByReference(ctx, who, daan)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Relations) != 1 || p.Relations[0].Person.FullName() != "Johan Groot Esselink" {
			t.Errorf("%s's youth page shows relations %+v", who.Organisation.Name, p.Relations)
		}
	}
}

func TestRelationsAreOnlyForProfessionalsInvolvedWithTheYouth(t *testing.T) {
	env := testenv.New(t)
	schoolOrg := env.Org(t, "School", model.TypeOnderwijs)
	school := env.Pro(t, schoolOrg)
	jgz := env.Pro(t, env.Org(t, "JGZ", model.TypeJGZ))
	monitor := env.Monitor(t, schoolOrg)
	daan := env.Register(t, school, population.BSNSibling1, model.KindSignaal).Youth.Reference
	laid := relate(t, env, school, daan, population.BSNParent, family.RelationParent)
	raw := testenv.RawDB(t, env)
	before := testenv.Count(t, raw, "relations")

	for _, who := range []usecase.Actor{jgz, monitor} {
		unknown := func(err error, what string) {
			t.Helper()
			if model.ErrorCode(err) != model.ENOTFOUND {
				t.Errorf("%s, not involved, %s: %v, want ENOTFOUND", who.Professional.Name, what, err)
			}
		}
		_, err := env.Registry.Families.Relations(ctx, who, daan)
		unknown(err, "lists relations")
		_, missing := env.Registry.Families.Relations(ctx, who, "J-ZZZZZZZZ")
		if model.ErrorMessage(err) != model.ErrorMessage(missing) {
			t.Errorf("refusal %q differs from the answer for a youth that does not exist %q", model.ErrorMessage(err), model.ErrorMessage(missing))
		}
		_, err = env.Registry.Families.Relate(ctx, who, daan, family.Relating{BSN: bsnMother, Kind: family.RelationParent})
		unknown(err, "lays a relation")
		// Not even whether the input would have been valid.
		_, err = env.Registry.Families.Relate(ctx, who, daan, family.Relating{BSN: "123456789", Kind: "vriend"})
		unknown(err, "sends bad input")
		_, err = env.Registry.Families.RelationCandidates(ctx, who, daan)
		unknown(err, "asks for the register's relatives")
		unknown(env.Registry.Families.RemoveRelation(ctx, who, daan, laid.ID), "removes a relation")
	}
	if n := testenv.Count(t, raw, "relations"); n != before {
		t.Errorf("%d relations after refused calls, %d before", n, before)
	}
}

func TestRelationInputIsCheckedAndBadInputStoresNothing(t *testing.T) {
	env := testenv.New(t)
	school := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp)) // a care organisation: it may choose a candidate
	daan := env.Register(t, school, population.BSNSibling1, model.KindKetenregistratie).Youth.Reference
	raw := testenv.RawDB(t, env)
	before := map[string]int{"relations": testenv.Count(t, raw, "relations"), "audit_log": testenv.Count(t, raw, "audit_log")}

	cases := []struct {
		name          string
		in            family.Relating
		field, reason string
	}{
		{"eleven-check", family.Relating{BSN: "123456789", Kind: family.RelationParent}, "burgerservicenummer", "elfproef"},
		{"not nine digits", family.Relating{BSN: "9999", Kind: family.RelationParent}, "burgerservicenummer", "9 cijfers"},
		{"no BSN", family.Relating{Kind: family.RelationParent}, "burgerservicenummer", "Vul het burgerservicenummer"},
		{"kind not on the list", family.Relating{BSN: population.BSNParent, Kind: "buurman"}, "relatie", "Kies de soort relatie"},
		{"no kind", family.Relating{BSN: population.BSNParent}, "relatie", "Kies de soort relatie"},
		{"the youth itself", family.Relating{BSN: population.BSNSibling1, Kind: family.RelationSibling}, "burgerservicenummer", "de jeugdige zelf"},
		{"not in the register", family.Relating{BSN: "999999011", Kind: family.RelationRelative}, "burgerservicenummer", "staat niet in de basisregistratie personen"},
		{"candidate and BSN", family.Relating{BSN: population.BSNParent, Candidate: "abc", Kind: family.RelationParent}, "burgerservicenummer", "niet allebei"},
		{"unknown candidate", family.Relating{Candidate: "0123456789abcdef01234567", Kind: family.RelationParent}, "persoon", "Kies opnieuw"},
	}
	for _, c := range cases {
		_, err := env.Registry.Families.Relate(ctx, school, daan, c.in)
		t.Run(c.name, func(t *testing.T) { testenv.AssertInvalid(t, err, c.field, c.reason) })
	}
	for table, n := range before {
		if got := testenv.Count(t, raw, table); got != n {
			t.Errorf("%s: %d rows after refused input, %d before", table, got, n)
		}
	}
}

func TestTheSameRelationTwiceIsAConflict(t *testing.T) {
	env := testenv.New(t)
	school := env.Pro(t, env.Org(t, "School", model.TypeOnderwijs))
	jh := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	daan := env.Register(t, school, population.BSNSibling1, model.KindSignaal).Youth.Reference
	env.Register(t, jh, population.BSNSibling1, model.KindKetenregistratie)
	relate(t, env, school, daan, population.BSNParent, family.RelationParent)

	// Also when another organisation lays it: the youth has the relation.
	for _, who := range []usecase.Actor{school, jh} {
		_, err := env.Registry.Families.Relate(ctx, who, daan, family.Relating{BSN: population.BSNParent, Kind: family.RelationParent})
		if model.ErrorCode(err) != model.ECONFLICT || !strings.Contains(model.ErrorMessage(err), "al gelegd") {
			t.Errorf("%s lays the same relation again: %v, want ECONFLICT", who.Organisation.Name, err)
		}
	}
	// The same person as another kind is another relation.
	relate(t, env, jh, daan, population.BSNParent, family.RelationHousemate)
	if n := len(relations(t, env, jh, daan)); n != 2 {
		t.Errorf("%d relations, want 2", n)
	}
}

func TestOnlyTheOrganisationThatLaidARelationRemovesIt(t *testing.T) {
	env := testenv.New(t)
	schoolOrg := env.Org(t, "School", model.TypeOnderwijs)
	school, teacher := env.Pro(t, schoolOrg), env.Pro(t, schoolOrg)
	jh := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	daan := env.Register(t, school, population.BSNSibling1, model.KindSignaal).Youth.Reference
	hein := env.Register(t, school, population.BSNSibling2, model.KindSignaal).Youth.Reference
	env.Register(t, jh, population.BSNSibling1, model.KindKetenregistratie)
	r := relate(t, env, school, daan, population.BSNParent, family.RelationParent)
	other := relate(t, env, school, hein, population.BSNParent, family.RelationParent)

	err := env.Registry.Families.RemoveRelation(ctx, jh, daan, r.ID)
	if model.ErrorCode(err) != model.EFORBIDDEN || !strings.Contains(model.ErrorMessage(err), "Alleen de organisatie") {
		t.Fatalf("another organisation removes the relation: %v, want EFORBIDDEN", err)
	}
	if n := len(relations(t, env, school, daan)); n != 1 {
		t.Fatalf("%d relations after a refused removal, want 1", n)
	}
	// A relation of another youth is not found through this one.
	if err := env.Registry.Families.RemoveRelation(ctx, school, daan, other.ID); model.ErrorCode(err) != model.ENOTFOUND {
		t.Errorf("removing another youth's relation through this one: %v, want ENOTFOUND", err)
	}
	// A colleague of the organisation that laid it may.
	if err := env.Registry.Families.RemoveRelation(ctx, teacher, daan, r.ID); err != nil {
		t.Fatal(err)
	}
	if n := len(relations(t, env, school, daan)); n != 0 {
		t.Errorf("%d relations after removal, want 0", n)
	}
	if err := env.Registry.Families.RemoveRelation(ctx, school, daan, r.ID); model.ErrorCode(err) != model.ENOTFOUND {
		t.Errorf("removing it again: %v, want ENOTFOUND", err)
	}
	if n := len(relations(t, env, school, hein)); n != 1 {
		t.Errorf("the other youth's relation went too: %d left", n)
	}
}

func TestARelatedYouthShowsItsReferenceOnlyToThoseInvolvedWithItToo(t *testing.T) {
	env := testenv.New(t)
	jgz := env.Pro(t, env.Org(t, "JGZ", model.TypeJGZ))
	amw := env.Pro(t, env.Org(t, "AMW", model.TypeAMW))
	daan := env.Register(t, jgz, population.BSNSibling1, model.KindKetenregistratie).Youth.Reference
	hein := env.Register(t, jgz, population.BSNSibling2, model.KindKetenregistratie).Youth.Reference
	env.Register(t, amw, population.BSNSibling1, model.KindKetenregistratie)
	relate(t, env, amw, daan, population.BSNSibling2, family.RelationSibling)

	if got := relations(t, env, jgz, daan); len(got) != 1 || got[0].Reference != hein {
		t.Errorf("the JGZ, involved with both, sees %+v; want Hein's reference %s", got, hein)
	}
	got := relations(t, env, amw, daan)
	if len(got) != 1 || got[0].Reference != "" || got[0].Person.FullName() != "Hein Groot Esselink" {
		t.Errorf("the AMW, not involved with Hein, sees %+v; want the name without reference", got)
	}
}

func TestRelationsGoWithTheYouth(t *testing.T) {
	env := testenv.New(t)
	school := env.Pro(t, env.Org(t, "School", model.TypeOnderwijs))
	r := env.Register(t, school, population.BSNSibling1, model.KindSignaal)
	relate(t, env, school, r.Youth.Reference, population.BSNParent, family.RelationParent)
	raw := testenv.RawDB(t, env)
	if n := testenv.Count(t, raw, "relations"); n != 1 {
		t.Fatalf("%d relations stored, want 1", n)
	}
	if err := env.Registry.Registrations.RemoveInError(ctx, school, r.Registration.ID, model.RemovalByMistake); err != nil {
		t.Fatal(err)
	}
	if n := testenv.Count(t, raw, "youths"); n != 0 {
		t.Fatalf("%d youths after the only registration was removed", n)
	}
	if n := testenv.Count(t, raw, "relations"); n != 0 {
		t.Errorf("%d relations left after the youth was deleted", n)
	}
}

func TestRelationStoresNoBSNOrNameInTheClearAndIsAudited(t *testing.T) {
	env := testenv.New(t)
	school := env.Pro(t, env.Org(t, "School", model.TypeOnderwijs))
	daan := env.Register(t, school, population.BSNSibling1, model.KindSignaal).Youth.Reference
	r := relate(t, env, school, daan, population.BSNParent, family.RelationParent)
	relations(t, env, school, daan)
	if err := env.Registry.Families.RemoveRelation(ctx, school, daan, relate(t, env, school, daan, bsnMother, family.RelationParent).ID); err != nil {
		t.Fatal(err)
	}

	raw := testenv.RawDB(t, env)
	var hash, sealed []byte
	var kind string
	if err := raw.QueryRow(`SELECT person_hash, person, kind FROM relations WHERE id = $1`, r.ID).Scan(&hash, &sealed, &kind); err != nil {
		t.Fatal(err)
	}
	for _, clear := range []string{population.BSNParent, "Johan", "Esselink", "1985-05-27"} {
		if bytes.Contains(hash, []byte(clear)) || bytes.Contains(sealed, []byte(clear)) {
			t.Errorf("the relation's row holds %q in the clear", clear)
		}
	}
	if !bytes.Equal(hash, env.Keys.Hash("bsn", population.BSNParent)) || kind != "ouder" {
		t.Errorf("stored hash/kind %x/%s, want the keyed BSN hash and ouder", hash, kind)
	}
	for _, c := range []struct{ action, object string }{{"create", "relatie"}, {"read", "relaties"}, {"remove", "relatie"}} {
		if n := testenv.CountWhere(t, raw, `SELECT count(*) FROM audit_log WHERE action = $1 AND object_type = $2 AND youth_reference = $3`, c.action, c.object, daan); n == 0 {
			t.Errorf("no audit record %s %s", c.action, c.object)
		}
	}
}

func TestRelationCandidatesAreTheParentsSiblingsAndHousematesInTheRegister(t *testing.T) {
	env := testenv.New(t)
	moveToSiblingsAddress(t, env, population.BSNTeen)                // Jason lives with the family, unrelated
	school := env.Pro(t, env.Org(t, "Wijkteam", model.TypeWijkteam)) // a care organisation: it sees the household
	daan := env.Register(t, school, population.BSNSibling1, model.KindKetenregistratie).Youth.Reference

	got, err := env.Registry.Families.RelationCandidates(ctx, school, daan)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]family.RelationKind{
		"Johan Groot Esselink": family.RelationParent, "Wilma Haverkamp": family.RelationParent,
		"Teun Groot Esselink": family.RelationSibling, "Hein Groot Esselink": family.RelationSibling,
		// Johan's children with another parent, elsewhere: half-siblings.
		"Fien Groot Esselink": family.RelationSibling, "Maud Groot Esselink": family.RelationSibling, "Trix Groot Esselink": family.RelationSibling,
		"Jason Mastenbroek": family.RelationHousemate,
	}
	assertCandidates(t, got, want)
	for _, c := range got {
		if c.Person.BSN != "" || strings.Contains(c.Key, "9999") {
			t.Errorf("candidate %s carries a BSN: %+v", c.Person.FullName(), c)
		}
	}

	// A professional picks a candidate: the key stands for the person.
	var teun family.RelativeCandidate
	for _, c := range got {
		if c.Person.GivenNames == "Teun" {
			teun = c
		}
	}
	r, err := env.Registry.Families.Relate(ctx, school, daan, family.Relating{Candidate: teun.Key, Kind: family.RelationSibling})
	if err != nil {
		t.Fatal(err)
	}
	if r.Person.FullName() != "Teun Groot Esselink" {
		t.Errorf("relation to %q, want Teun", r.Person.FullName())
	}
	raw := testenv.RawDB(t, env)
	if n := testenv.CountWhere(t, raw, `SELECT count(*) FROM relations WHERE person_hash = $1`, env.Keys.Hash("bsn", bsnTeun)); n != 1 {
		t.Errorf("%d relations to Teun's BSN hash, want 1", n)
	}
	if n := testenv.CountWhere(t, raw, `SELECT count(*) FROM audit_log WHERE action = 'read' AND object_type = 'relatiekandidaten'`); n != 1 {
		t.Errorf("%d audit records of the candidates shown, want 1", n)
	}

	// A key is for this youth only.
	hein := env.Register(t, school, population.BSNSibling2, model.KindKetenregistratie).Youth.Reference
	_, err = env.Registry.Families.Relate(ctx, school, hein, family.Relating{Candidate: teun.Key, Kind: family.RelationSibling})
	testenv.AssertInvalid(t, err, "persoon", "Kies opnieuw")
}

func TestAtAnInstitutionAddressNoHousematesAreOffered(t *testing.T) {
	env := testenv.New(t)
	env.Registry.InstitutionAddresses = []string{"3032 CG 651"}
	moveToSiblingsAddress(t, env, population.BSNTeen)
	school := env.Pro(t, env.Org(t, "Wijkteam", model.TypeWijkteam)) // a care organisation: it sees the household
	daan := env.Register(t, school, population.BSNSibling1, model.KindKetenregistratie).Youth.Reference
	got, err := env.Registry.Families.RelationCandidates(ctx, school, daan)
	if err != nil {
		t.Fatal(err)
	}
	assertCandidates(t, got, map[string]family.RelationKind{
		"Johan Groot Esselink": family.RelationParent, "Wilma Haverkamp": family.RelationParent,
		"Teun Groot Esselink": family.RelationSibling, "Hein Groot Esselink": family.RelationSibling,
		// Johan's children with another parent, elsewhere: half-siblings.
		"Fien Groot Esselink": family.RelationSibling, "Maud Groot Esselink": family.RelationSibling, "Trix Groot Esselink": family.RelationSibling,
	})
}

func TestRelationCandidatesAndRelationsThroughTheBRPAPI(t *testing.T) {
	env := testenv.New(t)
	testenv.BRPRegister(t, env)
	moveToSiblingsAddressInStub(t, env, population.BSNTeen)
	school := env.Pro(t, env.Org(t, "Wijkteam", model.TypeWijkteam)) // a care organisation: it sees the household
	daan := env.Register(t, school, population.BSNSibling1, model.KindKetenregistratie).Youth.Reference
	got, err := env.Registry.Families.RelationCandidates(ctx, school, daan)
	if err != nil {
		t.Fatal(err)
	}
	assertCandidates(t, got, map[string]family.RelationKind{
		"Johan Groot Esselink": family.RelationParent, "Wilma Haverkamp": family.RelationParent,
		"Teun Groot Esselink": family.RelationSibling, "Hein Groot Esselink": family.RelationSibling,
		// Johan's children with another parent, elsewhere: half-siblings.
		"Fien Groot Esselink": family.RelationSibling, "Maud Groot Esselink": family.RelationSibling, "Trix Groot Esselink": family.RelationSibling,
		"Jason Mastenbroek": family.RelationHousemate,
	})
	if r := relate(t, env, school, daan, bsnMother, family.RelationParent); r.Person.FullName() != "Wilma Haverkamp" {
		t.Errorf("relation through the BRP API to %q, want Wilma Haverkamp", r.Person.FullName())
	}
	_, err = env.Registry.Families.Relate(ctx, school, daan, family.Relating{BSN: "999999011", Kind: family.RelationRelative})
	testenv.AssertInvalid(t, err, "burgerservicenummer", "staat niet in de basisregistratie personen")
}

func assertCandidates(t *testing.T, got []family.RelativeCandidate, want map[string]family.RelationKind) {
	t.Helper()
	seen := map[string]family.RelationKind{}
	for _, c := range got {
		seen[c.Person.FullName()] = c.Kind
	}
	if len(got) != len(want) || len(seen) != len(want) {
		t.Errorf("candidates %v, want %v", seen, want)
		return
	}
	for name, kind := range want {
		if seen[name] != kind {
			t.Errorf("candidate %s: kind %q, want %q (all: %v)", name, seen[name], kind, seen)
		}
	}
}
