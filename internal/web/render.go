package web

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/nltime"
)

// page is what every template gets.
type page struct {
	Title    string
	User     *auth.Current // nil before login
	Nav      string        // the active menu item
	Notice   string        // a confirmation at the top of the page
	Form     *form
	MailView string
	// MailRefused: mail to the logged-in professional's address was
	// refused for good; every page asks them to have it checked.
	MailRefused bool
	// Unread is the number of the professional's unread messages, shown
	// with Berichten in the menu on every page (one COUNT on an index).
	Unread int
	// Worklist: the menu offers the worklist (see hasWorklist).
	Worklist bool
	// FormTargets are origins besides this server that the page's forms
	// may lead to: the login page's forms redirect to the organisations'
	// identity providers, which the policy's form-action must allow.
	FormTargets []string
	Data        any
}

// asTime reads a template argument that is a time or a pointer to one; ok is
// false for nil, the zero time and anything else.
func asTime(t any) (time.Time, bool) {
	var tm time.Time
	switch v := t.(type) {
	case time.Time:
		tm = v
	case *time.Time:
		if v == nil {
			return tm, false
		}
		tm = *v
	default:
		return tm, false
	}
	return tm, !tm.IsZero()
}

// dutchDate writes "3 maart 2026". Calendar days (end dates, birth dates)
// are stored at midnight UTC and shown as they are; moments in Dutch time.
func dutchDate(t any) string {
	tm, ok := asTime(t)
	if !ok {
		return ""
	}
	if tm.Hour() != 0 || tm.Minute() != 0 || tm.Nanosecond() != 0 || tm.Second() != 0 {
		return nltime.Date(tm)
	}
	return nltime.CalendarDate(tm)
}

func dutchDateTime(t any) string {
	tm, ok := asTime(t)
	if !ok {
		return ""
	}
	return nltime.DateTime(tm)
}

// dutchDeadline writes a deadline: "dinsdag 1 december 2026" when it is the
// end of a day (working-day deadlines), "dinsdag 1 december 2026, 14:30"
// otherwise (deadlines in hours).
func dutchDeadline(t any) string {
	tm, ok := asTime(t)
	if !ok {
		return ""
	}
	return nltime.Deadline(tm)
}

var funcs = template.FuncMap{
	"date":     dutchDate,
	"datetime": dutchDateTime,
	"deadline": dutchDeadline,
	"isoDate": func(t *time.Time) string {
		if t == nil {
			return ""
		}
		return t.Format("2006-01-02")
	},
	"kind":      func(k model.Kind, urgent bool) string { return k.Label(urgent) },
	"typeLabel": func(t model.OrgType) string { return t.Label() },
	"roleLabel": func(r model.Role) string {
		if r == model.RoleZorgaanbieder {
			return "zorgaanbieder (signalen, ketenregistraties, coördinatie)"
		}
		return "signaalgever (alleen signalen)"
	},
	"orgTypes":    func() any { return model.OrgTypes },
	"mayRegister": mayRegister,
	"lines":       func(s string) []string { return strings.Split(s, "\n") },
	"field":       newFieldView,

	// The fixed lists of the legal duties (issue 14).
	"informedCodes":  func() any { return model.InformedCodes },
	"removalReasons": func() any { return model.RemovalReasons },
	"informedField":  newInformedField,
	"capital":        capital,
	"registerInformed": func(f *form, choices []informedChoice, name, label, hint string) informedFieldView {
		return informedFieldView{Form: f, Choices: choices, Name: name, Label: label, Hint: hint}
	},
}

// informedField is one select of informing codes for "informed-select".
type informedField struct {
	Form        *form
	Name, Label string
	Current     model.Informed
}

func newInformedField(f *form, name, label string, current model.Informed) informedField {
	return informedField{Form: f, Name: name, Label: label, Current: current}
}

// capital starts a title with a capital letter, as Dutch titles do, also when
// it opens with a label written for the middle of a sentence ("signaal").
func capital(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// informedFieldView is one informing list for the register form.
type informedFieldView struct {
	Form              *form
	Choices           []informedChoice
	Name, Label, Hint string
}

// fieldView is one text field for the "textfield" template.
type fieldView struct {
	Form                                             *form
	Name, Label, Hint, Type, Autocomplete, Inputmode string
}

// newFieldView takes, after the label, optionally: hint, input type,
// autocomplete and inputmode.
func newFieldView(f *form, name, label string, more ...string) fieldView {
	more = append(more, "", "", "", "")
	return fieldView{Form: f, Name: name, Label: label, Hint: more[0], Type: more[1], Autocomplete: more[2], Inputmode: more[3]}
}

// parsePages makes one template set per page: the layout, the shared
// partials and the page's own "content".
func parsePages() (map[string]*template.Template, error) {
	names, err := fs.Glob(templateFS, "templates/pages/*.html")
	if err != nil {
		return nil, err
	}
	out := map[string]*template.Template{}
	for _, name := range names {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/partials.html", "templates/panels/*.html", name)
		if err != nil {
			return nil, fmt.Errorf("web: template %s: %w", name, err)
		}
		out[strings.TrimSuffix(path.Base(name), ".html")] = t
	}
	return out, nil
}

// render writes a page. It renders to a buffer first, so a template error
// gives a clean 500 instead of half a page.
func (h *Handler) render(w http.ResponseWriter, r *http.Request, status int, name string, p page) {
	t, ok := h.pages[name]
	if !ok {
		h.serverError(w, r, fmt.Errorf("web: no template %q", name))
		return
	}
	if cur, ok := r.Context().Value(userKey{}).(auth.Current); ok {
		p.User = &cur
		p.MailRefused = h.mailRefused(r, cur)
		p.Unread = h.unread(r)
		p.Worklist = h.hasWorklist(r)
	}
	p.MailView = h.MailView
	var buf bytes.Buffer
	if err := t.Execute(&buf, p); err != nil {
		if h.Log != nil {
			h.Log.Error("web template failed", "template", name, "error", err)
		}
		http.Error(w, "Er ging iets mis bij het tonen van deze pagina.", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	allowFormTargets(w, p.FormTargets)
	w.WriteHeader(status)
	buf.WriteTo(w)
}

// unread counts the logged-in professional's unread messages for the menu.
// The page is shown without the count when that fails.
func (h *Handler) unread(r *http.Request) int {
	if h.Registry == nil {
		return 0
	}
	n, err := h.Registry.UnreadCount(r.Context(), actor(r))
	if err != nil && h.Log != nil {
		h.Log.Error("web: unable to count unread messages", "route", r.Pattern, "error", err)
	}
	return n
}

// mailRefused looks up whether mail to the professional's address was
// refused for good. The page is shown without the notice when that fails.
func (h *Handler) mailRefused(r *http.Request, cur auth.Current) bool {
	if h.Region == nil {
		return false
	}
	refused, err := h.Region.MailRefused(r.Context(), cur.Professional)
	if err != nil && h.Log != nil {
		h.Log.Error("web: unable to look for refused mail", "route", r.Pattern, "error", err)
	}
	return refused
}

func (h *Handler) renderError(w http.ResponseWriter, r *http.Request, status int, title, message string) {
	h.render(w, r, status, "error", page{Title: title, Data: message})
}

// notices are the confirmations a redirect can ask for with ?melding=.
var notices = map[string]string{
	"webhook-hervat":                "De webhook is hervat: de aflevering gaat verder bij de eerste gebeurtenis die niet aankwam.",
	"webhook-verwijderd":            "De webhook is verwijderd. Het clientsysteem kan de gebeurtenissen nog ophalen met de feed.",
	"beeindigd":                     "De registratie is beëindigd. De andere betrokkenen krijgen bericht als de coördinatie verandert.",
	"einddatum":                     "De einddatum is opgeslagen.",
	"hersteld":                      "De registratie is hersteld en loopt weer.",
	"gelezen":                       "Het bericht is als gelezen gemarkeerd.",
	"uitgelogd":                     "U bent uitgelogd.",
	"opgeslagen":                    "De wijzigingen zijn opgeslagen.",
	"gedeactiveerd":                 "Gedeactiveerd.",
	"tweede-factor":                 "De tweede factor is gewist. De medewerker stelt bij de volgende keer inloggen een nieuwe in.",
	"ingetrokken":                   "Het token is ingetrokken en werkt niet meer.",
	"sessie-verlopen":               "Uw inlogpoging duurde te lang. Log opnieuw in.",
	"wachtwoord-gewijzigd":          "Uw wachtwoord is gewijzigd. Bent u nog ergens anders ingelogd, dan bent u daar nu uitgelogd.",
	"provider-zonder-tweede-factor": "Uw organisatie heeft bevestigd wie u bent, maar niet dat u een tweede factor gebruikte. Vul daarom de code van Jeugdketen in.",
	"provider-verwijderd":           "De identity provider is verwijderd. De medewerkers loggen weer in met wachtwoord en code.",
	"adres-verdacht":                "Vanaf uw netwerkadres zijn veel inlogpogingen mislukt. Daarom hoort u pas na de code of het inloggen is gelukt.",

	// The legal duties on the registration's page and under /beheer (issue 14).
	"geinformeerd":       "Vastgelegd of de ouders en de jeugdige zijn geïnformeerd.",
	"verlengd":           "De registratie is verlengd: de looptijd begint vandaag opnieuw.",
	"verwijderd":         "De registratie is verwijderd, zonder archief. Wie nog bij de jeugdige betrokken is, krijgt bericht dat zij is ingetrokken.",
	"bezwaar-vastgelegd": "Het bezwaar is vastgelegd. Voor de registraties verandert niets tot het besluit.",
	"bezwaar-toegewezen": "Het besluit is vastgelegd: het bezwaar is toegewezen en de registraties zijn verwijderd. De betrokkenen krijgen bericht dat zij zijn ingetrokken, niet waarom.",
	"bezwaar-afgewezen":  "Het besluit is vastgelegd: het bezwaar is afgewezen. De registraties blijven zoals zij waren.",

	// Mail refused for good (issue 19).
	"opnieuw-verstuurd": "De e-mail staat weer klaar om te versturen, naar het huidige e-mailadres van de medewerker. Weigert de mailserver haar opnieuw, dan staat ze hier weer.",
	"email-gewijzigd":   "Het e-mailadres is gewijzigd; het is ook de nieuwe inlognaam. Was er e-mail die niet aankwam, kies dan onder Niet bezorgde e-mail Opnieuw proberen.",

	// Accepting, handing over and closing coordination (issue 4).
	"coordinatie-geaccepteerd": "De coördinatie is geaccepteerd. Alle betrokkenen krijgen bericht wie coördineert en hoe zij die professional bereiken.",
	"coordinatie-niet-nodig":   "Vastgelegd dat coördinatie niet nodig is. Alle betrokkenen krijgen bericht, met de reden.",
	"overdracht-voorgesteld":   "De overdracht is voorgesteld. De organisatie krijgt bericht; tot zij accepteert blijft u coördinator.",
	"overdracht-geaccepteerd":  "De overdracht is geaccepteerd: uw organisatie coördineert nu. Alle betrokkenen krijgen bericht.",
	"overdracht-geweigerd":     "De overdracht is geweigerd. De coördinator krijgt bericht.",
	"overdracht-ingetrokken":   "Het voorstel tot overdracht is ingetrokken. De organisatie krijgt bericht.",
	"casus-afgesloten":         "De casus is afgesloten: de coördinatie en alle registraties over de jeugdige zijn beëindigd. Alle betrokkenen krijgen bericht.",

	// The plan of action on the youth's page (issue 4).
	"afspraak-gemaakt":    "De afspraak staat in het plan van aanpak. De verantwoordelijke krijgt bericht.",
	"afspraak-gewijzigd":  "De afspraak is gewijzigd.",
	"signaalgever-gebeld": "Vastgelegd: u heeft de signaalgever gebeld.",
	"overleg-onterecht":   "Het overleg met de signaalgever is vastgelegd. U kunt het signaal nu verwijderen.",
	"signaal-verwijderd":  "Het signaal is verwijderd. De signaalgever en de andere betrokkenen krijgen bericht dat het is ingetrokken.",

	// The escalation procedure and the care pyramid (issue 4).
	"escalatie-gestart":        "De escalatieprocedure is gestart: uw directie is ingeschakeld. Alle betrokkenen krijgen bericht.",
	"escalatie-stap":           "De stap is vastgelegd. Alle betrokkenen krijgen bericht wat er nu aan de beurt is.",
	"escalatie-ingetrokken":    "De escalatie is ingetrokken. Alle betrokkenen krijgen bericht.",
	"overleg-belegd":           "Het overleg met alle betrokkenen is vastgelegd.",
	"stagnatie-gemeld":         "De stagnatie is gemeld. De brandpuntfunctionaris en alle betrokkenen krijgen bericht.",
	"brandpunt-bijeengeroepen": "Vastgelegd: de brandpuntfunctionaris heeft alle betrokkenen bijeengeroepen.",
	"brandpunt-opdracht":       "Vastgelegd: de brandpuntfunctionaris heeft een opdracht gegeven.",
}

func notice(r *http.Request) string { return notices[r.URL.Query().Get("melding")] }

func withNotice(path, key string) string { return path + "?melding=" + url.QueryEscape(key) }

// allowFormTargets adds origins to the form-action of the policy the server
// set, for this answer only.
func allowFormTargets(w http.ResponseWriter, origins []string) {
	csp := w.Header().Get("Content-Security-Policy")
	var safe []string
	for _, o := range origins {
		if u, err := url.Parse(o); err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" && !strings.ContainsAny(o, " ;,'") {
			safe = append(safe, u.Scheme+"://"+u.Host)
		}
	}
	if csp == "" || len(safe) == 0 {
		return
	}
	w.Header().Set("Content-Security-Policy", strings.Replace(csp, "form-action 'self'", "form-action 'self' "+strings.Join(safe, " "), 1))
}
