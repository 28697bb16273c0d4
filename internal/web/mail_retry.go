package web

import "net/http"

// retryUndeliveredMail: POST /beheer/niet-bezorgde-mail/{id}/opnieuw queues
// the refused mail again, with every other refused mail to the same
// professional, to the professional's current e-mail address.
func (h *Handler) retryUndeliveredMail(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if _, err := h.Region.RetryUndeliveredMail(r.Context(), auditActor(r), id); err != nil {
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, withNotice("/beheer/niet-bezorgde-mail", "opnieuw-verstuurd"), http.StatusSeeOther)
}
