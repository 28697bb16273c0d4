package registration_test

import (
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/registration"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

func TestYouthHistoryShowsLeavingOrganisationsAndCoordinatorPeriods(t *testing.T) {
	env := testenv.New(t)
	school := env.Pro(t, env.Org(t, "Stedelijk College", model.TypeOnderwijs))
	smw := env.Pro(t, env.Org(t, "SMW", model.TypeSMW))
	amw := env.Pro(t, env.Org(t, "AMW", model.TypeAMW))
	gi := env.Pro(t, env.Org(t, "GI Brabant", model.TypeGI))

	env.Register(t, school, population.BSNTeen, model.KindSignaal)
	env.Register(t, smw, population.BSNTeen, model.KindKetenregistratie)
	left := env.Register(t, amw, population.BSNTeen, model.KindKetenregistratie)
	r := env.Register(t, gi, population.BSNTeen, model.KindKetenregistratie)
	if _, err := env.Registry.Registrations.End(ctx, amw, left.Registration.ID); err != nil {
		t.Fatal(err)
	}

	p, err := env.Registry.YouthByReference(ctx, school, r.Youth.Reference)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Involved) != 3 {
		t.Errorf("involved = %d organisations, want 3 (AMW left)", len(p.Involved))
	}
	regs := p.History.Registrations
	if len(regs) != 4 {
		t.Fatalf("history has %d registrations, want 4 (active and ended): %+v", len(regs), regs)
	}
	var ended *registration.HistoryEntry
	for i, e := range regs {
		if e.Organisation.ID == amw.Organisation.ID {
			ended = &regs[i]
		} else if !e.Active() || e.Professional == nil || e.EndReason() != "" {
			t.Errorf("%s: active %v, professional %v, reason %q; want active with its professional",
				e.Organisation.Name, e.Active(), e.Professional, e.EndReason())
		}
	}
	if ended == nil {
		t.Fatalf("the organisation that left is not in the history: %+v", regs)
	}
	if ended.Active() || ended.Registration.EndedAt == nil || ended.EndReason() != "beëindigd door de organisatie" {
		t.Errorf("ended AMW: ended at %v, reason %q; want ended by the organisation", ended.Registration.EndedAt, ended.EndReason())
	}
	if ended.Professional != nil {
		t.Errorf("ended AMW shows its professional %+v; only the organisation may be shown", ended.Professional)
	}
	if ended.Organisation.Name != "AMW" || ended.Organisation.Type != model.TypeAMW {
		t.Errorf("ended organisation = %+v, want AMW with its type", ended.Organisation)
	}

	c := p.History.Coordination
	if len(c) != 2 {
		t.Fatalf("coordination history = %+v, want SMW then the GI", c)
	}
	if c[0].Organisation.ID != smw.Organisation.ID || c[0].Ended == nil || c[0].Rule == "" {
		t.Errorf("first period = %+v, want SMW, ended, with its rule", c[0])
	}
	if c[1].Organisation.ID != gi.Organisation.ID || c[1].Ended != nil || c[1].Rule != "gi" || c[1].Started.Before(c[0].Started) {
		t.Errorf("second period = %+v, want the GI by rule gi, still running", c[1])
	}
}

func TestEndReasonTextIsDutch(t *testing.T) {
	for reason, want := range map[model.EndReason]string{
		model.EndByOrganisation: "beëindigd door de organisatie",
		model.EndDateReached:    "einddatum bereikt",
		model.EndAgeLimit:       "leeftijdsgrens bereikt",
		model.EndExpired:        "verlopen",
	} {
		if got := registration.EndReasonText(reason); got != want {
			t.Errorf("EndReasonText(%q) = %q, want %q", reason, got, want)
		}
	}
}
