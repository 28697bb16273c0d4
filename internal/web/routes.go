package web

import (
	"net/http"
)

// New prepares the handler: it parses the embedded templates once.
func New(h Handler) (*Handler, error) {
	pages, err := parsePages()
	if err != nil {
		return nil, err
	}
	h.pages = pages
	return &h, nil
}

// Routes registers the web application on mux. Every route is behind Go's
// cross-origin protection: a form posted from another site is refused
// (Sec-Fetch-Site and Origin checks), so no form needs a CSRF token.
func (h *Handler) Routes(mux *http.ServeMux) {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.renderError(w, r, http.StatusForbidden, "Geweigerd", "Dit formulier kwam niet van Jeugdketen zelf en is daarom niet verwerkt.")
	}))
	handle := func(pattern string, handler http.Handler) { mux.Handle(pattern, cop.Handler(handler)) }
	public := func(pattern string, fn http.HandlerFunc) { handle(pattern, fn) }

	mux.Handle("GET /static/", http.StripPrefix("/static/", staticFiles()))

	// Logging in and out.
	public("GET /inloggen", h.showLogin)
	public("POST /inloggen", h.submitLogin)
	public("GET /inloggen/code", h.showCode)
	public("POST /inloggen/code", h.submitCode)
	public("GET /inloggen/koppelen", h.showEnrol)
	public("GET /inloggen/koppelen/qr.png", h.enrolQR)
	public("POST /inloggen/koppelen", h.submitEnrol)
	public("POST /uitloggen", h.logout)

	// The professional's pages.
	handle("GET /{$}", h.requireLogin(h.home))
	handle("GET /registreren", h.requireLogin(h.newRegistration))
	handle("POST /registreren", h.requireLogin(h.createRegistration))
	handle("GET /registraties", h.requireLogin(h.listRegistrations))
	handle("GET /registraties/{id}", h.requireLogin(h.showRegistration))
	handle("POST /registraties/{id}/beeindigen", h.requireLogin(h.endRegistration))
	handle("POST /registraties/{id}/einddatum", h.requireLogin(h.setEndDate))
	handle("GET /berichten", h.requireLogin(h.listMessages))
	handle("POST /berichten/{id}/gelezen", h.requireLogin(h.readMessage))
	handle("GET /jeugdigen/{ref}", h.requireLogin(h.showYouth))

	// The regional administrator's pages.
	handle("GET /beheer", h.requireAdmin(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/beheer/organisaties", http.StatusSeeOther)
	}))
	handle("GET /beheer/organisaties", h.requireAdmin(h.listOrganisations))
	handle("POST /beheer/organisaties", h.requireAdmin(h.createOrganisation))
	handle("GET /beheer/organisaties/{id}", h.requireAdmin(h.editOrganisation))
	handle("POST /beheer/organisaties/{id}", h.requireAdmin(h.updateOrganisation))
	handle("GET /beheer/medewerkers", h.requireAdmin(h.listProfessionals))
	handle("POST /beheer/medewerkers", h.requireAdmin(h.createProfessional))
	handle("POST /beheer/medewerkers/{id}/deactiveren", h.requireAdmin(h.deactivateProfessional))
	handle("POST /beheer/medewerkers/{id}/tweede-factor", h.requireAdmin(h.resetSecondFactor))
	handle("POST /beheer/medewerkers/{id}/wachtwoord", h.requireAdmin(h.newPassword))
	handle("GET /beheer/tokens", h.requireAdmin(h.listTokens))
	handle("POST /beheer/tokens", h.requireAdmin(h.createToken))
	handle("POST /beheer/tokens/{id}/intrekken", h.requireAdmin(h.revokeToken))
	handle("GET /beheer/convenant", h.requireAdmin(h.showCovenant))
}
