package web

import "net/http"

// showYouth: GET /jeugdigen/{ref}, only while the caller's organisation has
// an active registration; otherwise the same "niet gevonden" as for a
// reference that does not exist, so nobody can probe.
func (h *Handler) showYouth(w http.ResponseWriter, r *http.Request) {
	a := actor(r)
	pic, err := h.Registry.YouthByReference(r.Context(), a, r.PathValue("ref"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "youth", page{Title: "Jeugdige " + pic.Youth.Reference, Notice: notice(r), Data: pic})
}
