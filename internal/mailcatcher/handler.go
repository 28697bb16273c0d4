package mailcatcher

import (
	"bytes"
	"embed"
	"encoding/json"
	"html/template"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

//go:embed templates/*.html
var templateFS embed.FS

// handler shows the caught mails. It routes by hand rather than with a
// ServeMux because callers mount it under a prefix with http.StripPrefix,
// which leaves paths a ServeMux would clean and redirect out of the prefix.
type handler struct {
	catcher *Catcher
	list    *template.Template
	detail  *template.Template
}

type headerLine struct {
	Name, Value string
}

type detailPage struct {
	Mail    Mail
	Headers []headerLine
}

// Handler serves the caught mails: "" lists them newest first, "{id}" shows
// one, "mails.json" (or "?format=json") gives them as JSON in arrival order.
// All links are relative, so it works under any prefix.
func (c *Catcher) Handler() http.Handler {
	return &handler{
		catcher: c,
		list:    parsePage("list.html"),
		detail:  parsePage("mail.html"),
	}
}

func parsePage(name string) *template.Template {
	funcs := template.FuncMap{
		"datum": func(t time.Time) string { return t.Format("02-01-2006 15:04:05") },
		"join":  func(s []string) string { return strings.Join(s, ", ") },
	}
	return template.Must(template.New(name).Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/"+name))
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "Methode niet toegestaan", http.StatusMethodNotAllowed)
		return
	}
	asJSON := r.URL.Query().Get("format") == "json"
	p := strings.TrimPrefix(r.URL.Path, "/")
	switch {
	case p == "" && needsSlash(r):
		// Relative links need the list to end in "/".
		http.Redirect(w, r, requestPath(r)+"/", http.StatusMovedPermanently)
	case p == "mails.json" || p == "" && asJSON:
		writeJSON(w, h.catcher.Mails())
	case p == "":
		h.render(w, h.list, newestFirst(h.catcher.Mails()))
	default:
		h.serveMail(w, p, asJSON)
	}
}

func (h *handler) serveMail(w http.ResponseWriter, p string, asJSON bool) {
	id, err := strconv.Atoi(p)
	m, ok := h.catcher.mail(id)
	if err != nil || !ok {
		http.Error(w, "E-mail niet gevonden", http.StatusNotFound)
		return
	}
	if asJSON {
		writeJSON(w, m)
		return
	}
	h.render(w, h.detail, detailPage{Mail: m, Headers: headerLines(m)})
}

func (h *handler) render(w http.ResponseWriter, t *template.Template, data any) {
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", data); err != nil {
		http.Error(w, "Pagina kon niet worden getoond", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy",
		"default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Write(buf.Bytes())
}

func writeJSON(w http.ResponseWriter, v any) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		http.Error(w, "JSON kon niet worden gemaakt", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(append(b, '\n'))
}

// needsSlash reports whether the list was asked for without the trailing
// slash, which http.StripPrefix("/x", …) passes on as an empty path.
func needsSlash(r *http.Request) bool {
	return r.URL.Path == "" && requestPath(r) != "" && !strings.HasSuffix(requestPath(r), "/")
}

func requestPath(r *http.Request) string {
	u, err := url.ParseRequestURI(r.RequestURI)
	if err != nil {
		return ""
	}
	return u.Path
}

func newestFirst(mails []Mail) []Mail {
	slices.Reverse(mails)
	return mails
}

// headerLines lists the headers sorted by name, decoded for reading.
func headerLines(m Mail) []headerLine {
	var lines []headerLine
	for _, name := range slices.Sorted(maps.Keys(m.Header)) {
		for _, v := range m.Header[name] {
			lines = append(lines, headerLine{Name: name, Value: decodeHeader(v)})
		}
	}
	return lines
}
