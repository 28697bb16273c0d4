package web

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/plan"
)

// createAgreement: POST /jeugdigen/{ref}/plan/afspraken, the coordinator's
// form for a new agreement: an action from the region's list, the
// responsible professional and the days.
func (h *Handler) createAgreement(w http.ResponseWriter, r *http.Request) {
	f := newForm(r)
	in := plan.Agreeing{Action: f.Value("actie"), Responsible: f.Value("verantwoordelijke")}
	var err error
	if in.Start, err = planDay(f, "startdatum"); err == nil {
		in.End, err = planDay(f, "einddatum")
	}
	if err == nil {
		_, err = h.Registry.Plans.CreateAgreement(r.Context(), actor(r), r.PathValue("ref"), in)
	}
	if err != nil {
		h.planFailed(w, r, f, "afspraak-", err)
		return
	}
	toPlan(w, r, "afspraak-gemaakt")
}
