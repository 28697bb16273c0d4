package api

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/model"
)

type professionalRequest struct {
	Organisatie    int64  `json:"organisatie"`
	Naam           string `json:"naam"`
	Email          string `json:"email"`
	Telefoon       string `json:"telefoon"`
	Regiobeheerder bool   `json:"regiobeheerder"`
}

type professionalResponse struct {
	ID             int64  `json:"id"`
	Organisatie    int64  `json:"organisatie"`
	Naam           string `json:"naam"`
	Email          string `json:"email"`
	Telefoon       string `json:"telefoon"`
	Regiobeheerder bool   `json:"regiobeheerder"`
}

// createProfessional: POST /api/v1/medewerkers (regional administrator).
func (h *Handler) createProfessional(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	var req professionalRequest
	if err := decode(w, r, &req); err != nil {
		h.fail(w, r, err)
		return
	}
	actor, _ := h.actor(r, c, "")
	p, err := h.Region.CreateProfessional(r.Context(), actor.AuditActor(), model.Professional{
		OrganisationID: req.Organisatie, Name: req.Naam, Email: req.Email, Phone: req.Telefoon, Admin: req.Regiobeheerder,
	})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, professionalResponse{ID: p.ID, Organisatie: p.OrganisationID, Naam: p.Name, Email: p.Email, Telefoon: p.Phone, Regiobeheerder: p.Admin})
}
