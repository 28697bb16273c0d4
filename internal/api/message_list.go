package api

import (
	"net/http"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/auth"
)

type messageView struct {
	ID        int64      `json:"id"`
	Soort     string     `json:"soort"`
	Onderwerp string     `json:"onderwerp"`
	Tekst     string     `json:"tekst"`
	Jeugdige  string     `json:"jeugdige,omitempty"`
	Ontvangen time.Time  `json:"ontvangen"`
	GelezenOp *time.Time `json:"gelezenOp"`
}

// listMessages: GET /api/v1/berichten, the caller's inbox, unread first.
func (h *Handler) listMessages(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	actor, err := h.actor(r, c, r.URL.Query().Get("medewerker"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	msgs, err := h.Registry.Inbox(r.Context(), actor, 200)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	out := make([]messageView, 0, len(msgs))
	for _, m := range msgs {
		out = append(out, messageView{ID: m.ID, Soort: m.Kind, Onderwerp: m.Subject, Tekst: m.Body, Jeugdige: m.YouthReference, Ontvangen: m.CreatedAt, GelezenOp: m.ReadAt})
	}
	writeJSON(w, http.StatusOK, map[string]any{"berichten": out})
}

// readMessage: POST /api/v1/berichten/{id}/gelezen marks a message as read.
func (h *Handler) readMessage(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	actor, err := h.actor(r, c, r.URL.Query().Get("medewerker"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if err := h.Registry.MarkRead(r.Context(), actor, id); err != nil {
		h.fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
