package web

import (
	"net/http"
	"strings"

	"github.com/jeugdketen/jeugdketen/internal/family"
	"github.com/jeugdketen/jeugdketen/internal/model"
)

// createRelation: POST /jeugdigen/{ref}/relaties, from the youth's page or
// the page of the register's relatives. Laid, it goes back to the youth's
// page; on an error the relation page comes back with the error at its
// field and nothing is stored.
func (h *Handler) createRelation(w http.ResponseWriter, r *http.Request) {
	ref := r.PathValue("ref")
	f := newForm(r)
	in := family.Relating{
		BSN:       strings.NewReplacer(" ", "", ".", "", "-", "").Replace(f.Value("burgerservicenummer")),
		Candidate: f.Value("persoon"),
		Kind:      family.RelationKind(f.Value("relatie")),
	}
	if _, err := h.Registry.Families.Relate(r.Context(), actor(r), ref, in); err != nil {
		if model.ErrorCode(err) == model.ENOTFOUND {
			h.fail(w, r, err)
			return
		}
		data, perr := h.relationPage(r, ref)
		if perr != nil {
			h.fail(w, r, perr)
			return
		}
		h.formError(w, r, "relation", page{Title: "Relatie leggen voor jeugdige " + ref, Form: f, Data: data}, err)
		return
	}
	http.Redirect(w, r, "/jeugdigen/"+ref+"#relaties", http.StatusSeeOther)
}
