package web

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// form is a submitted form on its way back to the page: the values as typed
// and, after a failed submit, the Dutch error per field, in page order for
// the error summary (WCAG 3.3.1: the summary names and links each field).
type form struct {
	Values  url.Values
	Errors  []fieldError
	Message string // an error about the whole form
}

type fieldError struct {
	Field   string // the input's name and id
	Label   string
	Message string
}

// labels name the fields in the error summary as the page does.
var labels = map[string]string{
	"email":               "E-mailadres",
	"wachtwoord":          "Wachtwoord",
	"huidig-wachtwoord":   "Huidig wachtwoord",
	"herhaling":           "Nieuw wachtwoord nog een keer",
	"code":                "Code",
	"burgerservicenummer": "Burgerservicenummer (BSN)",
	"geboortedatum":       "Geboortedatum",
	"ouders":              "Ouders of wettelijk vertegenwoordigers geïnformeerd",
	"jeugdige":            "Jeugdige geïnformeerd",
	"soort":               "Soort registratie",
	"urgent":              "Soort registratie",
	"einddatum":           "Einddatum",
	"gebeld":              "Coördinerende organisatie gebeld",
	"naam":                "Naam",
	"type":                "Type organisatie",
	"rol":                 "Rol",
	"gemeente":            "Gemeente",
	"telefoon":            "Telefoonnummer",
	"organisatie":         "Organisatie",
	"medewerker":          "Medewerker",
	"reden":               "Reden",
	"ontvangen":           "Ontvangen op",
	"registraties":        "Registraties",
	"uitkomst":            "Uitkomst",
	"datum":               "Datum van het besluit",
	"bestand":             "CSV-bestand",
	"bereik":              "Bereik",
	"van":                 "Van maand",
	"tot":                 "Tot en met maand",
	"groep":               "Indeling",
}

// fieldOf maps the use cases' field names to the form's where they differ.
var fieldOf = map[string]string{"urgent": "soort", "role": "rol", "municipality": "gemeente", "name": "naam"}

func newForm(r *http.Request) *form {
	if r.Form == nil {
		r.ParseForm()
	}
	return &form{Values: r.PostForm}
}

// Value is the submitted value of a field.
func (f *form) Value(name string) string {
	if f == nil {
		return ""
	}
	return f.Values.Get(name)
}

// Is reports whether a radio button or option with this value was chosen.
func (f *form) Is(name, value string) bool { return f != nil && f.Values.Get(name) == value }

// Error is the message at a field, empty when it is fine.
func (f *form) Error(name string) string {
	if f == nil {
		return ""
	}
	for _, e := range f.Errors {
		if e.Field == name {
			return e.Message
		}
	}
	return ""
}

// Failed reports whether the form has anything to show in the summary.
func (f *form) Failed() bool { return f != nil && (len(f.Errors) > 0 || f.Message != "") }

// add puts an error on a field (once per field).
func (f *form) add(field, message string) {
	if n, ok := fieldOf[field]; ok {
		field = n
	}
	if f.Error(field) != "" {
		return
	}
	label := labels[field]
	if label == "" {
		label = strings.ToUpper(field[:1]) + field[1:]
	}
	f.Errors = append(f.Errors, fieldError{Field: field, Label: label, Message: message})
}

// fail puts an application error on the form: per field when it names
// fields, otherwise as a message about the whole form.
func (f *form) fail(err error) {
	params := model.ErrorParams(err)
	if len(params) == 0 {
		f.Message = model.ErrorMessage(err)
		return
	}
	for _, p := range params {
		f.add(p.Name, p.Reason)
	}
}

// day reads an optional date field (as a date input sends it, or as typed:
// 30-06-2027); nil when empty. A value that is no date puts message on the
// field and also answers nil: check Failed before acting.
func (f *form) day(name, message string) *time.Time {
	s := strings.TrimSpace(f.Value(name))
	if s == "" {
		return nil
	}
	d, err := parseDay(s)
	if err != nil {
		f.add(name, message)
		return nil
	}
	return &d
}
