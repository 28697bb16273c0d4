package web

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
)

// enrolQR: GET /inloggen/koppelen/qr.png, the QR code of the secret being
// enrolled, made on this server: the secret goes to no outside service.
func (h *Handler) enrolQR(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie(loginCookie)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	e, err := h.People.Enrolment(r.Context(), c.Value)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	png, err := auth.QRCode(e.URL)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "image/png")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(png)
}
