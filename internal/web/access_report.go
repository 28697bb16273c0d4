package web

import (
	"bytes"
	"html/template"
	"net/http"
	"strings"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/registration"
	"github.com/jeugdketen/jeugdketen/internal/report"
)

// accessReportView is the report page: the report's own text (rendered by
// package report, as in the PDF) and the BSN for the download forms.
type accessReportView struct {
	Report template.HTML
	BSN    string
	Found  bool
}

// createAccessReport: POST /beheer/inzage, with burgerservicenummer and
// formaat: empty for the page, "pdf" for the PDF download, "afdrukken" for
// the printable page of package report. A bad BSN brings the form back
// with the error at the field and the number kept.
func (h *Handler) createAccessReport(w http.ResponseWriter, r *http.Request) {
	f := newForm(r)
	bsn := strings.TrimSpace(f.Value("burgerservicenummer"))
	format := f.Value("formaat")
	audited := map[string]string{"": "html", "afdrukken": "html", "pdf": "pdf"}[format]
	if audited == "" {
		h.renderError(w, r, http.StatusUnprocessableEntity, "Dat kan niet", "Kies het inzagerapport als pagina, als PDF of om af te drukken.")
		return
	}
	rep, err := h.Registry.Registrations.AccessReport(r.Context(), actor(r), bsn, audited)
	if err != nil {
		if model.ErrorCode(err) != model.EINVALID {
			h.fail(w, r, err)
			return
		}
		f.fail(err)
		h.render(w, r, http.StatusUnprocessableEntity, "access_report_form", page{Title: "Inzagerapport", Nav: "inzage", Form: f})
		return
	}
	var b bytes.Buffer
	switch format {
	case "pdf":
		if err := report.PDF(&b, rep); err != nil {
			h.serverError(w, r, err)
			return
		}
		w.Header().Set("Content-Type", "application/pdf")
		w.Header().Set("Content-Disposition", `attachment; filename="`+reportName(rep)+`.pdf"`)
		w.Header().Set("Cache-Control", "no-store")
		w.Write(b.Bytes())
	case "afdrukken":
		if err := report.HTML(&b, rep); err != nil {
			h.serverError(w, r, err)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Security-Policy", report.ContentSecurityPolicy)
		w.Header().Set("Cache-Control", "no-store")
		w.Write(b.Bytes())
	default:
		if err := report.Body(&b, rep); err != nil {
			h.serverError(w, r, err)
			return
		}
		h.render(w, r, http.StatusOK, "access_report", page{Title: "Inzagerapport", Nav: "inzage",
			Data: accessReportView{Report: template.HTML(b.String()), BSN: bsn, Found: rep.Found}})
	}
}

// reportName is the download's file name: the youth's reference, never the BSN.
func reportName(rep registration.Report) string {
	if rep.Found {
		return "inzagerapport-" + rep.Youth.Reference
	}
	return "inzagerapport"
}
