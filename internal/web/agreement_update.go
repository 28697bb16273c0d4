package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/jeugdketen/jeugdketen/internal/plan"
)

// updateAgreement: POST /jeugdigen/{ref}/plan/afspraken/{id}, the
// coordinator's form on one agreement: status, end date and responsible. A
// field left empty stays as it is.
func (h *Handler) updateAgreement(w http.ResponseWriter, r *http.Request) {
	f := newForm(r)
	id := planPathID(r, "id")
	var ch plan.AgreementChange
	if s := strings.TrimSpace(f.Value("status")); s != "" {
		ch.Status = &s
	}
	if s := strings.TrimSpace(f.Value("verantwoordelijke")); s != "" {
		ch.Responsible = &s
	}
	var err error
	if ch.Start, err = planDay(f, "startdatum"); err == nil {
		ch.End, err = planDay(f, "einddatum")
	}
	if err == nil {
		_, err = h.Registry.Plans.UpdateAgreement(r.Context(), actor(r), r.PathValue("ref"), id, ch)
	}
	if err != nil {
		h.planFailed(w, r, f, "afspraak-"+strconv.FormatInt(id, 10)+"-", err)
		return
	}
	toPlan(w, r, "afspraak-gewijzigd")
}
