package web

import (
	"fmt"
	"net/http"
	"runtime/debug"
)

// recoverPanic turns a panic in a page into the Dutch "Er ging iets mis"
// page with status 500. The log gets the route and the stack; the user gets
// neither. Pages render into a buffer first, so nothing was sent yet.
func (h *Handler) recoverPanic(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				panic(v)
			}
			if h.Log != nil {
				// The route pattern, never the path: a path may hold a youth's reference.
				h.Log.Error("web request panicked", "route", r.Pattern, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
			}
			h.renderError(w, r, http.StatusInternalServerError, "Er ging iets mis",
				"Er ging iets mis bij het verwerken van uw verzoek. Probeer het later opnieuw; blijft het misgaan, meld het dan aan de regiobeheerder.")
		}()
		next.ServeHTTP(w, r)
	})
}
