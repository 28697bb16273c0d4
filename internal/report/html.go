package report

import (
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"html/template"
	"io"

	"github.com/jeugdketen/jeugdketen/internal/registration"
)

var (
	//go:embed inzage.html
	pageSource string
	//go:embed style.css
	style string

	page = template.Must(template.New("inzage").Parse(pageSource))
)

// ContentSecurityPolicy is the policy to send with the HTML page: nothing may
// load or run, only its own style sheet, allowed by its hash. The server's
// general policy forbids inline style.
var ContentSecurityPolicy = "default-src 'none'; style-src '" + styleHash() + "'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

func styleHash() string {
	sum := sha256.Sum256([]byte(style))
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}

// HTML writes the report as a printable Dutch HTML page.
func HTML(w io.Writer, r registration.Report) error {
	return page.Execute(w, struct {
		view
		CSS template.CSS
	}{newView(r), template.CSS(style)})
}

// Body writes the report's heading and content without the page around it
// or its style sheet, for the web application to show in its own page with
// its own styles. The text is the same as in HTML and PDF.
func Body(w io.Writer, r registration.Report) error {
	v := newView(r)
	if err := page.ExecuteTemplate(w, "report-header", v); err != nil {
		return err
	}
	return page.ExecuteTemplate(w, "report-main", v)
}
