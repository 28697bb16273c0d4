package web

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"

	"github.com/jeugdketen/jeugdketen/internal/monitoring"
	"github.com/jeugdketen/jeugdketen/internal/report"
)

// monitoringReportsView is the list of monthly reports.
type monitoringReportsView struct {
	Reports []monitoring.ReportEntry
	Admin   bool // the list holds every municipality's reports
}

// listMonitoringReports: GET /monitoring/rapporten, the monthly reports of
// the reader's municipality (the regional administrator: of every one),
// newest first.
func (h *Handler) listMonitoringReports(w http.ResponseWriter, r *http.Request) {
	list, err := h.Registry.Monitoring.MonthlyReports(r.Context(), actor(r))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "monitoring_reports", page{Title: "Maandrapporten monitoring", Nav: "monitoring",
		Data: monitoringReportsView{Reports: list, Admin: user(r).Professional.Admin}})
}

// showMonitoringReport: GET /monitoring/rapporten/{file}, with file
// "<id>.pdf": the report rendered from its month's frozen figures, so it
// reads the same every time. Another municipality's report is answered as
// one that does not exist.
func (h *Handler) showMonitoringReport(w http.ResponseWriter, r *http.Request) {
	// A name that is no report's is looked up as report 0, which does not
	// exist: who may not read reports is refused first, as for any id.
	var id int64
	if name, ok := strings.CutSuffix(r.PathValue("file"), ".pdf"); ok {
		id, _ = strconv.ParseInt(name, 10, 64)
	}
	rep, err := h.Registry.Monitoring.OpenMonthlyReport(r.Context(), actor(r), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	var b bytes.Buffer
	if err := report.MonitoringPDF(&b, rep); err != nil {
		h.serverError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", `inline; filename="maandrapport-`+rep.Municipality.Code+`-`+rep.ReportEntry.Month.String()+`.pdf"`)
	w.Header().Set("Cache-Control", "no-store")
	w.Write(b.Bytes())
}
