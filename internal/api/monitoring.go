package api

import (
	"net/http"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/monitoring"
)

// monitoringView is the report as the API answers it: the same tables, rows
// and values as the page, the CSV files and the monthly PDF, in Dutch.
type monitoringView struct {
	Peilmoment time.Time `json:"peilmoment"`
	// Klaar is false until the first month's figures are made: then there
	// are no periods and no tables yet.
	Klaar           bool               `json:"klaar"`
	CijfersTotEnMet string             `json:"cijfersTotEnMet,omitempty"`
	Van             string             `json:"van,omitempty"`
	Tot             string             `json:"tot,omitempty"`
	Groep           string             `json:"groep"`
	Bereik          string             `json:"bereik"`
	Gemeente        *municipalityView  `json:"gemeente,omitempty"`
	Gemeenten       []municipalityView `json:"gemeenten"`
	Afronding       string             `json:"afronding"`
	KleinsteAantal  int                `json:"kleinsteAantal"`
	KleinsteNoemer  int                `json:"kleinsteNoemer"`
	Perioden        []periodView       `json:"perioden"`
	Tabellen        []tableView        `json:"tabellen"`
}

type municipalityView struct {
	Code string `json:"code"`
	Naam string `json:"naam,omitempty"`
}

type periodView struct {
	Label string `json:"label"`
	Van   string `json:"van"`
	Tot   string `json:"tot"`
}

type tableView struct {
	ID           string       `json:"id"`
	Titel        string       `json:"titel"`
	Omschrijving string       `json:"omschrijving"`
	Totaal       bool         `json:"totaal"`
	Perioden     []periodView `json:"perioden,omitempty"` // a table's own columns only
	Rijen        []rowView    `json:"rijen"`
}

type rowView struct {
	Sleutel string      `json:"sleutel"`
	Label   string      `json:"label"`
	Som     bool        `json:"som"`
	Waarden []valueView `json:"waarden"`
}

type valueView struct {
	Soort  string `json:"soort"`
	Waarde *int   `json:"waarde"` // null for onbekend: too few to say
	Tekst  string `json:"tekst"`
}

// getMonitoring: GET /api/v1/monitoring?van=&tot=&groep=&gemeente=, the
// figures for a municipality's monitoring account (its own municipality
// only) or the regional administrator. A client system acts for
// professionals about youths, never for monitoring.
func (h *Handler) getMonitoring(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	if c.IsClientSystem() {
		writeProblem(w, r, model.Errorf(model.EFORBIDDEN, "Alleen een monitoringsaccount van de gemeente en de regiobeheerder zien de cijfers."))
		return
	}
	actor, err := h.actor(r, c, "")
	if err != nil {
		h.fail(w, r, err)
		return
	}
	q := r.URL.Query()
	rep, err := h.Registry.Monitoring.Report(r.Context(), actor, monitoring.Request{
		Van: q.Get("van"), Tot: q.Get("tot"), Groep: q.Get("groep"), Gemeente: q.Get("gemeente"),
	})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, newMonitoringView(rep, h.now()))
}

func newMonitoringView(rep monitoring.Report, at time.Time) monitoringView {
	v := monitoringView{
		Peilmoment: at, Klaar: rep.Ready, Groep: string(rep.Query.Group), Bereik: rep.Scope,
		Gemeenten: []municipalityView{}, Afronding: monitoring.RoundingNote,
		KleinsteAantal: monitoring.SmallCell, KleinsteNoemer: monitoring.MinBase,
		Perioden: []periodView{}, Tabellen: []tableView{},
	}
	if rep.Ready {
		v.CijfersTotEnMet, v.Van, v.Tot = rep.Made.String(), rep.Query.From.String(), rep.Query.To.String()
	}
	for _, m := range rep.Municipalities {
		v.Gemeenten = append(v.Gemeenten, municipalityView{Code: m.Code, Naam: m.Name})
	}
	if code := rep.Query.Municipality; code != "" {
		v.Gemeente = &municipalityView{Code: code, Naam: monitoring.MunicipalityName(code)}
	}
	for _, p := range rep.Periods {
		v.Perioden = append(v.Perioden, periodView{Label: p.Label, Van: p.From.String(), Tot: p.To.String()})
	}
	for _, t := range rep.Tables {
		tv := tableView{ID: t.ID, Titel: t.Title, Omschrijving: t.Description, Totaal: t.Total, Rijen: []rowView{}}
		for _, p := range t.Columns {
			tv.Perioden = append(tv.Perioden, periodView{Label: p.Label, Van: p.From.String(), Tot: p.To.String()})
		}
		for _, row := range t.Rows {
			rv := rowView{Sleutel: row.Key, Label: row.Label, Som: row.Sum, Waarden: []valueView{}}
			for _, val := range row.Values {
				rv.Waarden = append(rv.Waarden, value(val))
			}
			tv.Rijen = append(tv.Rijen, rv)
		}
		v.Tabellen = append(v.Tabellen, tv)
	}
	return v
}

func value(v monitoring.Value) valueView {
	out := valueView{Soort: string(v.Kind), Tekst: v.Text}
	if v.Kind != monitoring.None {
		n := v.N
		out.Waarde = &n
	}
	return out
}
