package web

import (
	"net/http"
	"strconv"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// providerCookie keeps the state of a login at the organisation's provider,
// so that only the browser that went there can come back with it.
const providerCookie = "jeugdketen_oidc"

// startProvider: POST /inloggen/via/{organisatie}, "Inloggen via
// <organisatie>" on the login page (issue 21).
func (h *Handler) startProvider(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("organisatie"), 10, 64)
	if err != nil || id <= 0 {
		h.fail(w, r, model.Errorf(model.ENOTFOUND, "Deze pagina bestaat niet."))
		return
	}
	h.startProviderLogin(w, r, id)
}

// startProviderLogin sends the browser to the organisation's provider.
func (h *Handler) startProviderLogin(w http.ResponseWriter, r *http.Request, organisationID int64) {
	start, err := h.People.BeginProviderLogin(r.Context(), organisationID)
	if err != nil {
		h.formError(w, r, "login", h.loginPage(r, newForm(r)), err)
		return
	}
	h.setCookie(w, providerCookie, start.State, loginCookieAge)
	http.Redirect(w, r, start.URL, http.StatusSeeOther)
}
