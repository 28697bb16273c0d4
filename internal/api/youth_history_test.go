package api_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
)

func TestYouthPageHasTheHistoryWithEndedRegistrations(t *testing.T) {
	t.Parallel()
	h := start(t)
	smw := h.user(t, "SMW Eindhoven", model.TypeSMW)
	amw := h.user(t, "AMW Helmond", model.TypeAMW)

	own := h.register(t, smw, population.BSNTeen, model.KindKetenregistratie, http.StatusCreated)
	h.register(t, amw, population.BSNTeen, model.KindKetenregistratie, http.StatusCreated)
	h.call(t, "POST", "/api/v1/registraties/"+itoa(own.ID)+"/beeindigen", smw.token, nil).want(t, http.StatusOK, nil)

	type organisation struct {
		ID   int64  `json:"id"`
		Naam string `json:"naam"`
	}
	var page struct {
		Geschiedenis *struct {
			Registraties []struct {
				Registratie     int64        `json:"registratie"`
				Organisatie     organisation `json:"organisatie"`
				Status          string       `json:"status"`
				BeeindigdOp     *time.Time   `json:"beeindigdOp"`
				RedenEinde      *string      `json:"redenEinde"`
				RedenEindeTekst *string      `json:"redenEindeTekst"`
				Medewerker      *struct {
					Naam string `json:"naam"`
				} `json:"medewerker"`
			} `json:"registraties"`
			Coordinatie []struct {
				Organisatie organisation `json:"organisatie"`
				Regel       string       `json:"regel"`
				Tot         *time.Time   `json:"tot"`
			} `json:"coordinatie"`
		} `json:"geschiedenis"`
	}
	h.call(t, "GET", "/api/v1/jeugdigen/"+own.Jeugdige.Referentie, amw.token, nil).want(t, http.StatusOK, &page)
	g := page.Geschiedenis
	if g == nil {
		t.Fatal("the youth page has no geschiedenis")
	}
	if len(g.Registraties) != 2 {
		t.Fatalf("geschiedenis.registraties = %+v, want the ended SMW and the active AMW", g.Registraties)
	}
	ended, active := g.Registraties[0], g.Registraties[1]
	if ended.Organisatie.ID != smw.Organisation.ID || ended.Status != "beeindigd" || ended.BeeindigdOp == nil ||
		ended.RedenEinde == nil || *ended.RedenEinde != "organisatie" ||
		ended.RedenEindeTekst == nil || *ended.RedenEindeTekst != "beëindigd door de organisatie" || ended.Medewerker != nil {
		t.Errorf("ended registration in the history = %+v, want SMW ended by the organisation without a contact", ended)
	}
	if active.Organisatie.ID != amw.Organisation.ID || active.Status != "actief" || active.BeeindigdOp != nil || active.Medewerker == nil {
		t.Errorf("active registration in the history = %+v, want AMW with its contact", active)
	}
	if len(g.Coordinatie) != 1 || g.Coordinatie[0].Organisatie.ID != smw.Organisation.ID || g.Coordinatie[0].Tot == nil || g.Coordinatie[0].Regel == "" {
		t.Errorf("geschiedenis.coordinatie = %+v, want the SMW's ended period", g.Coordinatie)
	}
}
