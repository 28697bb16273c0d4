package web

import (
	"net/http"
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/synchronisation"
)

// applyUpload: POST /registraties/uploaden/bevestigen applies the file that
// was checked: its text comes back with the controlegetal of the check, and
// a text that does not match it is refused. It runs while the request
// waits (a few seconds for a typical file; the page shows that it runs).
func (h *Handler) applyUpload(w http.ResponseWriter, r *http.Request) {
	if h.refuseNonRegistering(w, r) {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
	if err := r.ParseForm(); err != nil {
		h.renderUpload(w, r, http.StatusRequestEntityTooLarge, &form{}, uploadTooLarge(err), uploadPage{})
		return
	}
	f := newForm(r)
	csv, err := synchronisation.ReadCSV(strings.NewReader(f.Value("bestandstekst")))
	sum := f.Value("controlegetal")
	if err == nil && synchronisation.Checksum(csv.Lines) != sum {
		err = model.InvalidField("bestand", "Het bestand is veranderd sinds de controle. Upload het opnieuw en controleer het voordat u bevestigt.")
	}
	if err != nil {
		h.renderUpload(w, r, http.StatusUnprocessableEntity, f, err, uploadPage{})
		return
	}
	c, err := h.uploadCaller(r, f)
	if err != nil {
		h.renderUpload(w, r, http.StatusUnprocessableEntity, f, err, uploadPage{})
		return
	}
	http.NewResponseController(w).SetWriteDeadline(time.Now().Add(15 * time.Minute)) // a large file takes longer than the server's write timeout
	res, err := h.Registry.Synchronisations.Apply(r.Context(), c, synchronisation.Request{Complete: f.Value("volledig") == "ja", Lines: csv.Lines, Checksum: sum})
	if err != nil {
		h.renderUpload(w, r, http.StatusUnprocessableEntity, f, err, uploadPage{})
		return
	}
	done := newUploadResult(res, csv)
	done.OrgName = c.Organisation.Name
	h.renderUpload(w, r, http.StatusOK, &form{}, nil, uploadPage{Done: done})
}
