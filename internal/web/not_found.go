package web

import (
	"context"
	"net/http"
	"strings"
)

// notFound answers every path no route takes, with a Dutch page in the
// site's layout instead of the mux's English "404 page not found". A path
// that exists for another method gets 405 and its Allow header. The API
// has its own catch-all under /api/ (problem+json), which the mux prefers.
func (h *Handler) notFound(mux *http.ServeMux) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		r = h.withOptionalUser(r)
		if allow := allowedMethods(mux, r); len(allow) > 0 {
			w.Header().Set("Allow", strings.Join(allow, ", "))
			h.renderError(w, r, http.StatusMethodNotAllowed, "Dat kan hier niet",
				"Deze pagina bestaat, maar niet voor wat uw browser vroeg. Ga terug en probeer het via de knoppen op de pagina.")
			return
		}
		h.pageNotFound(w, r)
	}
}

// pageNotFound is the Dutch 404 page.
func (h *Handler) pageNotFound(w http.ResponseWriter, r *http.Request) {
	h.renderError(w, r, http.StatusNotFound, "Pagina niet gevonden",
		"Deze pagina bestaat niet. Misschien is de link verouderd of is het adres niet goed overgenomen.")
}

// allowedMethods are the methods for which another route than the
// catch-all takes the request's path.
func allowedMethods(mux *http.ServeMux, r *http.Request) []string {
	var allow []string
	for _, m := range []string{http.MethodGet, http.MethodPost} {
		if m == r.Method {
			continue
		}
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, pattern := mux.Handler(probe); pattern != "" && pattern != "/" {
			allow = append(allow, m)
		}
	}
	return allow
}

// withOptionalUser adds the logged-in professional, when there is one, so
// that a page outside requireLogin still shows their menu. Without a valid
// session the request is as it was.
func (h *Handler) withOptionalUser(r *http.Request) *http.Request {
	c, err := r.Cookie(sessionCookie)
	if err != nil || h.People == nil {
		return r
	}
	cur, err := h.People.Session(r.Context(), c.Value)
	if err != nil {
		return r
	}
	return r.WithContext(context.WithValue(r.Context(), userKey{}, cur))
}
