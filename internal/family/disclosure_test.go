package family_test

import (
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/family"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// One test per row of the table "Wie ziet wat van het gezin" in
// docs/privacy.md (issue 19: minimal disclosure of the household).

// household is the siblings' family with an organisation in each role about
// Daan (BSNSibling1): the school signalled, Jeugdhulp coordinates (the
// oldest care registration), GGZ gives care without coordinating. Hein
// (BSNSibling2), at the same address, is coordinated by Jeugdhulp Zuid; GGZ
// is involved with him too, Jeugdhulp is not. Jeugdhulp related Daan to
// his father.
type household struct {
	env               *testenv.Env
	school, jh, ggz   usecase.Actor
	daan, hein        string
	outsider, monitor usecase.Actor
}

func newHousehold(t *testing.T) household {
	t.Helper()
	env := testenv.New(t)
	schoolOrg := env.Org(t, "Basisschool De Regenboog", model.TypeOnderwijs)
	h := household{env: env, school: env.Pro(t, schoolOrg),
		jh: env.Pro(t, env.Org(t, "Jeugdhulp Brabant", model.TypeJeugdhulp)), ggz: env.Pro(t, env.Org(t, "GGZ Oost", model.TypeGGZ)),
		outsider: env.Pro(t, env.Org(t, "JGZ", model.TypeJGZ)), monitor: env.Monitor(t, schoolOrg)}
	h.daan = coordinated(t, env, h.school, h.jh, population.BSNSibling1).Youth.Reference
	zuid := env.Pro(t, env.Org(t, "Jeugdhulp Zuid", model.TypeJeugdhulp))
	h.hein = coordinated(t, env, env.Pro(t, env.Org(t, "Politie", model.TypePolitie)), zuid, population.BSNSibling2).Youth.Reference
	env.Clock.Advance(time.Minute) // later than the others' care registrations: GGZ does not coordinate
	env.Register(t, h.ggz, population.BSNSibling1, model.KindKetenregistratie)
	env.Register(t, h.ggz, population.BSNSibling2, model.KindSignaal)
	relate(t, env, h.jh, h.daan, population.BSNParent, family.RelationParent)
	for ref, want := range map[string]int64{h.daan: h.jh.Organisation.ID, h.hein: zuid.Organisation.ID} {
		if c, _ := testenv.Current(t, env, youthID(t, env, ref)); c.OrganisationID != want {
			t.Fatalf("coordinator of %s is organisation %d, want %d", ref, c.OrganisationID, want)
		}
	}
	return h
}

func youthID(t *testing.T, env *testenv.Env, ref string) int64 {
	t.Helper()
	var id int64
	if err := testenv.RawDB(t, env).QueryRow(`SELECT id FROM youths WHERE reference = $1`, ref).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

func candidatesByName(list []family.RelativeCandidate) map[string]family.RelativeCandidate {
	out := map[string]family.RelativeCandidate{}
	for _, c := range list {
		out[c.Person.FullName()] = c
	}
	return out
}

// Row "niet betrokken" and row "gemeentelijk monitor": nothing, with the
// very answer given for a youth that does not exist.
func TestDisclosureNotInvolvedAndMonitorSeeNothingOfTheFamily(t *testing.T) {
	h := newHousehold(t)
	_, unknown := h.env.Registry.YouthByReference(ctx, h.outsider, "J-ZZZZZZZZ")
	for _, who := range []usecase.Actor{h.outsider, h.monitor} {
		_, page := h.env.Registry.YouthByReference(ctx, who, h.daan)
		_, list := h.env.Registry.Families.Relations(ctx, who, h.daan)
		_, candidates := h.env.Registry.Families.RelationCandidates(ctx, who, h.daan)
		_, relate := h.env.Registry.Families.Relate(ctx, who, h.daan, family.Relating{BSN: bsnMother, Kind: family.RelationParent})
		for what, err := range map[string]error{"youth page": page, "relations": list, "candidates": candidates, "relate": relate} {
			if model.ErrorCode(err) != model.ENOTFOUND || model.ErrorMessage(err) != model.ErrorMessage(unknown) {
				t.Errorf("%s, %s: %v; want the answer for an unknown youth, %v", who.Professional.Name, what, err, unknown)
			}
		}
	}
}

// Row "signaalgever": no address view, no candidates, only its own
// relations; it lays a relation by BSN.
func TestDisclosureSignalOnlyOrganisationSeesNeitherAddressNorHousehold(t *testing.T) {
	h := newHousehold(t)
	own := relate(t, h.env, h.school, h.daan, bsnMother, family.RelationParent)

	p, err := h.env.Registry.YouthByReference(ctx, h.school, h.daan)
	if err != nil {
		t.Fatal(err)
	}
	if p.Address != nil || p.Disclosure != (family.Disclosure{}) {
		t.Errorf("the school sees the address view %+v (disclosure %+v); want none", p.Address, p.Disclosure)
	}
	for _, list := range [][]family.Relation{p.Relations, relations(t, h.env, h.school, h.daan)} {
		if len(list) != 1 || list[0].ID != own.ID {
			t.Errorf("the school sees relations %+v; want only the one it laid (%d), not Jeugdhulp's", list, own.ID)
		}
	}
	_, err = h.env.Registry.Families.RelationCandidates(ctx, h.school, h.daan)
	testenv.WantCode(t, err, model.EFORBIDDEN)
	// Nor may it try keys of candidates it was never shown.
	ggzList, err := h.env.Registry.Families.RelationCandidates(ctx, h.ggz, h.daan)
	if err != nil {
		t.Fatal(err)
	}
	teun := candidatesByName(ggzList)["Teun Groot Esselink"]
	_, err = h.env.Registry.Families.Relate(ctx, h.school, h.daan, family.Relating{Candidate: teun.Key, Kind: family.RelationSibling})
	testenv.WantCode(t, err, model.EFORBIDDEN)
}

// Row "zorgaanbieder": the household only when laying a relation, with the
// kind; another child's reference and coordinator only when involved with
// that child too. No address view.
func TestDisclosureCareOrganisationSeesTheHouseholdOnlyWhenLayingARelation(t *testing.T) {
	h := newHousehold(t)
	p, err := h.env.Registry.YouthByReference(ctx, h.ggz, h.daan)
	if err != nil {
		t.Fatal(err)
	}
	if p.Address != nil || !p.Disclosure.Household || p.Disclosure.Address {
		t.Errorf("GGZ, not coordinating, sees address view %+v (disclosure %+v); want none", p.Address, p.Disclosure)
	}
	if len(p.Relations) != 1 || p.Relations[0].Person.FullName() != "Johan Groot Esselink" {
		t.Errorf("GGZ sees relations %+v; want Jeugdhulp's relation to the father", p.Relations)
	}
	list, err := h.env.Registry.Families.RelationCandidates(ctx, h.ggz, h.daan)
	if err != nil {
		t.Fatal(err)
	}
	got := candidatesByName(list)
	if hein := got["Hein Groot Esselink"]; hein.Kind != family.RelationSibling || hein.Reference != h.hein || hein.Coordinator != "Jeugdhulp Zuid" {
		t.Errorf("GGZ, involved with Hein too, sees him as %+v; want sibling, his reference and coordinator", hein)
	}
	for name, c := range got {
		if name != "Hein Groot Esselink" && (c.Reference != "" || c.Coordinator != "") {
			t.Errorf("candidate %s shows %q/%q to GGZ, which is not involved with them", name, c.Reference, c.Coordinator)
		}
	}
	if teun := got["Teun Groot Esselink"]; teun.Kind != family.RelationSibling {
		t.Errorf("Teun offered as %+v, want a sibling", teun)
	}
}

// Row "coördinator": the address view as the family issue promised, the
// other child's coordinator without its reference unless involved; the
// household on laying a relation, the other child without reference or
// coordinator.
func TestDisclosureCoordinatorSeesTheOtherChildrenAtTheAddress(t *testing.T) {
	h := newHousehold(t)
	p, err := h.env.Registry.YouthByReference(ctx, h.jh, h.daan)
	if err != nil {
		t.Fatal(err)
	}
	want := family.AddressChild{Coordinator: "Jeugdhulp Zuid"}
	if p.Address == nil || p.Address.Shielded || len(p.Address.Children) != 1 || p.Address.Children[0] != want {
		t.Fatalf("the coordinator sees address view %+v; want %+v", p.Address, want)
	}
	list, err := h.env.Registry.Families.RelationCandidates(ctx, h.jh, h.daan)
	if err != nil {
		t.Fatal(err)
	}
	if hein := candidatesByName(list)["Hein Groot Esselink"]; hein.Reference != "" || hein.Coordinator != "" || hein.Kind != family.RelationSibling {
		t.Errorf("the coordinator, not involved with Hein, sees him as %+v; want name, birth date and kind only", hein)
	}
	// An organisation that says coordination is not needed coordinates
	// nothing: the address view goes.
	if _, err := h.env.Registry.Coordinations.CoordinationNotNeeded(ctx, h.jh, h.daan, model.NotNeededCodes[0].Code); err != nil {
		t.Fatal(err)
	}
	if p, err = h.env.Registry.YouthByReference(ctx, h.jh, h.daan); err != nil || p.Address != nil {
		t.Errorf("after 'not needed' the address view is %+v (%v); want none", p.Address, err)
	}
}
