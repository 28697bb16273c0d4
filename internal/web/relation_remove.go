package web

import "net/http"

// removeRelation: POST /jeugdigen/{ref}/relaties/{id}/verwijderen, only by
// the organisation that laid the relation.
func (h *Handler) removeRelation(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	ref := r.PathValue("ref")
	if err := h.Registry.Families.RemoveRelation(r.Context(), actor(r), ref, id); err != nil {
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/jeugdigen/"+ref+"#relaties", http.StatusSeeOther)
}
