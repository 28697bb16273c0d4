package monitoring_test

import (
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/registration"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

func TestMonitoringAccountCannotRegister(t *testing.T) {
	env := testenv.New(t)
	monitor := env.Monitor(t, env.Org(t, "Wijkteam Woensel", model.TypeWijkteam))

	_, err := env.Registry.Registrations.Register(ctx, monitor, registration.Registering{BSN: population.BSNTeen, Kind: model.KindSignaal})

	if model.ErrorCode(err) != model.EFORBIDDEN || model.ErrorMessage(err) != "Een monitoringsaccount kan niet registreren." {
		t.Fatalf("err = %v, want EFORBIDDEN 'Een monitoringsaccount kan niet registreren.'", err)
	}
}

func TestFiguresSuppressCountsBelowFiveAndShowLargerOnes(t *testing.T) {
	env := testenv.New(t)
	school := env.Pro(t, env.Org(t, "Stedelijk College", model.TypeOnderwijs))
	monitor := env.Monitor(t, env.Org(t, "Gemeente Eindhoven", model.TypeWijkteam))
	for _, bsn := range []string{population.BSNYoungest, population.BSNChild, population.BSNTeen, population.BSNSibling1, population.BSNSibling2} {
		env.Register(t, school, bsn, model.KindSignaal)
	}

	f, err := env.Registry.Monitoring.Figures(ctx, monitor)
	if err != nil {
		t.Fatal(err)
	}

	if f.Signals != "5" || f.Youths != "5" || f.CareRegistrations != "0" || f.Matches != "0" {
		t.Errorf("signals %s, youths %s, care %s, matches %s; want 5, 5, 0, 0", f.Signals, f.Youths, f.CareRegistrations, f.Matches)
	}
	for _, g := range f.ByMunicipality {
		if g.Count != "<5" {
			t.Errorf("municipality %s: %s, want <5 (no municipality has five of these youths)", g.Key, g.Count)
		}
	}
	if _, err := env.Registry.Monitoring.Figures(ctx, school); model.ErrorCode(err) != model.EFORBIDDEN {
		t.Errorf("a professional got the figures: %v", err)
	}
}
