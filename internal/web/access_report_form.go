package web

import "net/http"

// The access report (inzage, AVG art. 15) for one youth, which the regional
// administrator hands to parents or youth on request: a form asking the
// BSN, then the report as a page, as a PDF or as a printable page. The BSN
// travels in the body of a post, never in a URL, so that it appears in no
// access log or browser history; making the report is recorded in the
// audit trail each time, in each format, by the use case.

// showAccessReportForm: GET /beheer/inzage.
func (h *Handler) showAccessReportForm(w http.ResponseWriter, r *http.Request) {
	h.render(w, r, http.StatusOK, "access_report_form", page{Title: "Inzagerapport", Nav: "inzage", Form: &form{}})
}
