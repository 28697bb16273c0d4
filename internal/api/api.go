// Package api is Jeugdketen's JSON REST interface (v1) for client systems and
// professionals: Dutch field names, bearer tokens, errors as
// application/problem+json. Each action has its own file; routes are in Routes.
package api

import (
	"context"
	"encoding/json"
	"log/slog"
	"math"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/ratelimit"
	"github.com/jeugdketen/jeugdketen/internal/region"
	"github.com/jeugdketen/jeugdketen/internal/registry"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// Handler serves the API.
type Handler struct {
	Tokens   auth.Tokens
	Registry *registry.Service
	Region   *region.Service
	Now      func() time.Time
	Log      *slog.Logger
	Limits   Limits
	// RequireBirthDate refuses a registration without geboortedatum, as the
	// web form always does (--require-birth-date; issue 14).
	RequireBirthDate bool
}

// Limits slow callers down (counted per instance, see package ratelimit). A
// nil limiter does not limit.
type Limits struct {
	// PerToken counts the requests of each valid token.
	PerToken *ratelimit.Limiter
	// BadToken counts, per client address, the requests that present a token
	// that is not valid. Over it, such requests get 429 instead of 401, so a
	// client stuck on a wrong or revoked token backs off. A valid token is
	// never refused for what others at its address sent: it is looked up
	// first, and only PerToken counts it. That tells a guesser at a blocked
	// address a right token from a wrong one, as 401 would; it costs nothing,
	// since a token holds 256 random bits and no rate makes guessing one
	// feasible.
	BadToken *ratelimit.Limiter
}

// Routes registers the API on mux under /api/v1/. Any other path or method
// under /api/ gets a problem+json 404 rather than the mux's plain text.
func (h *Handler) Routes(mux *http.ServeMux) {
	for _, rt := range h.routes() {
		mux.Handle(rt.method+" "+rt.path, rt.handler)
	}
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeProblem(w, r, model.Errorf(model.ENOTFOUND, "Deze API-route bestaat niet: %s %s.", r.Method, r.URL.Path))
	})
}

// route is one endpoint of the API. The table is also what the OpenAPI
// document is checked against, so the two cannot drift apart.
type route struct {
	method, path string
	handler      http.Handler
}

func (h *Handler) routes() []route {
	return []route{
		{"GET", "/api/v1/openapi.json", http.HandlerFunc(h.openAPI)},
		{"POST", "/api/v1/registraties", h.authed(h.createRegistration)},
		{"GET", "/api/v1/registraties", h.authed(h.listRegistrations)},
		{"GET", "/api/v1/registraties/{id}", h.authed(h.getRegistration)},
		{"POST", "/api/v1/registraties/{id}/beeindigen", h.authed(h.endRegistration)},
		{"POST", "/api/v1/registraties/{id}/herstellen", h.authed(h.restoreRegistration)},
		{"POST", "/api/v1/registraties/{id}/informatie", h.authed(h.informRegistration)},
		{"POST", "/api/v1/registraties/{id}/verlengen", h.authed(h.renewRegistration)},
		{"POST", "/api/v1/registraties/{id}/verwijderen", h.authed(h.removeRegistration)},
		{"GET", "/api/v1/jeugdigen/{referentie}", h.authed(h.getYouth)},
		{"GET", "/api/v1/berichten", h.authed(h.listMessages)},
		{"POST", "/api/v1/berichten/{id}/gelezen", h.authed(h.readMessage)},
		{"GET", "/api/v1/organisaties", h.admin(h.listOrganisations)},
		{"POST", "/api/v1/organisaties", h.admin(h.createOrganisation)},
		{"POST", "/api/v1/medewerkers", h.admin(h.createProfessional)},
		// An organisation's complete list of its professionals (issue 21).
		{"POST", "/api/v1/medewerkers/synchronisatie", h.authedAs(needClient, h.syncProfessionals)},
		{"GET", "/api/v1/niet-bezorgde-mail", h.admin(h.listUndeliveredMail)},
		{"POST", "/api/v1/tokens", h.admin(h.createToken)},
		{"POST", "/api/v1/bezwaren", h.admin(h.createObjection)},
		{"POST", "/api/v1/bezwaren/{id}/besluit", h.admin(h.decideObjection)},
		{"POST", "/api/v1/inzage", h.admin(h.createAccessReport)},
		{"GET", "/api/v1/monitoring", h.authedAs(needMonitor, h.getMonitoring)},
		{"GET", "/api/v1/werklijst", h.authed(h.getWorklist)},

		// Bulk synchronisation for client systems (issue 16).
		{"POST", "/api/v1/synchronisaties", h.authedAs(needSync, h.createSync)},
		{"GET", "/api/v1/synchronisaties/{id}", h.authedAs(needSync, h.getSync)},
		// Events and webhooks for client systems (issue 16).
		{"GET", "/api/v1/gebeurtenissen", h.authed(h.listEvents)},
		{"GET", "/api/v1/organisaties/{id}/webhook", h.admin(h.getWebhook)},
		{"POST", "/api/v1/organisaties/{id}/webhook", h.admin(h.setWebhook)},
		{"POST", "/api/v1/organisaties/{id}/webhook/hervatten", h.admin(h.resumeWebhook)},
		{"POST", "/api/v1/organisaties/{id}/webhook/verwijderen", h.admin(h.removeWebhook)},

		// Coordination (issue 4): accepting, handover, closing.
		{"POST", "/api/v1/jeugdigen/{referentie}/coordinatie/accepteren", h.authed(h.acceptCoordination)},
		{"POST", "/api/v1/jeugdigen/{referentie}/coordinatie/niet-nodig", h.authed(h.coordinationNotNeeded)},
		{"POST", "/api/v1/jeugdigen/{referentie}/coordinatie/overdracht", h.authed(h.proposeHandover)},
		{"POST", "/api/v1/jeugdigen/{referentie}/coordinatie/overdracht/accepteren", h.authed(h.acceptHandover)},
		{"POST", "/api/v1/jeugdigen/{referentie}/coordinatie/overdracht/weigeren", h.authed(h.declineHandover)},
		{"POST", "/api/v1/jeugdigen/{referentie}/coordinatie/overdracht/intrekken", h.authed(h.withdrawHandover)},
		{"POST", "/api/v1/jeugdigen/{referentie}/coordinatie/afsluiten", h.authed(h.closeCoordination)},

		// Plan of action, signallers contacted, wrong signals (issue 4).
		{"GET", "/api/v1/jeugdigen/{referentie}/plan", h.authed(h.getPlan)},
		{"POST", "/api/v1/jeugdigen/{referentie}/plan/afspraken", h.authed(h.createAgreement)},
		{"POST", "/api/v1/jeugdigen/{referentie}/plan/afspraken/{id}", h.authed(h.updateAgreement)},
		{"POST", "/api/v1/jeugdigen/{referentie}/signaalgevers/{registratie}/gebeld", h.authed(h.recordContact)},
		{"POST", "/api/v1/jeugdigen/{referentie}/signaalgevers/{registratie}/overleg-onterecht", h.authed(h.consultWrongSignal)},
		{"POST", "/api/v1/jeugdigen/{referentie}/signaalgevers/{registratie}/verwijderen", h.authed(h.removeWrongSignal)},

		// Escalation procedure and the care pyramid (issue 4).
		{"GET", "/api/v1/jeugdigen/{referentie}/escalatie", h.authed(h.getEscalation)},
		{"POST", "/api/v1/jeugdigen/{referentie}/escalatie", h.authed(h.startEscalation)},
		{"POST", "/api/v1/jeugdigen/{referentie}/escalatie/stappen", h.authed(h.recordEscalationStep)},
		{"POST", "/api/v1/jeugdigen/{referentie}/escalatie/intrekken", h.authed(h.withdrawEscalation)},
		{"GET", "/api/v1/jeugdigen/{referentie}/zorgpiramide", h.authed(h.getPyramid)},
		{"POST", "/api/v1/jeugdigen/{referentie}/zorgpiramide/overleg", h.authed(h.recordConvened)},
		{"POST", "/api/v1/jeugdigen/{referentie}/zorgpiramide/stagnatie", h.authed(h.reportStagnation)},
		{"POST", "/api/v1/jeugdigen/{referentie}/zorgpiramide/stagnatie/bijeengeroepen", h.admin(h.recordBrandpuntConvened)},
		{"POST", "/api/v1/jeugdigen/{referentie}/zorgpiramide/stagnatie/opdracht", h.admin(h.recordBrandpuntInstruction)},

		// Families and relations (issue 7).
		{"GET", "/api/v1/jeugdigen/{referentie}/relaties", h.authed(h.listRelations)},
		{"POST", "/api/v1/jeugdigen/{referentie}/relaties", h.authed(h.createRelation)},
		{"POST", "/api/v1/jeugdigen/{referentie}/relaties/{id}/verwijderen", h.authed(h.removeRelation)},
	}
}

// Route is an API route as its method and pattern.
type Route struct{ Method, Path string }

// Routes lists every API route, for tests that must cover each one.
func Routes() []Route {
	var out []Route
	for _, rt := range (&Handler{}).routes() {
		out = append(out, Route{rt.method, rt.path})
	}
	return out
}

func (h *Handler) now() time.Time {
	if h.Now != nil {
		return h.Now()
	}
	return time.Now()
}

type callerKey struct{}

// need names, in Dutch, the token a route takes, for its 401.
type need string

const (
	needMember  need = "het toegangstoken van een medewerker, of dat van het clientsysteem (de koppeling) van zijn organisatie"
	needAdmin   need = "het eigen toegangstoken van een regiobeheerder"
	needMonitor need = "het eigen toegangstoken van een monitoringsaccount van de gemeente of van een regiobeheerder"
	needClient  need = "het toegangstoken van het clientsysteem (de koppeling) van de organisatie, ook een dat alleen mag synchroniseren"
	needSync    need = "het toegangstoken van het clientsysteem (de koppeling) van een organisatie, ook een dat alleen mag synchroniseren, of dat van een medewerker"
)

// errSyncOnly refuses a token limited to synchronising on any other route.
var errSyncOnly = model.Errorf(model.EFORBIDDEN, "Dit toegangstoken mag alleen synchroniseren (POST /api/v1/synchronisaties en de verslagen daarvan lezen, POST /api/v1/medewerkers/synchronisatie); voor deze route is een token met volledig bereik nodig.")

// authed resolves the bearer token of a professional or a client system
// before calling next, within the limits.
func (h *Handler) authed(next func(http.ResponseWriter, *http.Request, auth.Caller)) http.Handler {
	return h.authedAs(needMember, next)
}

// authedAs resolves the bearer token before calling next, within the limits;
// a 401 says that the route takes what.
func (h *Handler) authedAs(what need, next func(http.ResponseWriter, *http.Request, auth.Caller)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
		if !ok || !strings.EqualFold(scheme, "Bearer") {
			w.Header().Set("WWW-Authenticate", `Bearer realm="jeugdketen"`)
			writeProblem(w, r, model.Errorf(model.EUNAUTHORIZED, "Geen toegangstoken. Deze route vraagt %s: stuur 'Authorization: Bearer <token>'.", what))
			return
		}
		c, err := h.Tokens.Authenticate(r.Context(), strings.TrimSpace(token), h.now())
		if model.ErrorCode(err) == model.EUNAUTHORIZED {
			if ok, wait := h.Limits.BadToken.Allow(addressKey(r.RemoteAddr)); !ok {
				tooMany(w, r, wait, "Te veel verzoeken met een ongeldig toegangstoken vanaf uw adres.")
				return
			}
			w.Header().Set("WWW-Authenticate", `Bearer realm="jeugdketen", error="invalid_token"`)
			writeProblem(w, r, model.Errorf(model.EUNAUTHORIZED, "%s Deze route vraagt %s: stuur 'Authorization: Bearer <token>'.", model.ErrorMessage(err), what))
			return
		}
		if err != nil {
			h.fail(w, r, err)
			return
		}
		if ok, wait := h.Limits.PerToken.Allow(strconv.FormatInt(c.TokenID, 10)); !ok {
			tooMany(w, r, wait, "Te veel verzoeken met dit toegangstoken.")
			return
		}
		if c.Scope == model.ScopeSync && what != needSync && what != needClient {
			writeProblem(w, r, errSyncOnly)
			return
		}
		next(w, r.WithContext(context.WithValue(r.Context(), callerKey{}, c)), c)
	})
}

// tooMany answers 429 with the wait in Retry-After and in the Dutch text.
func tooMany(w http.ResponseWriter, r *http.Request, wait time.Duration, what string) {
	secs := max(1, int(math.Ceil(wait.Seconds())))
	w.Header().Set("Retry-After", strconv.Itoa(secs))
	writeProblem(w, r, model.Errorf(model.ETOOMANY, "%s Wacht %d seconde(n) en probeer het dan opnieuw.", what, secs))
}

// addressKey is the key under which a client address is counted: the IP
// address, or for IPv6 its /64 network, which one subscriber usually has whole.
func addressKey(remoteAddr string) string {
	host, _, err := net.SplitHostPort(remoteAddr)
	if err != nil {
		host = remoteAddr
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return host
	}
	ip = ip.Unmap()
	if ip.Is6() {
		p, _ := ip.Prefix(64)
		return p.String()
	}
	return ip.String()
}

// admin lets only a regional administrator's own token through.
func (h *Handler) admin(next func(http.ResponseWriter, *http.Request, auth.Caller)) http.Handler {
	return h.authedAs(needAdmin, func(w http.ResponseWriter, r *http.Request, c auth.Caller) {
		if c.IsClientSystem() || !c.Professional.Admin {
			writeProblem(w, r, model.Errorf(model.EFORBIDDEN, "Alleen de regiobeheerder mag dit doen."))
			return
		}
		next(w, r, c)
	})
}

// actor turns a caller into the professional acting, for client systems the
// one named in medewerker.
func (h *Handler) actor(r *http.Request, c auth.Caller, medewerker string) (usecase.Actor, error) {
	p, err := h.Tokens.ActingProfessional(r.Context(), c, medewerker)
	if err != nil {
		return usecase.Actor{}, err
	}
	a := usecase.Actor{Professional: p, Organisation: c.Organisation, Source: r.RemoteAddr + " " + r.UserAgent()}
	if c.IsClientSystem() {
		a.TokenID = c.TokenID
	}
	return a, nil
}

func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, model.Errorf(model.ENOTFOUND, "Niet gevonden: %q is geen geldig nummer.", r.PathValue("id"))
	}
	return id, nil
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// fail writes the problem for err and logs internal errors. The log names the
// route pattern, not the path or query as sent: a caller may put a BSN there.
func (h *Handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	if model.ErrorCode(err) == model.EINTERNAL && h.Log != nil {
		h.Log.Error("api request failed", "route", r.Pattern, "error", err)
	}
	writeProblem(w, r, err)
}
