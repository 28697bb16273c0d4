package api

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/model"
)

type organisationRequest struct {
	Naam     string        `json:"naam"`
	Type     model.OrgType `json:"type"`
	Rol      model.Role    `json:"rol"`
	Gemeente string        `json:"gemeente"`
}

type organisationResponse struct {
	ID       int64         `json:"id"`
	Naam     string        `json:"naam"`
	Type     model.OrgType `json:"type"`
	Rol      model.Role    `json:"rol"`
	Gemeente string        `json:"gemeente"`
	Actief   bool          `json:"actief"`
}

func organisationOut(o model.Organisation) organisationResponse {
	return organisationResponse{ID: o.ID, Naam: o.Name, Type: o.Type, Rol: o.Role, Gemeente: o.Municipality, Actief: o.Active}
}

// createOrganisation: POST /api/v1/organisaties (regional administrator).
// Without rol, the type decides: education, childcare, police and truancy
// officers are signal-only.
func (h *Handler) createOrganisation(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	var req organisationRequest
	if err := decode(w, r, &req); err != nil {
		h.fail(w, r, err)
		return
	}
	actor, _ := h.actor(r, c, "")
	o, err := h.Region.CreateOrganisation(r.Context(), actor.AuditActor(), model.Organisation{Name: req.Naam, Type: req.Type, Role: req.Rol, Municipality: req.Gemeente})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, organisationOut(o))
}

// listOrganisations: GET /api/v1/organisaties (regional administrator).
func (h *Handler) listOrganisations(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	list, err := h.Region.Organisations(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	out := make([]organisationResponse, 0, len(list))
	for _, o := range list {
		out = append(out, organisationOut(o))
	}
	writeJSON(w, http.StatusOK, map[string]any{"organisaties": out})
}
