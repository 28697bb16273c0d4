package web

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/family"
	"github.com/jeugdketen/jeugdketen/internal/model"
)

// relationPage is the page for laying a relation: the persons the
// population register links to the youth, and a field for any other BSN.
type relationPage struct {
	Ref        string
	Candidates []family.RelativeCandidate
	// Unavailable says, in Dutch, why the register's relatives cannot be
	// shown; the BSN field works without them.
	Unavailable string
	// SignalsOnly says, in Dutch, that the viewer's organisation only gives
	// signals and so is shown no relatives (family.Disclosure); it lays a
	// relation by BSN.
	SignalsOnly string
}

// newRelation: GET /jeugdigen/{ref}/relaties/nieuw, for a professional
// involved with the youth; anyone else gets the same "niet gevonden" as for
// a youth that does not exist.
func (h *Handler) newRelation(w http.ResponseWriter, r *http.Request) {
	data, err := h.relationPage(r, r.PathValue("ref"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "relation", page{Title: "Relatie leggen voor jeugdige " + data.Ref, Form: newForm(r), Data: data})
}

// relationPage asks the register for the youth's relatives. Only "niet
// gevonden" is an error; a register that cannot answer leaves the list
// empty with its Dutch message, and so does an organisation that only gives
// signals, which is shown no relatives.
func (h *Handler) relationPage(r *http.Request, ref string) (relationPage, error) {
	out := relationPage{Ref: ref}
	candidates, err := h.Registry.Families.RelationCandidates(r.Context(), actor(r), ref)
	switch code := model.ErrorCode(err); {
	case err == nil:
		out.Candidates = candidates
	case code == model.ENOTFOUND:
		return out, err
	case code == model.EFORBIDDEN:
		out.SignalsOnly = model.ErrorMessage(err)
	default:
		if code == model.EINTERNAL && h.Log != nil {
			h.Log.Error("web: relatives from the register", "error", err)
		}
		out.Unavailable = model.ErrorMessage(err)
	}
	return out, nil
}
