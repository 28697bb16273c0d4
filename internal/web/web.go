// Package web is Jeugdketen's web application for professionals and the
// regional administrator: server-rendered Dutch pages (html/template,
// embedded), NL Design System styles and a little htmx, all from this server
// so the strict Content-Security-Policy holds. Every main flow works without
// JavaScript. One file per action; the routes are in routes.go.
package web

import (
	"context"
	"embed"
	"errors"
	"html/template"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/covenant"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/region"
	"github.com/jeugdketen/jeugdketen/internal/registry"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

//go:embed templates
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Handler serves the web application.
type Handler struct {
	Registry *registry.Service
	Region   *region.Service
	People   *auth.People
	Covenant *covenant.Covenant
	Secure   bool   // the public address is https: cookies get the Secure flag
	MailView string // path of the demo's sent-mail view; empty when there is none
	Log      *slog.Logger

	pages map[string]*template.Template
}

// Cookie names. The login cookie lives only between password and second factor.
const (
	sessionCookie = "jeugdketen_sessie"
	loginCookie   = "jeugdketen_inloggen"
)

type userKey struct{}

// user is the logged-in professional of a request that passed requireLogin.
func user(r *http.Request) auth.Current {
	c, _ := r.Context().Value(userKey{}).(auth.Current)
	return c
}

// actor is the logged-in professional as the use cases see them.
func actor(r *http.Request) usecase.Actor {
	c := user(r)
	return usecase.Actor{Professional: c.Professional, Organisation: c.Organisation, Source: source(r)}
}

// auditActor is the logged-in professional as the audit trail records them.
func auditActor(r *http.Request) audit.Actor { return actor(r).AuditActor() }

func source(r *http.Request) string { return clientAddress(r) + " " + r.UserAgent() }

func clientAddress(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// requireLogin lets a logged-in professional through and sends anyone else
// to the login page, remembering the page they asked for. One still on the
// initial password the administrator gave them is sent to choose their own
// first, from every page.
func (h *Handler) requireLogin(next http.HandlerFunc) http.Handler {
	return h.requireSession(func(w http.ResponseWriter, r *http.Request) {
		if user(r).InitialPassword {
			h.rememberReturn(w, r)
			h.redirect(w, r, passwordPath)
			return
		}
		next(w, r)
	})
}

// requireSession is requireLogin without the forced password change: for
// the password change page itself.
func (h *Handler) requireSession(next http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie(sessionCookie)
		if err != nil {
			h.toLogin(w, r)
			return
		}
		cur, err := h.People.Session(r.Context(), c.Value)
		if errors.Is(err, auth.ErrNoSession) {
			h.clearCookie(w, sessionCookie)
			h.toLogin(w, r)
			return
		}
		if err != nil {
			h.serverError(w, r, err)
			return
		}
		w.Header().Set("Cache-Control", "no-store")
		next(w, r.WithContext(context.WithValue(r.Context(), userKey{}, cur)))
	})
}

// requireAdmin lets only the regional administrator through.
func (h *Handler) requireAdmin(next http.HandlerFunc) http.Handler {
	return h.requireLogin(func(w http.ResponseWriter, r *http.Request) {
		if !user(r).Professional.Admin {
			h.renderError(w, r, http.StatusForbidden, "Geen toegang", "Deze pagina is alleen voor de regiobeheerder.")
			return
		}
		next(w, r)
	})
}

func (h *Handler) toLogin(w http.ResponseWriter, r *http.Request) {
	h.rememberReturn(w, r)
	if r.Header.Get("HX-Request") != "" {
		w.Header().Set("HX-Redirect", "/inloggen")
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	http.Redirect(w, r, "/inloggen", http.StatusSeeOther)
}

// redirect sends the browser to path; an htmx request is told to load it
// as a whole page.
func (h *Handler) redirect(w http.ResponseWriter, r *http.Request, path string) {
	if r.Header.Get("HX-Request") != "" {
		w.Header().Set("HX-Redirect", path)
		w.WriteHeader(http.StatusOK)
		return
	}
	http.Redirect(w, r, path, http.StatusSeeOther)
}

func (h *Handler) setCookie(w http.ResponseWriter, name, value string, maxAge time.Duration) {
	c := &http.Cookie{Name: name, Value: value, Path: "/", HttpOnly: true, Secure: h.Secure, SameSite: http.SameSiteLaxMode}
	if maxAge > 0 {
		c.MaxAge = int(maxAge.Seconds())
	}
	http.SetCookie(w, c)
}

func (h *Handler) clearCookie(w http.ResponseWriter, name string) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, Secure: h.Secure, SameSite: http.SameSiteLaxMode})
}

// fail shows an application error as a page with the fitting status.
func (h *Handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	a, ok := answerTo(err)
	if !ok {
		h.serverError(w, r, err)
		return
	}
	h.renderError(w, r, a.status, a.title, model.ErrorMessage(err))
}

func (h *Handler) serverError(w http.ResponseWriter, r *http.Request, err error) {
	if h.Log != nil {
		// The route pattern, never the path: a path may hold a youth's reference.
		h.Log.Error("web request failed", "route", r.Pattern, "error", err)
	}
	h.renderError(w, r, http.StatusInternalServerError, "Er ging iets mis", model.ErrorMessage(err))
}

func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, model.Errorf(model.ENOTFOUND, "Deze pagina bestaat niet.")
	}
	return id, nil
}

// staticFiles serves the embedded front-end files; anything else gets
// notFound, the Dutch page.
func staticFiles(notFound http.Handler) http.Handler {
	sub, _ := fs.Sub(staticFS, "static")
	files := http.FileServerFS(sub)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Files only: a folder would be listed (README and all), so it is
		// not found, as is anything not embedded.
		if info, err := fs.Stat(sub, strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")); err != nil || info.IsDir() {
			notFound.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=3600")
		files.ServeHTTP(w, r)
	})
}
