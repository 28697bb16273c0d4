package web

import "net/http"

// removeWebhook: POST /beheer/organisaties/{id}/webhook/verwijderen. Without
// bevestigd=ja it says what that means and asks for the confirmation.
func (h *Handler) removeWebhook(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	back := "/beheer/organisaties/" + itoa(id) + "/webhook"
	if !confirmed(r) {
		if _, err := h.Registry.Feed.WebhookOf(r.Context(), actor(r), id); err != nil {
			h.fail(w, r, err)
			return
		}
		h.confirm(w, r, "organisaties", confirmation{
			Title: "Webhook verwijderen?",
			Lead:  "U verwijdert de webhook: Jeugdketen stuurt het clientsysteem van deze organisatie dan geen gebeurtenissen meer.",
			Effects: []string{
				"Het clientsysteem kan de gebeurtenissen nog ophalen met de feed (GET /api/v1/gebeurtenissen).",
				"Een nieuwe webhook krijgt een nieuw geheim en levert de gebeurtenissen vanaf dan.",
			},
			Action: back + "/verwijderen", Button: "Ja, webhook verwijderen", Cancel: back,
		})
		return
	}
	if err := h.Registry.Feed.DeleteWebhook(r.Context(), actor(r), id); err != nil {
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, withNotice(back, "webhook-verwijderd"), http.StatusSeeOther)
}
