// Package api is Jeugdketen's JSON REST interface (v1) for client systems and
// professionals: Dutch field names, bearer tokens, errors as
// application/problem+json. Each action has its own file; routes are in Routes.
package api

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/region"
	"github.com/jeugdketen/jeugdketen/internal/registry"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// Handler serves the API.
type Handler struct {
	DB       *storage.DB
	Registry *registry.Service
	Region   *region.Service
	Now      func() time.Time
	Log      *slog.Logger
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
		{"GET", "/api/v1/jeugdigen/{referentie}", h.authed(h.getYouth)},
		{"GET", "/api/v1/berichten", h.authed(h.listMessages)},
		{"POST", "/api/v1/berichten/{id}/gelezen", h.authed(h.readMessage)},
		{"GET", "/api/v1/organisaties", h.admin(h.listOrganisations)},
		{"POST", "/api/v1/organisaties", h.admin(h.createOrganisation)},
		{"POST", "/api/v1/medewerkers", h.admin(h.createProfessional)},
		{"POST", "/api/v1/tokens", h.admin(h.createToken)},
	}
}

func (h *Handler) now() time.Time {
	if h.Now != nil {
		return h.Now()
	}
	return time.Now()
}

type callerKey struct{}

// authed resolves the bearer token before calling next.
func (h *Handler) authed(next func(http.ResponseWriter, *http.Request, auth.Caller)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
		if !ok || !strings.EqualFold(scheme, "Bearer") {
			w.Header().Set("WWW-Authenticate", `Bearer realm="jeugdketen"`)
			writeProblem(w, r, model.Errorf(model.EUNAUTHORIZED, "Geen toegangstoken. Stuur 'Authorization: Bearer <token>'."))
			return
		}
		c, err := auth.Authenticate(r.Context(), h.DB, strings.TrimSpace(token), h.now())
		if err != nil {
			w.Header().Set("WWW-Authenticate", `Bearer realm="jeugdketen", error="invalid_token"`)
			h.fail(w, r, err)
			return
		}
		next(w, r.WithContext(context.WithValue(r.Context(), callerKey{}, c)), c)
	})
}

// admin lets only a regional administrator's own token through.
func (h *Handler) admin(next func(http.ResponseWriter, *http.Request, auth.Caller)) http.Handler {
	return h.authed(func(w http.ResponseWriter, r *http.Request, c auth.Caller) {
		if c.IsClientSystem() || !c.Professional.Admin {
			writeProblem(w, r, model.Errorf(model.EFORBIDDEN, "Alleen de regiobeheerder mag dit doen."))
			return
		}
		next(w, r, c)
	})
}

// actor turns a caller into the professional acting, for client systems the
// one named in medewerker.
func (h *Handler) actor(r *http.Request, c auth.Caller, medewerker string) (registry.Actor, error) {
	p, err := auth.ActingProfessional(r.Context(), h.DB, c, medewerker)
	if err != nil {
		return registry.Actor{}, err
	}
	a := registry.Actor{Professional: p, Organisation: c.Organisation, Source: r.RemoteAddr + " " + r.UserAgent()}
	if c.IsClientSystem() {
		a.TokenID = c.TokenID
	}
	return a, nil
}

// maxBody is the largest request body accepted; registrations are tiny.
const maxBody = 64 << 10

// decode reads a JSON body strictly: unknown fields and trailing data are errors.
func decode(w http.ResponseWriter, r *http.Request, v any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		return model.Errorf(model.EINVALID, "Stuur de gegevens als JSON met Content-Type: application/json.")
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonError(err)
	}
	if dec.Decode(&struct{}{}) != io.EOF {
		return model.Errorf(model.EINVALID, "Na het JSON-object staat nog meer tekst; stuur precies één object.")
	}
	return nil
}

func jsonError(err error) error {
	var typeErr *json.UnmarshalTypeError
	var maxErr *http.MaxBytesError
	switch {
	case errors.As(err, &typeErr):
		return model.InvalidField(typeErr.Field, "Dit veld heeft het verkeerde type: verwacht "+jsonType(typeErr.Type.Kind().String())+".")
	case errors.As(err, &maxErr):
		return model.Errorf(model.EINVALID, "Het verzoek is te groot (meer dan 64 KiB).")
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return model.InvalidField(name, "Onbekend veld. Deze API bewaart geen andere gegevens dan de beschreven velden (alleen 'dat', nooit 'wat').")
	case errors.Is(err, io.EOF):
		return model.Errorf(model.EINVALID, "Het verzoek heeft geen inhoud; stuur een JSON-object.")
	}
	return model.Errorf(model.EINVALID, "Het verzoek is geen geldige JSON: %s.", err.Error())
}

func jsonType(kind string) string {
	switch kind {
	case "string":
		return "tekst"
	case "bool":
		return "true of false"
	case "int", "int64", "float64":
		return "een getal"
	}
	return kind
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
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}

// fail writes the problem for err and logs internal errors.
func (h *Handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	if model.ErrorCode(err) == model.EINTERNAL && h.Log != nil {
		h.Log.Error("api request failed", "method", r.Method, "path", r.URL.Path, "error", err)
	}
	writeProblem(w, r, err)
}
