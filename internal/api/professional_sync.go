package api

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/region"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

type professionalListRequest struct {
	Medewerkers []listedProfessional `json:"medewerkers"`
}

type listedProfessional struct {
	Naam     string `json:"naam"`
	Email    string `json:"email"`
	Telefoon string `json:"telefoon"`
	Functie  string `json:"functie"`
}

type coordinatorGone struct {
	Email        string `json:"email"`
	Coordinaties int    `json:"coordinaties"`
}

type professionalListResponse struct {
	Aangemaakt            []string          `json:"aangemaakt"`
	Bijgewerkt            []string          `json:"bijgewerkt"`
	Heractiveerd          []string          `json:"heractiveerd"`
	Gedeactiveerd         []string          `json:"gedeactiveerd"`
	CoordinatieOverdragen []coordinatorGone `json:"coordinatieOverdragen"`
}

// syncProfessionals: POST /api/v1/medewerkers/synchronisatie, the complete
// list of an organisation's professionals from its own system (issue 21),
// with the organisation's token.
func (h *Handler) syncProfessionals(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	if !c.IsClientSystem() {
		h.fail(w, r, model.Errorf(model.EFORBIDDEN, "Alleen het clientsysteem van de organisatie stuurt de lijst van haar medewerkers: gebruik het toegangstoken van de koppeling, niet dat van een medewerker."))
		return
	}
	var req professionalListRequest
	if err := decode(w, r, &req); err != nil {
		h.fail(w, r, err)
		return
	}
	list := make([]region.Listed, len(req.Medewerkers))
	for i, m := range req.Medewerkers {
		list[i] = region.Listed{Name: m.Naam, Email: m.Email, Phone: m.Telefoon, JobTitle: m.Functie}
	}
	who := usecase.Actor{Organisation: c.Organisation, TokenID: c.TokenID, Source: r.RemoteAddr + " " + r.UserAgent()}.AuditActor()
	who.Role = "koppeling"
	out, err := h.Region.SyncProfessionals(r.Context(), who, c.Organisation.ID, list)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	resp := professionalListResponse{Aangemaakt: nonNil(out.Created), Bijgewerkt: nonNil(out.Updated), Heractiveerd: nonNil(out.Reactivated),
		Gedeactiveerd: nonNil(out.Deactivated), CoordinatieOverdragen: []coordinatorGone{}}
	for _, g := range out.Handover {
		resp.CoordinatieOverdragen = append(resp.CoordinatieOverdragen, coordinatorGone{Email: g.Email, Coordinaties: g.Coordinations})
	}
	writeJSON(w, http.StatusOK, resp)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
