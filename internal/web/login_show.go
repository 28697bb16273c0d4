package web

import "net/http"

// showLogin: GET /inloggen.
func (h *Handler) showLogin(w http.ResponseWriter, r *http.Request) {
	h.render(w, r, http.StatusOK, "login", h.loginPage(r, &form{}))
}

// loginPage is the login page with its "Inloggen via <organisatie>"
// choices. Without them (they could not be read) the password still works.
func (h *Handler) loginPage(r *http.Request, f *form) page {
	choices, err := h.People.LoginChoices(r.Context())
	if err != nil && h.Log != nil {
		h.Log.Error("web: unable to list identity providers", "error", err)
	}
	var targets []string
	for _, c := range choices {
		targets = append(targets, c.Origins...)
	}
	return page{Title: "Inloggen", Notice: notice(r), Form: f, Data: choices, FormTargets: targets}
}
