package api

import (
	"net/http"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/monitoring"
)

type figureView struct {
	Sleutel string `json:"sleutel"`
	Aantal  string `json:"aantal"`
}

type monitoringView struct {
	Peilmoment          time.Time    `json:"peilmoment"`
	KleinsteAantal      int          `json:"kleinsteAantal"`
	Signalen            string       `json:"signalen"`
	Ketenregistraties   string       `json:"ketenregistraties"`
	Jeugdigen           string       `json:"jeugdigen"`
	Matches             string       `json:"matches"`
	LopendeCoordinaties string       `json:"lopendeCoordinaties"`
	PerOrganisatietype  []figureView `json:"perOrganisatietype"`
	PerGemeente         []figureView `json:"perGemeente"`
}

// getMonitoring: GET /api/v1/monitoring, the aggregated figures for a
// municipality's monitoring account or the regional administrator. A client
// system acts for professionals about youths, never for monitoring.
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
	f, err := h.Registry.Monitoring.Figures(r.Context(), actor)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, newMonitoringView(f, h.now()))
}

func newMonitoringView(f monitoring.Figures, at time.Time) monitoringView {
	return monitoringView{
		Peilmoment: at, KleinsteAantal: monitoring.SmallCell,
		Signalen: string(f.Signals), Ketenregistraties: string(f.CareRegistrations), Jeugdigen: string(f.Youths),
		Matches: string(f.Matches), LopendeCoordinaties: string(f.Coordinations),
		PerOrganisatietype: figures(f.ByOrganisationType), PerGemeente: figures(f.ByMunicipality),
	}
}

func figures(gs []monitoring.Group) []figureView {
	out := make([]figureView, 0, len(gs))
	for _, g := range gs {
		out = append(out, figureView{Sleutel: g.Key, Aantal: string(g.Count)})
	}
	return out
}
