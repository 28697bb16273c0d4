package api

import (
	"net/http"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/family"
)

// relationView is a relation as the API shows it: the kind, the other
// person's name and birth date (never the BSN), the other person's
// reference only when they are a youth the caller is involved with too, and
// who laid it when (seed 002).
type relationView struct {
	ID            int64              `json:"id"`
	Relatie       string             `json:"relatie"`
	Persoon       relationPersonView `json:"persoon"`
	Jeugdige      *string            `json:"jeugdige"`
	Organisatie   organisationView   `json:"organisatie"`
	Medewerker    professionalView   `json:"medewerker"`
	GelegdOp      time.Time          `json:"gelegdOp"`
	Verwijderbaar bool               `json:"verwijderbaar"`
}

type relationPersonView struct {
	Naam          string `json:"naam"`
	Geboortedatum string `json:"geboortedatum"`
}

func relation(r family.Relation) relationView {
	out := relationView{
		ID: r.ID, Relatie: string(r.Kind),
		Persoon:     relationPersonView{Naam: r.Person.FullName(), Geboortedatum: r.Person.BirthDate.Format("2006-01-02")},
		Organisatie: organisation(r.Organisation),
		Medewerker:  professionalView{Naam: r.Professional.Name, Telefoon: r.Professional.Phone, Email: r.Professional.Email},
		GelegdOp:    r.CreatedAt, Verwijderbaar: r.Removable,
	}
	if r.Reference != "" {
		out.Jeugdige = &r.Reference
	}
	return out
}

// listRelations: GET /api/v1/jeugdigen/{referentie}/relaties, the youth's
// relations, only while the caller's organisation has an active
// registration; otherwise the same 404 as for a youth that does not exist.
func (h *Handler) listRelations(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	actor, err := h.actor(r, c, r.URL.Query().Get("medewerker"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	list, err := h.Registry.Families.Relations(r.Context(), actor, r.PathValue("referentie"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	out := make([]relationView, 0, len(list))
	for _, rel := range list {
		out = append(out, relation(rel))
	}
	writeJSON(w, http.StatusOK, map[string]any{"relaties": out})
}
