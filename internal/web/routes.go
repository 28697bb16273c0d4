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
	mux.Handle("GET /static/", http.StripPrefix("/static/", staticFiles(http.HandlerFunc(h.pageNotFound))))
	for _, rt := range h.routes() {
		mux.Handle(rt.pattern, h.recoverPanic(cop.Handler(rt.handler)))
	}
	// Every path no other route takes, and a known path with another
	// method: a Dutch page (404 or 405) in the layout. "GET /{$}" is only
	// the home page, so this is the one pattern that takes the rest.
	mux.Handle("/", h.recoverPanic(h.notFound(mux)))
}

// route is one page or form action of the web application.
type route struct {
	pattern string
	handler http.Handler
}

// routes is every route but the static files, in one table so that the
// access-control test can check it covers each one.
func (h *Handler) routes() []route {
	public := func(pattern string, fn http.HandlerFunc) route { return route{pattern, fn} }
	login := func(pattern string, fn http.HandlerFunc) route { return route{pattern, h.requireLogin(fn)} }
	admin := func(pattern string, fn http.HandlerFunc) route { return route{pattern, h.requireAdmin(fn)} }
	// account: logged in, and open while the password is still initial.
	account := func(pattern string, fn http.HandlerFunc) route { return route{pattern, h.requireSession(fn)} }
	return []route{
		// Logging in and out.
		public("GET /inloggen", h.showLogin),
		public("POST /inloggen", h.submitLogin),
		public("GET /inloggen/code", h.showCode),
		public("POST /inloggen/code", h.submitCode),
		public("GET /inloggen/koppelen", h.showEnrol),
		public("GET /inloggen/koppelen/qr.png", h.enrolQR),
		public("POST /inloggen/koppelen", h.submitEnrol),
		public("POST /uitloggen", h.logout),
		// Through the organisation's own identity provider (issue 21).
		public("POST /inloggen/via/{organisatie}", h.startProvider),
		public("GET /inloggen/oidc/terug", h.providerReturn),

		// The professional's own password (issue 14).
		account("GET /account/wachtwoord", h.showPassword),
		account("POST /account/wachtwoord", h.changePassword),

		// The professional's pages.
		login("GET /{$}", h.home),
		login("GET /registreren", h.newRegistration),
		login("POST /registreren", h.createRegistration),
		login("GET /registraties", h.listRegistrations),
		// A file of registrations, for an organisation without a coupling (issue 16).
		login("GET /registraties/uploaden", h.showUpload),
		login("GET /registraties/uploaden/sjabloon.csv", h.showUploadTemplate),
		login("POST /registraties/uploaden", h.checkUpload),
		login("POST /registraties/uploaden/bevestigen", h.applyUpload),
		login("GET /registraties/{id}", h.showRegistration),
		login("POST /registraties/{id}/beeindigen", h.endRegistration),
		login("POST /registraties/{id}/herstellen", h.restoreRegistration),
		login("POST /registraties/{id}/einddatum", h.setEndDate),
		login("POST /registraties/{id}/informeren", h.informRegistration),
		login("POST /registraties/{id}/verlengen", h.renewRegistration),
		login("POST /registraties/{id}/verwijderen", h.removeRegistration),
		login("GET /berichten", h.listMessages),
		login("POST /berichten/{id}/gelezen", h.readMessage),
		login("GET /jeugdigen/{ref}", h.showYouth),

		// Coordination (issue 4): accepting, handover, closing.
		login("POST /jeugdigen/{ref}/coordinatie/accepteren", h.acceptCoordination),
		login("POST /jeugdigen/{ref}/coordinatie/niet-nodig", h.coordinationNotNeeded),
		login("POST /jeugdigen/{ref}/coordinatie/overdracht", h.proposeHandover),
		login("POST /jeugdigen/{ref}/coordinatie/overdracht/accepteren", h.acceptHandover),
		login("POST /jeugdigen/{ref}/coordinatie/overdracht/weigeren", h.declineHandover),
		login("POST /jeugdigen/{ref}/coordinatie/overdracht/intrekken", h.withdrawHandover),
		login("POST /jeugdigen/{ref}/coordinatie/afsluiten", h.closeCoordination),

		// Plan of action, signallers contacted, wrong signals (issue 4).
		login("POST /jeugdigen/{ref}/plan/afspraken", h.createAgreement),
		login("POST /jeugdigen/{ref}/plan/afspraken/{id}", h.updateAgreement),
		login("POST /jeugdigen/{ref}/plan/signaalgevers/{registratie}/gebeld", h.recordContact),
		login("POST /jeugdigen/{ref}/plan/signaalgevers/{registratie}/overleg-onterecht", h.consultWrongSignal),
		login("POST /jeugdigen/{ref}/plan/signaalgevers/{registratie}/verwijderen", h.removeWrongSignal),

		// Escalation procedure and the care pyramid (issue 4).
		login("POST /jeugdigen/{ref}/escalatie", h.startEscalation),
		login("POST /jeugdigen/{ref}/escalatie/stappen", h.recordEscalationStep),
		login("POST /jeugdigen/{ref}/escalatie/intrekken", h.withdrawEscalation),
		login("POST /jeugdigen/{ref}/zorgpiramide/overleg", h.recordConvened),
		login("POST /jeugdigen/{ref}/zorgpiramide/stagnatie", h.reportStagnation),
		admin("POST /jeugdigen/{ref}/zorgpiramide/stagnatie/bijeengeroepen", h.recordBrandpuntConvened),
		admin("POST /jeugdigen/{ref}/zorgpiramide/stagnatie/opdracht", h.recordBrandpuntInstruction),
		admin("GET /beheer/escalaties", h.showEscalations),

		// The coordinator's worklist (issue 4).
		login("GET /werklijst", h.showWorklist),

		// Families and relations (issue 7).
		login("GET /jeugdigen/{ref}/relaties/nieuw", h.newRelation),
		login("POST /jeugdigen/{ref}/relaties", h.createRelation),
		login("POST /jeugdigen/{ref}/relaties/{id}/verwijderen", h.removeRelation),

		// Aggregated figures for the municipality's monitoring account and
		// the regional administrator; the read model (monitoring.Service.Report)
		// refuses anyone else. One table as CSV: /monitoring/<table>.csv.
		login("GET /monitoring", h.showMonitoring),
		login("GET /monitoring/{bestand}", h.monitoringCSV),
		login("GET /monitoring/rapporten", h.listMonitoringReports),
		login("GET /monitoring/rapporten/{file}", h.showMonitoringReport),

		// The regional administrator's pages.
		admin("GET /beheer", func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/beheer/organisaties", http.StatusSeeOther)
		}),
		admin("GET /beheer/organisaties", h.listOrganisations),
		admin("POST /beheer/organisaties", h.createOrganisation),
		admin("GET /beheer/organisaties/{id}", h.editOrganisation),
		admin("POST /beheer/organisaties/{id}", h.updateOrganisation),
		admin("POST /beheer/organisaties/{id}/deactiveren", h.deactivateOrganisation),
		admin("GET /beheer/organisaties/{id}/webhook", h.showWebhook),
		admin("POST /beheer/organisaties/{id}/webhook", h.setWebhook),
		admin("POST /beheer/organisaties/{id}/webhook/hervatten", h.resumeWebhook),
		admin("POST /beheer/organisaties/{id}/webhook/verwijderen", h.removeWebhook),
		admin("GET /beheer/organisaties/{id}/inloggen", h.showProvider),
		admin("POST /beheer/organisaties/{id}/inloggen", h.saveProvider),
		admin("POST /beheer/organisaties/{id}/inloggen/verwijderen", h.removeProvider),
		admin("GET /beheer/medewerkers", h.listProfessionals),
		admin("POST /beheer/medewerkers", h.createProfessional),
		admin("POST /beheer/medewerkers/{id}/deactiveren", h.deactivateProfessional),
		admin("POST /beheer/medewerkers/{id}/tweede-factor", h.resetSecondFactor),
		admin("POST /beheer/medewerkers/{id}/wachtwoord", h.newPassword),
		admin("GET /beheer/medewerkers/{id}/email", h.editProfessionalEmail),
		admin("POST /beheer/medewerkers/{id}/email", h.updateProfessionalEmail),
		admin("GET /beheer/tokens", h.listTokens),
		admin("POST /beheer/tokens", h.createToken),
		admin("POST /beheer/tokens/{id}/intrekken", h.revokeToken),
		admin("GET /beheer/convenant", h.showCovenant),

		// Mail refused for good by the receiving server (issue 19).
		admin("GET /beheer/niet-bezorgde-mail", h.listUndeliveredMail),
		admin("POST /beheer/niet-bezorgde-mail/{id}/opnieuw", h.retryUndeliveredMail),

		// Objections and the access report (issue 14).
		admin("GET /beheer/bezwaren", h.listObjections),
		admin("POST /beheer/bezwaren", h.createObjection),
		admin("GET /beheer/bezwaren/{id}", h.showObjection),
		admin("POST /beheer/bezwaren/{id}/besluit", h.decideObjection),
		admin("GET /beheer/inzage", h.showAccessReportForm),
		admin("POST /beheer/inzage", h.createAccessReport),
	}
}

// Routes lists the pattern of every route but the static files, for tests
// that must cover each one.
func Routes() []string {
	var out []string
	for _, rt := range (&Handler{}).routes() {
		out = append(out, rt.pattern)
	}
	return out
}
