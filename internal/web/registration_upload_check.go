package web

import (
	"errors"
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/synchronisation"
)

// checkUpload: POST /registraties/uploaden. The file is read and run as a
// dry run: the page says what confirming would do ("12 nieuw, 3 beëindigd,
// 2 geweigerd: regel 14, burgerservicenummer klopt niet") and nothing is
// changed yet. The confirmation posts the file's text again with its
// controlegetal, so it applies exactly the file that was checked.
func (h *Handler) checkUpload(w http.ResponseWriter, r *http.Request) {
	if h.refuseNonRegistering(w, r) {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		h.renderUpload(w, r, http.StatusRequestEntityTooLarge, &form{}, uploadTooLarge(err), uploadPage{})
		return
	}
	f := newForm(r)
	file, _, err := r.FormFile("bestand")
	if err != nil {
		h.renderUpload(w, r, http.StatusUnprocessableEntity, f, model.InvalidField("bestand", "Kies het CSV-bestand met de registraties."), uploadPage{})
		return
	}
	defer file.Close()
	csv, err := synchronisation.ReadCSV(file)
	if err != nil {
		h.renderUpload(w, r, http.StatusUnprocessableEntity, f, err, uploadPage{})
		return
	}
	c, err := h.uploadCaller(r, f)
	if err != nil {
		h.renderUpload(w, r, http.StatusUnprocessableEntity, f, err, uploadPage{})
		return
	}
	sum := synchronisation.Checksum(csv.Lines)
	res, err := h.Registry.Synchronisations.DryRun(r.Context(), c, synchronisation.Request{Complete: f.Value("volledig") == "ja", Lines: csv.Lines, Checksum: sum})
	if err != nil {
		h.renderUpload(w, r, http.StatusUnprocessableEntity, f, err, uploadPage{})
		return
	}
	check := newUploadResult(res, csv)
	check.File, check.Checksum, check.OrgName = csvText(csv), sum, c.Organisation.Name
	h.renderUpload(w, r, http.StatusOK, f, nil, uploadPage{Check: check})
}

func uploadTooLarge(err error) error {
	var maxErr *http.MaxBytesError
	if errors.As(err, &maxErr) {
		return model.Errorf(model.ETOOLARGE, "Het bestand is te groot (meer dan 48 MiB). Splits het bestand.")
	}
	return model.InvalidField("bestand", "Het bestand kwam niet goed aan. Probeer het opnieuw.")
}

// csvText writes the lines read back as the CSV text the confirmation
// posts: the header and one line each, in the template's column order.
func csvText(f synchronisation.CSVFile) string {
	b := synchronisation.Template()
	for _, l := range f.Lines {
		b = append(b, l.BSN+";"+l.Kind+";"+l.Professional+";"+l.BirthDate+";"+l.EndDate+";"+l.Parents+";"+l.Youth+"\r\n"...)
	}
	return string(b)
}
