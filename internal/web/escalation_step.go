package web

import (
	"net/http"
	"strconv"
	"strings"
)

// recordEscalationStep: POST /jeugdigen/{ref}/escalatie/stappen, the step
// waiting (stap) and with step 3 the managements' ruling (uitkomst).
func (h *Handler) recordEscalationStep(w http.ResponseWriter, r *http.Request) {
	f := newForm(r)
	step, err := strconv.Atoi(strings.TrimSpace(f.Value("stap")))
	if err != nil {
		step = 0 // the use case names the field
	}
	_, err = h.Registry.Escalations.RecordEscalationStep(r.Context(), actor(r), r.PathValue("ref"), step, f.Value("uitkomst"))
	h.escalationDone(w, r, f, err, "escalatie-stap")
}
