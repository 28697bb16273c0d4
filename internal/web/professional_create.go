package web

import (
	"net/http"
	"strconv"

	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/model"
)

// createProfessional: POST /beheer/medewerkers. The new professional gets a
// random initial password, shown once to hand over; at the first login they
// set up their second factor.
func (h *Handler) createProfessional(w http.ResponseWriter, r *http.Request) {
	f := newForm(r)
	org, _ := strconv.ParseInt(f.Value("organisatie"), 10, 64)
	p, err := h.Region.CreateProfessional(r.Context(), auditActor(r), model.Professional{
		OrganisationID: org, Name: f.Value("naam"), Email: f.Value("email"), Phone: f.Value("telefoon"),
		Monitoring: f.Value("monitoring") == "ja",
	})
	if err != nil {
		h.renderProfessionals(w, r, http.StatusUnprocessableEntity, f, err, nil)
		return
	}
	password := auth.NewPassword()
	if err := h.People.SetPassword(r.Context(), auditActor(r), p.ID, password); err != nil {
		h.fail(w, r, err)
		return
	}
	h.renderProfessionals(w, r, http.StatusCreated, &form{}, nil, &created{What: "Eerste wachtwoord", For: p.Name + " (" + p.Email + ")", Secret: password})
}
