package api

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/model"
)

type tokenRequest struct {
	Medewerker  string `json:"medewerker"`
	Organisatie int64  `json:"organisatie"`
}

// createToken: POST /api/v1/tokens (regional administrator), for a
// professional (by e-mail) or an organisation's client system (by id). The
// token is shown once; only its hash is kept.
func (h *Handler) createToken(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	var req tokenRequest
	if err := decode(w, r, &req); err != nil {
		h.fail(w, r, err)
		return
	}
	actor, _ := h.actor(r, c, "")
	var token string
	var err error
	switch {
	case (req.Medewerker == "") == (req.Organisatie == 0):
		err = model.Invalid("Een token is voor een medewerker of voor de koppeling van een organisatie.",
			model.InvalidParam{Name: "medewerker", Reason: "Vul precies één van 'medewerker' (e-mailadres) of 'organisatie' (id) in."})
	case req.Medewerker != "":
		token, err = h.Region.CreateProfessionalToken(r.Context(), actor.AuditActor(), req.Medewerker)
	default:
		token, err = h.Region.CreateOrganisationToken(r.Context(), actor.AuditActor(), req.Organisatie)
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]string{"token": token})
}
