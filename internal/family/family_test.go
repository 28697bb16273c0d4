package family_test

import (
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/family"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/registration"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// coordinated registers a signal by school and a chain registration by care
// about bsn, so that care coordinates.
func coordinated(t *testing.T, env *testenv.Env, school, care usecase.Actor, bsn string) registration.Registered {
	t.Helper()
	env.Register(t, school, bsn, model.KindSignaal)
	env.Clock.Advance(1)
	r := env.Register(t, care, bsn, model.KindKetenregistratie)
	if r.Coordinator == nil || r.Coordinator.Organisation.ID != care.Organisation.ID {
		t.Fatalf("coordinator of %s = %+v, want %s", bsn, r.Coordinator, care.Organisation.Name)
	}
	return r
}

// moveTo puts the register's person of bsn at the address of the siblings,
// without parents in common with them.
func moveToSiblingsAddress(t *testing.T, env *testenv.Env, bsn string) {
	t.Helper()
	for _, r := range population.TestPersons() {
		if r.Person.BSN != bsn {
			continue
		}
		r.Person.Postcode, r.Person.HouseNumber, r.ParentBSNs = "3032CG", "651", nil
		if err := storage.NewLocalRegister(env.DB, env.Keys).Import(ctx, []population.Record{r}, env.Clock.Now()); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Fatalf("%s not in the test set", bsn)
}

func TestTwoCoordinatorsInOneFamilyAreBothToldOnce(t *testing.T) {
	env := testenv.New(t)
	school := env.Pro(t, env.Org(t, "Basisschool De Regenboog", model.TypeOnderwijs))
	jh := env.Pro(t, env.Org(t, "Jeugdhulp Brabant", model.TypeJeugdhulp))
	ggz := env.Pro(t, env.Org(t, "GGZ Oost", model.TypeGGZ))

	first := coordinated(t, env, school, jh, population.BSNSibling1)
	second := coordinated(t, env, school, ggz, population.BSNSibling2)

	// A resend and a later registration about either child tell nobody again.
	env.Register(t, ggz, population.BSNSibling2, model.KindKetenregistratie)
	env.Clock.Advance(1)
	env.Register(t, env.Pro(t, env.Org(t, "Politie", model.TypePolitie)), population.BSNSibling1, model.KindSignaal)

	for _, c := range []struct {
		who        usecase.Actor
		own, other registration.Registered
		partner    usecase.Actor
	}{{jh, first, second, ggz}, {ggz, second, first, jh}} {
		got := testenv.MessagesOfKind(env.Inbox(t, c.who), family.KindFamily)
		if len(got) != 1 {
			t.Fatalf("%s got %d family messages, want 1: %+v", c.who.Organisation.Name, len(got), got)
		}
		body := got[0].Body
		for _, want := range []string{c.own.Youth.Reference, c.other.Youth.Reference, c.partner.Organisation.Name,
			c.partner.Professional.Name, c.partner.Professional.Phone, c.partner.Professional.Email} {
			if !strings.Contains(body, want) {
				t.Errorf("%s's family message lacks %q:\n%s", c.who.Organisation.Name, want, body)
			}
		}
		if got[0].YouthID != c.own.Youth.ID {
			t.Errorf("%s's family message is about youth %d, want its own %d", c.who.Organisation.Name, got[0].YouthID, c.own.Youth.ID)
		}
		for _, name := range []string{first.Youth.Person.FamilyName, first.Youth.Person.GivenNames, second.Youth.Person.GivenNames} {
			if strings.Contains(body+got[0].Subject, name) {
				t.Errorf("family message names a child (%q):\n%s", name, body)
			}
		}
	}
	if got := testenv.MessagesOfKind(env.Inbox(t, school), family.KindFamily); len(got) != 0 {
		t.Errorf("the school, which coordinates nothing, got family messages: %+v", got)
	}
}

func TestSameCoordinatorForTheWholeFamilyTellsNobody(t *testing.T) {
	env := testenv.New(t)
	school := env.Pro(t, env.Org(t, "School", model.TypeOnderwijs))
	jh := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	coordinated(t, env, school, jh, population.BSNSibling1)
	coordinated(t, env, school, jh, population.BSNSibling2)
	for _, who := range []usecase.Actor{school, jh} {
		if got := testenv.MessagesOfKind(env.Inbox(t, who), family.KindFamily); len(got) != 0 {
			t.Errorf("%s got family messages with one coordinator: %+v", who.Organisation.Name, got)
		}
	}
}

func TestChildrenAtOneAddressWithoutCommonParentAreAFamily(t *testing.T) {
	env := testenv.New(t)
	moveToSiblingsAddress(t, env, population.BSNTeen)
	school := env.Pro(t, env.Org(t, "School", model.TypeOnderwijs))
	jh := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	ggz := env.Pro(t, env.Org(t, "GGZ", model.TypeGGZ))
	coordinated(t, env, school, jh, population.BSNSibling1)
	coordinated(t, env, school, ggz, population.BSNTeen)
	if got := testenv.MessagesOfKind(env.Inbox(t, jh), family.KindFamily); len(got) != 1 {
		t.Fatalf("jeugdhulp got %d family messages for children at one address, want 1", len(got))
	}
}

func TestInstitutionAddressIsNoFamily(t *testing.T) {
	env := testenv.New(t)
	env.Registry.InstitutionAddresses = []string{"3032 CG 651"}
	moveToSiblingsAddress(t, env, population.BSNTeen)
	school := env.Pro(t, env.Org(t, "School", model.TypeOnderwijs))
	jh := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	ggz := env.Pro(t, env.Org(t, "GGZ", model.TypeGGZ))
	first := coordinated(t, env, school, jh, population.BSNSibling1)
	coordinated(t, env, school, ggz, population.BSNTeen)

	for _, who := range []usecase.Actor{jh, ggz} {
		if got := testenv.MessagesOfKind(env.Inbox(t, who), family.KindFamily); len(got) != 0 {
			t.Errorf("%s was told about a family at an institution address: %+v", who.Organisation.Name, got)
		}
	}
	p, err := env.Registry.YouthByReference(ctx, jh, first.Youth.Reference)
	if err != nil {
		t.Fatal(err)
	}
	if p.Address == nil || p.Address.Shielded || len(p.Address.Children) != 0 {
		t.Errorf("the coordinator's address view at an institution address = %+v, want no children", p.Address)
	}
}

func TestAddressViewShowsOnlyCoordinatorsUnlessInvolvedToo(t *testing.T) {
	env := testenv.New(t)
	school := env.Pro(t, env.Org(t, "School", model.TypeOnderwijs))
	jh := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	ggz := env.Pro(t, env.Org(t, "GGZ Oost", model.TypeGGZ))
	first := coordinated(t, env, school, jh, population.BSNSibling1)
	second := coordinated(t, env, school, ggz, population.BSNSibling2)

	view := func() []family.AddressChild {
		t.Helper()
		p, err := env.Registry.YouthByReference(ctx, jh, first.Youth.Reference)
		if err != nil {
			t.Fatal(err)
		}
		if p.Address == nil {
			t.Fatal("the coordinator gets no address view")
		}
		return p.Address.Children
	}
	if got, want := view(), (family.AddressChild{Coordinator: "GGZ Oost"}); len(got) != 1 || got[0] != want {
		t.Errorf("jeugdhulp, not involved with the sibling, sees %+v; want only the count and the coordinator %+v", got, want)
	}
	env.Clock.Advance(1)
	env.Register(t, jh, population.BSNSibling2, model.KindSignaal)
	// Involved with the sibling now, jeugdhulp sees its reference, and its
	// coordinator as on the sibling's own page (the covenant may have
	// chosen anew).
	p, err := env.Registry.YouthByReference(ctx, jh, second.Youth.Reference)
	if err != nil || p.Coordinator == nil {
		t.Fatalf("the sibling's page: %+v, %v", p.Coordinator, err)
	}
	if got, want := view(), (family.AddressChild{Coordinator: p.Coordinator.Organisation.Name, Reference: second.Youth.Reference}); len(got) != 1 || got[0] != want {
		t.Errorf("jeugdhulp, involved with both, sees %+v; want %+v", got, want)
	}
}

func TestAddressViewCountsOnlyChildrenWithActiveRegistrations(t *testing.T) {
	env := testenv.New(t)
	school := env.Pro(t, env.Org(t, "School", model.TypeOnderwijs))
	jh := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	r := coordinated(t, env, school, jh, population.BSNSibling1)
	view := func() *family.AddressPanel {
		t.Helper()
		p, err := env.Registry.YouthByReference(ctx, jh, r.Youth.Reference)
		if err != nil {
			t.Fatal(err)
		}
		return p.Address
	}
	if a := view(); a == nil || len(a.Children) != 0 {
		t.Fatalf("address view with no other child registered = %+v", a)
	}
	env.Register(t, env.Pro(t, env.Org(t, "Politie", model.TypePolitie)), population.BSNSibling2, model.KindSignaal)
	if a := view(); a == nil || len(a.Children) != 1 || a.Children[0] != (family.AddressChild{}) {
		t.Errorf("address view = %+v, want one child without coordinator and without reference", a)
	}
}
