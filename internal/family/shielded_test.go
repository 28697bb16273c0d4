package family_test

import (
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/family"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// Secret addresses and shelters (issue 19, item 2): a youth the register
// marks secret, or one at a shelter address, has no address view, is matched
// by address with nobody, and its address is never shown; registering works.

// Vaso Olympia (population.BSNSecret) lives at 8646TK 86 in 0109 with her
// father Thanatos and her brothers Dimitris and Theofilaktos.
const (
	bsnThanatos     = "999995091"
	bsnTheofilaktos = "999996447"
)

// jasonAtVasosAddress puts Jason (BSNTeen) at Vaso's address, unrelated.
func jasonAtVasosAddress(r *population.Record) {
	movedTo("0109", "8646TK", 86)(r)
	r.ParentBSNs = nil
}

func addressHashOf(t *testing.T, env *testenv.Env, ref string) []byte {
	t.Helper()
	var h []byte
	if err := testenv.RawDB(t, env).QueryRow(`SELECT address_hash FROM youths WHERE reference = $1`, ref).Scan(&h); err != nil {
		t.Fatal(err)
	}
	return h
}

func addressView(t *testing.T, env *testenv.Env, a usecase.Actor, ref string) *family.AddressPanel {
	t.Helper()
	p, err := env.Registry.YouthByReference(ctx, a, ref)
	if err != nil {
		t.Fatal(err)
	}
	if p.Address == nil {
		t.Fatalf("%s, the coordinator of %s, gets no address view", a.Organisation.Name, ref)
	}
	return p.Address
}

func TestASecretYouthIsRegisteredButMatchedByAddressWithNobody(t *testing.T) {
	for _, register := range []string{"local register", "BRP API"} {
		t.Run(register, func(t *testing.T) {
			env := testenv.New(t)
			records := changed(t, population.BSNTeen, jasonAtVasosAddress)
			if register == "BRP API" {
				testenv.BRPStub(t, env, records)
			} else if err := storage.NewLocalRegister(env.DB, env.Keys).Import(ctx, records, env.Clock.Now()); err != nil {
				t.Fatal(err)
			}
			school := env.Pro(t, env.Org(t, "School", model.TypeOnderwijs))
			jh := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
			police := env.Pro(t, env.Org(t, "Politie", model.TypePolitie))
			ggz := env.Pro(t, env.Org(t, "GGZ", model.TypeGGZ))
			jason := coordinated(t, env, school, jh, population.BSNTeen).Youth.Reference
			r := coordinated(t, env, police, ggz, population.BSNSecret) // registering works
			vaso := r.Youth.Reference
			if !r.Youth.Person.Secret || r.Youth.Person.FullName() != "Vaso Olympia" {
				t.Fatalf("registered %+v; want Vaso Olympia with the secrecy indicator", r.Youth.Person)
			}

			if h := addressHashOf(t, env, vaso); h != nil {
				t.Errorf("the secret youth's address hash is stored: %x", h)
			}
			if addressHashOf(t, env, jason) == nil {
				t.Fatal("Jason has no address hash: the test shows nothing")
			}
			if a := addressView(t, env, ggz, vaso); !a.Shielded || len(a.Children) != 0 {
				t.Errorf("the secret youth's coordinator sees %+v; want only that the address is shielded", a)
			}
			if a := addressView(t, env, jh, jason); a.Shielded || len(a.Children) != 0 {
				t.Errorf("the housemate's coordinator sees %+v; want no other child at the address", a)
			}
			for _, who := range []usecase.Actor{jh, ggz} {
				if got := testenv.MessagesOfKind(env.Inbox(t, who), family.KindFamily); len(got) != 0 {
					t.Errorf("%s was told of a family by the secret youth's address: %+v", who.Organisation.Name, got)
				}
			}

			// Laying a relation: the secret youth has no housemates, and is
			// nobody's.
			got, err := env.Registry.Families.RelationCandidates(ctx, ggz, vaso)
			if err != nil {
				t.Fatal(err)
			}
			assertCandidates(t, got, map[string]family.RelationKind{
				"Thanatos Olympos": family.RelationParent,
				"Dimitris Olympos": family.RelationSibling, "Theofilaktos Olympos": family.RelationSibling,
			})
			if got, err = env.Registry.Families.RelationCandidates(ctx, jh, jason); err != nil {
				t.Fatal(err)
			}
			assertCandidates(t, got, map[string]family.RelationKind{
				"Thanatos Olympos": family.RelationHousemate,
				"Dimitris Olympos": family.RelationHousemate, "Theofilaktos Olympos": family.RelationHousemate,
			})
		})
	}
}

func TestAYouthWhoseParentsAreSecretIsNotShieldedButTheyAreNobodysHousemates(t *testing.T) {
	// Jan de Jager and Anita Jansen are secret in RvIG's set itself; their
	// son Jaffe (born 2005) lives with them at 2548AE 1485 and is not. Jason
	// is put there too, unrelated. Through the BRP API.
	env := testenv.New(t)
	testenv.BRPStub(t, env, changed(t, population.BSNTeen, func(r *population.Record) {
		movedTo("0518", "2548AE", 1485)(r)
		r.ParentBSNs = nil
	}))
	wijkteam := env.Pro(t, env.Org(t, "Wijkteam", model.TypeWijkteam))
	jaffe := env.Register(t, wijkteam, "999992107", model.KindKetenregistratie)
	if jaffe.Youth.Person.Secret || addressHashOf(t, env, jaffe.Youth.Reference) == nil {
		t.Fatalf("Jaffe %+v is stored as secret or without address hash", jaffe.Youth.Person)
	}
	got, err := env.Registry.Families.RelationCandidates(ctx, wijkteam, jaffe.Youth.Reference)
	if err != nil {
		t.Fatal(err)
	}
	// The parents are offered as parents: name and birth date, no address.
	byName := candidatesByName(got)
	for _, parent := range []string{"Jan de Jager", "Anita Jansen"} {
		if byName[parent].Kind != family.RelationParent {
			t.Errorf("%s offered as %q, want ouder", parent, byName[parent].Kind)
		}
	}
	if byName["Jason Mastenbroek"].Kind != family.RelationHousemate {
		t.Errorf("Jason, unrelated at Jaffe's address, offered as %q; want huisgenoot", byName["Jason Mastenbroek"].Kind)
	}

	// To Jason, the secret parents are no housemates; their son is.
	jason := env.Register(t, wijkteam, population.BSNTeen, model.KindKetenregistratie)
	if got, err = env.Registry.Families.RelationCandidates(ctx, wijkteam, jason.Youth.Reference); err != nil {
		t.Fatal(err)
	}
	byName = candidatesByName(got)
	for _, secret := range []string{"Jan de Jager", "Anita Jansen"} {
		if c, ok := byName[secret]; ok {
			t.Errorf("the secret %s is offered to Jason as %q", secret, c.Kind)
		}
	}
	if byName["Jaffe de Jager"].Kind != family.RelationHousemate {
		t.Errorf("Jaffe offered to Jason as %q, want huisgenoot (all: %v)", byName["Jaffe de Jager"].Kind, byName)
	}
}

func TestAYouthAtAShelterAddressIsShielded(t *testing.T) {
	env := testenv.New(t)
	env.Registry.ShelterAddresses = []string{"3032 CG 651"}
	moveToSiblingsAddress(t, env, population.BSNTeen) // Jason at the shelter too
	school := env.Pro(t, env.Org(t, "School", model.TypeOnderwijs))
	jh := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	ggz := env.Pro(t, env.Org(t, "GGZ", model.TypeGGZ))
	daan := coordinated(t, env, school, jh, population.BSNSibling1).Youth.Reference // registering works
	jason := coordinated(t, env, school, ggz, population.BSNTeen).Youth.Reference

	for _, c := range []struct {
		who usecase.Actor
		ref string
	}{{jh, daan}, {ggz, jason}} {
		if a := addressView(t, env, c.who, c.ref); !a.Shielded || len(a.Children) != 0 {
			t.Errorf("%s, coordinator at a shelter, sees %+v; want only that the address is shielded", c.who.Organisation.Name, a)
		}
		if got := testenv.MessagesOfKind(env.Inbox(t, c.who), family.KindFamily); len(got) != 0 {
			t.Errorf("%s was told of a family at a shelter address: %+v", c.who.Organisation.Name, got)
		}
	}
	got, err := env.Registry.Families.RelationCandidates(ctx, jh, daan)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range got {
		if c.Kind == family.RelationHousemate {
			t.Errorf("a housemate at the shelter is offered: %s", c.Person.FullName())
		}
	}
}

func TestAShieldedYouthsMoveIsToldWithoutTheMunicipality(t *testing.T) {
	for _, c := range []struct {
		name, bsn, from string
		shelter         []string
	}{
		{"secret in the register", population.BSNSecret, "0109", nil},
		{"moved into a shelter", population.BSNTeen, "0518", []string{"3014 ZX 26"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			env := testenv.New(t)
			env.Registry.ShelterAddresses = c.shelter
			testenv.BRPRegister(t, env)
			school := env.Pro(t, env.Org(t, "School", model.TypeOnderwijs))
			jh := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
			ref := coordinated(t, env, school, jh, c.bsn).Youth.Reference
			testenv.BRPStub(t, env, changed(t, c.bsn, movedTo("0599", "3014ZX", 26)))
			sweep(t, env)
			for _, who := range []usecase.Actor{school, jh} {
				got := testenv.MessagesOfKind(env.Inbox(t, who), family.KindMoved)
				if len(got) != 1 {
					t.Fatalf("%s got %d move messages, want 1", who.Organisation.Name, len(got))
				}
				if want := "Jeugdige " + ref + " is verhuisd naar een andere gemeente"; got[0].Subject != want {
					t.Errorf("subject %q, want %q", got[0].Subject, want)
				}
				for _, hidden := range []string{"0599", c.from, "3014", "Nieuwe Straat", "Elders"} {
					if strings.Contains(got[0].Subject+got[0].Body, hidden) {
						t.Errorf("the move message of a shielded youth names %q:\n%s", hidden, got[0].Body)
					}
				}
			}
		})
	}
}

func TestAYouthTheRegisterMarksSecretLaterLosesItsAddressHash(t *testing.T) {
	env := testenv.New(t)
	testenv.BRPRegister(t, env)
	school := env.Pro(t, env.Org(t, "School", model.TypeOnderwijs))
	jh := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	ref := coordinated(t, env, school, jh, population.BSNSibling1).Youth.Reference
	if addressHashOf(t, env, ref) == nil {
		t.Fatal("no address hash before the register marks the youth secret")
	}
	testenv.BRPStub(t, env, changed(t, population.BSNSibling1, func(r *population.Record) { r.Person.Secret = true }))
	sweep(t, env)
	if h := addressHashOf(t, env, ref); h != nil {
		t.Errorf("after the refresh the secret youth's address hash is still stored: %x", h)
	}
	if a := addressView(t, env, jh, ref); !a.Shielded {
		t.Errorf("after the refresh the coordinator sees %+v; want the address shielded", a)
	}
}
