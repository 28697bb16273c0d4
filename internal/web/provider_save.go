package web

import (
	"net/http"
	"strconv"

	"github.com/jeugdketen/jeugdketen/internal/auth"
)

// saveProvider: POST /beheer/organisaties/{id}/inloggen sets the
// organisation's identity provider. The secret field is never filled in
// again: left empty, the saved secret stays.
func (h *Handler) saveProvider(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	f := newForm(r)
	s := auth.ProviderSettings{Issuer: f.Value("issuer"), ClientID: f.Value("client-id"), ClientSecret: f.Value("client-secret"),
		EmailClaim: f.Value("email-claim"), MFAAcr: f.Value("acr"), Domains: f.Value("domeinen"), PasswordLogin: f.Is("wachtwoord", "ja")}
	f.Values.Del("client-secret")
	if err := h.People.SaveProvider(r.Context(), auditActor(r), id, s); err != nil {
		h.renderProvider(w, r, http.StatusUnprocessableEntity, f, err)
		return
	}
	http.Redirect(w, r, withNotice("/beheer/organisaties/"+strconv.FormatInt(id, 10)+"/inloggen", "opgeslagen"), http.StatusSeeOther)
}
