package api

import (
	"net/http"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

type messageView struct {
	ID        int64  `json:"id"`
	Soort     string `json:"soort"`
	Onderwerp string `json:"onderwerp"`
	Tekst     string `json:"tekst"`
	Spoed     bool   `json:"spoed"`
	Jeugdige  string `json:"jeugdige,omitempty"`
	// Only while the caller's organisation is involved with the youth:
	// the name and birth date, never in the text or the e-mail.
	JeugdigeNaam          string     `json:"jeugdigeNaam,omitempty"`
	JeugdigeGeboortedatum string     `json:"jeugdigeGeboortedatum,omitempty"`
	Ontvangen             time.Time  `json:"ontvangen"`
	GelezenOp             *time.Time `json:"gelezenOp"`
}

func newMessageView(m usecase.InboxMessage) messageView {
	v := messageView{ID: m.ID, Soort: m.Kind, Onderwerp: m.Subject, Tekst: m.Body, Spoed: m.Urgent, Jeugdige: m.YouthReference, Ontvangen: m.CreatedAt, GelezenOp: m.ReadAt}
	if m.YouthBirthDate != nil {
		v.JeugdigeNaam, v.JeugdigeGeboortedatum = m.YouthName, m.YouthBirthDate.Format("2006-01-02")
	}
	return v
}

// listMessages: GET /api/v1/berichten, the caller's inbox: unread first, of
// those the urgent first.
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
		out = append(out, newMessageView(m))
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
