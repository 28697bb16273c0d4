package api

import (
	"net/http"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/model"
)

// syncView is a synchronisation's report as the API shows it.
type syncView struct {
	ID           int64               `json:"id,omitempty"`
	Proef        bool                `json:"proef"`
	Status       model.SyncStatus    `json:"status"`
	Volledig     bool                `json:"volledig"`
	AantalRegels int                 `json:"aantalRegels"`
	Verwerkt     int                 `json:"verwerkt"` // lines applied so far
	Aantallen    model.SyncCounts    `json:"aantallen"`
	Geweigerd    []model.SyncRefusal `json:"geweigerdeRegels"`
	Gestart      time.Time           `json:"gestart"`
	Klaar        *time.Time          `json:"klaar,omitempty"`
}

func newSyncView(r model.SyncReport, dry bool) syncView {
	v := syncView{ID: r.ID, Proef: dry, Status: r.Status, Volledig: r.Complete, AantalRegels: r.Lines, Verwerkt: r.DoneLines,
		Aantallen: r.Counts, Geweigerd: r.Refusals, Gestart: r.StartedAt, Klaar: r.FinishedAt}
	if v.Geweigerd == nil {
		v.Geweigerd = []model.SyncRefusal{}
	}
	return v
}

// getSync: GET /api/v1/synchronisaties/{id}, the report again (also while
// it runs); the organisation's last 30 are kept.
func (h *Handler) getSync(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	if _, err := h.syncCaller(r, c); err != nil {
		h.fail(w, r, err)
		return
	}
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	rep, err := h.Registry.Synchronisations.Report(r.Context(), c.Organisation.ID, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, newSyncView(rep, false))
}
