package web

import (
	"bytes"
	"net/http"
	"strings"

	"github.com/jeugdketen/jeugdketen/internal/monitoring"
)

// monitoringCSV: GET /monitoring/{bestand} with bestand "<table>.csv" and the
// page's query (van, tot, groep, gemeente): one table of the page as a CSV
// file, the same figures the page shows (monitoring.WriteCSV). The read
// model checks who asks first, so an unknown table is a 404 only for those
// who may see the figures at all.
func (h *Handler) monitoringCSV(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	rep, err := h.Registry.Monitoring.Report(r.Context(), actor(r), monitoring.Request{
		Van: q.Get("van"), Tot: q.Get("tot"), Groep: q.Get("groep"), Gemeente: q.Get("gemeente")})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	id, isCSV := strings.CutSuffix(r.PathValue("bestand"), ".csv")
	var table *monitoring.Table
	for i, t := range rep.Tables {
		if isCSV && t.ID == id {
			table = &rep.Tables[i]
		}
	}
	if table == nil {
		h.pageNotFound(w, r)
		return
	}
	var b bytes.Buffer
	if err := monitoring.WriteCSV(&b, rep, *table); err != nil {
		h.serverError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+monitoring.CSVFileName(rep, *table)+`"`)
	w.Header().Set("Cache-Control", "no-store")
	b.WriteTo(w)
}
