package web

import "net/http"

// listUndeliveredMail: GET /beheer/niet-bezorgde-mail, the e-mail the
// receiving mail servers refused for good (an SMTP 5xx answer such as 550
// 5.1.1): to whom, which kind of message, since when and the server's
// answer. Never the youth a message is about.
func (h *Handler) listUndeliveredMail(w http.ResponseWriter, r *http.Request) {
	list, err := h.Region.UndeliveredMail(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "undelivered", page{Title: "Niet bezorgde e-mail", Nav: "niet-bezorgd", Notice: notice(r), Data: list})
}
