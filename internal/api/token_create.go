package api

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/model"
)

type tokenRequest struct {
	Medewerker  string `json:"medewerker"`
	Organisatie int64  `json:"organisatie"`
	// Bereik limits a client system's token: "synchronisatie" may only
	// synchronise; empty or "volledig" may do what the organisation may.
	Bereik model.TokenScope `json:"bereik"`
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
	case req.Medewerker != "" && req.Bereik != "" && req.Bereik != model.ScopeFull:
		err = model.InvalidField("bereik", "Alleen een token voor de koppeling van een organisatie kan beperkt worden tot synchroniseren.")
	case req.Medewerker != "":
		token, err = h.Region.CreateProfessionalToken(r.Context(), actor.AuditActor(), req.Medewerker)
	default:
		scope := req.Bereik
		if scope == "" {
			scope = model.ScopeFull
		}
		token, err = h.Region.CreateScopedOrganisationToken(r.Context(), actor.AuditActor(), req.Organisatie, scope)
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]string{"token": token})
}
