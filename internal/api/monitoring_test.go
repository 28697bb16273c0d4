package api_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/monitoring"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// monitoringAnswer is GET /api/v1/monitoring as a client reads it.
type monitoringAnswer struct {
	Klaar           bool   `json:"klaar"`
	CijfersTotEnMet string `json:"cijfersTotEnMet"`
	Van, Tot, Groep string
	Gemeente        *struct{ Code, Naam string }
	Afronding       string `json:"afronding"`
	KleinsteAantal  int    `json:"kleinsteAantal"`
	Perioden        []struct{ Label, Van, Tot string }
	Tabellen        []struct {
		ID    string `json:"id"`
		Rijen []struct {
			Sleutel string `json:"sleutel"`
			Waarden []struct {
				Soort  string `json:"soort"`
				Waarde *int   `json:"waarde"`
				Tekst  string `json:"tekst"`
			} `json:"waarden"`
		} `json:"rijen"`
	} `json:"tabellen"`
}

// monitoringWorld: Eindhoven's monitoring account (its organisation records
// the name), the administrator, and figures made for January to March 2026
// in Eindhoven (0772) and Rotterdam (0599).
func monitoringWorld(t *testing.T) (h *harness, monitor, admin string) {
	t.Helper()
	h = start(t)
	school := h.env.Org(t, "Stedelijk College", model.TypeOnderwijs)
	m := h.env.Monitor(t, h.env.Org(t, "Gemeente Eindhoven", model.TypeGemeente))
	token, err := h.env.Region.CreateProfessionalToken(context.Background(), audit.Actor{Role: "beheerder", Source: "test"}, m.Professional.Email)
	if err != nil {
		t.Fatal(err)
	}
	for month, n := range map[string]int{"2026-01": 15, "2026-02": 0, "2026-03": 20} {
		cells := []model.MonitoringCell{{Month: month, Municipality: "0599", OrganisationID: school.ID, Measure: monitoring.MeasureRegistrations, Category: "signaal", N: 700, Shown: 700}}
		if n > 0 {
			cells = append(cells, model.MonitoringCell{Month: month, Municipality: "0772", OrganisationID: school.ID, Measure: monitoring.MeasureRegistrations, Category: "signaal", N: n, Shown: n})
		}
		if err := h.env.DB.Update(context.Background(), func(tx *storage.Tx) error {
			return tx.SaveMonitoringMonth(context.Background(), month, cells, h.env.Clock.Now())
		}); err != nil {
			t.Fatal(err)
		}
	}
	return h, token, h.admin(t).token
}

func signals(t *testing.T, a monitoringAnswer) []string {
	t.Helper()
	for _, tb := range a.Tabellen {
		if tb.ID != "registraties-soort" {
			continue
		}
		for _, r := range tb.Rijen {
			if r.Sleutel == "signaal" {
				var out []string
				for _, v := range r.Waarden {
					out = append(out, v.Tekst)
				}
				return out
			}
		}
	}
	t.Fatalf("no signals in %+v", a)
	return nil
}

func TestTheMonitoringAPIAnswersTheOwnMunicipalitysFiguresPerPeriod(t *testing.T) {
	t.Parallel()
	h, monitor, _ := monitoringWorld(t)

	var a monitoringAnswer
	h.call(t, "GET", "/api/v1/monitoring?van=2026-01&tot=2026-03&groep=maand", monitor, nil).want(t, http.StatusOK, &a)

	if !a.Klaar || a.CijfersTotEnMet != "2026-03" || a.Van != "2026-01" || a.Tot != "2026-03" || a.Groep != "maand" {
		t.Errorf("klaar %v, tot en met %q, van %q tot %q per %q", a.Klaar, a.CijfersTotEnMet, a.Van, a.Tot, a.Groep)
	}
	if a.Gemeente == nil || a.Gemeente.Code != "0772" || a.Gemeente.Naam != "Eindhoven" {
		t.Errorf("gemeente %+v, want Eindhoven (0772): the account's own", a.Gemeente)
	}
	if len(a.Perioden) != 3 || a.Perioden[0].Label != "januari 2026" {
		t.Errorf("perioden %+v, want January to March", a.Perioden)
	}
	if got := signals(t, a); len(got) != 4 || got[0] != "15" || got[1] != "0" || got[2] != "20" || got[3] != "35" {
		t.Errorf("signals %v, want 15, 0, 20 and the total 35: Eindhoven's only", got)
	}
	if a.KleinsteAantal != 5 || a.Afronding != monitoring.RoundingNote {
		t.Errorf("kleinsteAantal %d, afronding %q", a.KleinsteAantal, a.Afronding)
	}

	h.call(t, "GET", "/api/v1/monitoring?van=2026-01&tot=2026-03&groep=kwartaal", monitor, nil).want(t, http.StatusOK, &a)
	if got := signals(t, a); len(got) != 1 || got[0] != "35" {
		t.Errorf("by quarter: signals %v, want the one quarter, 35", got)
	}
}

func TestTheMonitoringAPINamesTheBadParameter(t *testing.T) {
	t.Parallel()
	h, monitor, admin := monitoringWorld(t)
	for query, field := range map[string]string{
		"van=januari":             "van",
		"tot=2026-04":             "tot",
		"van=2026-03&tot=2026-01": "tot",
		"groep=week":              "groep",
		"van=2020-01":             "van",
	} {
		wantProblem(t, h.call(t, "GET", "/api/v1/monitoring?"+query, monitor, nil), http.StatusBadRequest, field)
	}
	wantProblem(t, h.call(t, "GET", "/api/v1/monitoring?gemeente=12345", admin, nil), http.StatusBadRequest, "gemeente")
}

func TestAMonitoringAccountIsRefusedAnotherMunicipalitysFigures(t *testing.T) {
	t.Parallel()
	h, monitor, admin := monitoringWorld(t)

	p := wantProblem(t, h.call(t, "GET", "/api/v1/monitoring?gemeente=0599", monitor, nil), http.StatusForbidden)
	if p.Detail != "U ziet alleen de cijfers van uw eigen gemeente." {
		t.Errorf("detail %q", p.Detail)
	}

	var a monitoringAnswer
	h.call(t, "GET", "/api/v1/monitoring?gemeente=0599&van=2026-03", admin, nil).want(t, http.StatusOK, &a)
	if got := signals(t, a); len(got) != 1 || got[0] != "700" {
		t.Errorf("the administrator reads Rotterdam's March as %v, want 700", got)
	}
}
