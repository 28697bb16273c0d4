package web

import (
	"bytes"
	"net/http"
)

// readMessage: POST /berichten/{id}/gelezen. With htmx only the message's
// status is replaced, and the unread count in the menu with it; without
// JavaScript the inbox is shown again.
func (h *Handler) readMessage(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if err := h.Registry.MarkRead(r.Context(), actor(r), id); err != nil {
		h.fail(w, r, err)
		return
	}
	if r.Header.Get("HX-Request") != "" {
		var count bytes.Buffer
		if err := h.pages["messages"].ExecuteTemplate(&count, "unread", h.unread(r)); err != nil {
			h.serverError(w, r, err)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(`<span class="jk-read">Gelezen</span>` + `<span id="berichten-ongelezen" hx-swap-oob="true">` + count.String() + `</span>`))
		return
	}
	http.Redirect(w, r, withNotice("/berichten", "gelezen"), http.StatusSeeOther)
}
