package web

import (
	"net/http"
	"strings"

	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/model"
)

// providerPage is the organisation's identity provider as the administrator
// sees it: never the secret, only whether one is saved.
type providerPage struct {
	Organisation model.Organisation
	Provider     auth.ProviderView
	RedirectURL  string
}

// showProvider: GET /beheer/organisaties/{id}/inloggen, the organisation's
// own identity provider (issue 21).
func (h *Handler) showProvider(w http.ResponseWriter, r *http.Request) {
	h.renderProvider(w, r, http.StatusOK, nil, nil)
}

func (h *Handler) renderProvider(w http.ResponseWriter, r *http.Request, status int, f *form, cause error) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	o, err := h.Region.Organisation(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	view, err := h.People.Provider(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if f == nil {
		f = &form{Values: map[string][]string{
			"issuer": {view.Issuer}, "client-id": {view.ClientID}, "email-claim": {view.EmailClaim},
			"acr": {strings.Join(view.MFAAcr, " ")}, "domeinen": {strings.Join(view.Domains, " ")},
		}}
		if view.PasswordLogin {
			f.Values.Set("wachtwoord", "ja")
		}
	}
	p := page{Title: "Inloggen via " + o.Name, Nav: "organisaties", Notice: notice(r), Form: f,
		Data: providerPage{Organisation: o, Provider: view, RedirectURL: h.People.RedirectURL}}
	if cause != nil {
		h.formError(w, r, "provider", p, cause)
		return
	}
	h.render(w, r, status, "provider", p)
}
