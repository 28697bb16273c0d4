package web_test

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/family"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/server"
	"github.com/jeugdketen/jeugdketen/internal/web"
)

// The roles of the access matrix, in the order they call: the refused first,
// so that an allowed call that changes a registration comes last. A client
// system has only an API token, which the web application does not know.
const (
	anonymous   = "anoniem"
	client      = "koppeling"
	signalOnly  = "signaalgever"
	care        = "zorgaanbieder"
	regionAdmin = "regiobeheerder"
	monitorRole = "gemeentelijk monitor"
	coordinates = "coördinator"
)

var matrixRoles = []string{anonymous, client, signalOnly, care, regionAdmin, monitorRole, coordinates}

// Expected outcomes. authorised means the caller got past every access check;
// the matrix sends no valid form to administrative actions.
const (
	ok         = "2xx of doorverwezen"
	authorised = "niet 403 of naar inloggen"
	toLogin    = "naar inloggen"
	forbidden  = "403"
	notFound   = "404"
	public     = "openbaar"
)

type matrixRow struct {
	aboutYouth bool // the path names a registration, youth or message
	want       map[string]string
	other      string
}

func loggedIn(want map[string]string, other string) matrixRow {
	w := map[string]string{anonymous: toLogin, client: toLogin}
	for k, v := range want {
		w[k] = v
	}
	return matrixRow{want: w, other: other}
}

// aboutYouth marks a row whose path names a youth.
func aboutYouth(r matrixRow) matrixRow {
	r.aboutYouth = true
	return r
}

func onlyInvolved() matrixRow {
	r := loggedIn(map[string]string{coordinates: ok}, notFound)
	r.aboutYouth = true
	return r
}

// planForm: a form of the plan of action, for the coordinating organisation.
var planForm = aboutYouth(loggedIn(map[string]string{signalOnly: forbidden, coordinates: authorised}, notFound))

var (
	everyLogin = loggedIn(nil, ok)
	adminOnly  = loggedIn(map[string]string{regionAdmin: authorised}, forbidden)
)

// webMatrix is who may open which page or send which form. A route missing
// here fails TestWebAccessMatrixCoversEveryRoute.
var webMatrix = map[string]matrixRow{
	"GET /inloggen":                 {other: public},
	"POST /inloggen":                {other: public},
	"GET /inloggen/code":            {other: public},
	"POST /inloggen/code":           {other: public},
	"GET /inloggen/koppelen":        {other: public},
	"GET /inloggen/koppelen/qr.png": {other: public},
	"POST /inloggen/koppelen":       {other: public},
	"POST /uitloggen":               {other: public},
	// Through the organisation's provider (issue 21): open to all, as the
	// password step is; the matrix's organisations have no provider.
	"POST /inloggen/via/{organisatie}": {other: public},
	"GET /inloggen/oidc/terug":         {other: public},

	"GET /{$}":          everyLogin,
	"GET /registreren":  loggedIn(map[string]string{monitorRole: forbidden}, ok),
	"POST /registreren": loggedIn(map[string]string{monitorRole: forbidden}, ok),
	"GET /registraties": loggedIn(map[string]string{monitorRole: forbidden}, ok),
	// A file of registrations (issue 16): whoever registers; the matrix
	// sends no file, so the form comes back (422).
	"GET /registraties/uploaden":              loggedIn(map[string]string{monitorRole: forbidden}, ok),
	"GET /registraties/uploaden/sjabloon.csv": loggedIn(map[string]string{monitorRole: forbidden}, ok),
	"POST /registraties/uploaden":             loggedIn(map[string]string{monitorRole: forbidden}, authorised),
	"POST /registraties/uploaden/bevestigen":  loggedIn(map[string]string{monitorRole: forbidden}, authorised),
	"GET /registraties/{id}":                  onlyInvolved(),
	"POST /registraties/{id}/beeindigen":      onlyInvolved(),
	// The registration is active: its own organisation's restore is refused as a conflict.
	"POST /registraties/{id}/herstellen": aboutYouth(loggedIn(map[string]string{coordinates: authorised}, notFound)),
	"POST /registraties/{id}/einddatum":  onlyInvolved(),
	// The legal duties (issue 14): the matrix sends no codes and no reason,
	// so the registration's own organisation gets the form back (422);
	// anyone else the page of a registration that does not exist.
	"POST /registraties/{id}/informeren":  aboutYouth(loggedIn(map[string]string{coordinates: authorised}, notFound)),
	"POST /registraties/{id}/verlengen":   onlyInvolved(),
	"POST /registraties/{id}/verwijderen": aboutYouth(loggedIn(map[string]string{coordinates: authorised}, notFound)),
	"GET /berichten":                      everyLogin,
	"POST /berichten/{id}/gelezen":        onlyInvolved(),
	"GET /jeugdigen/{ref}": func() matrixRow {
		r := loggedIn(map[string]string{signalOnly: ok, coordinates: ok}, notFound)
		r.aboutYouth = true
		return r
	}(),
	"GET /monitoring": loggedIn(map[string]string{regionAdmin: ok, monitorRole: ok}, forbidden),
	// One table as CSV; the matrix names none, so past the check it is 404.
	"GET /monitoring/{bestand}": loggedIn(map[string]string{regionAdmin: authorised, monitorRole: authorised}, forbidden),
	"GET /werklijst":            loggedIn(map[string]string{monitorRole: forbidden}, ok),

	// The professional's own password (issue 14): every logged-in account.
	"GET /account/wachtwoord":  everyLogin,
	"POST /account/wachtwoord": loggedIn(nil, authorised),

	// Coordination (issue 4): the wijkteam is assigned, not accepted yet, so
	// it may accept, and its other forms come back with a conflict or an
	// error on the page; the school is involved but not assigned, and no
	// handover is open, so accepting or declining one is a conflict for it.
	"POST /jeugdigen/{ref}/coordinatie/accepteren":            aboutYouth(loggedIn(map[string]string{signalOnly: forbidden, coordinates: ok}, notFound)),
	"POST /jeugdigen/{ref}/coordinatie/niet-nodig":            aboutYouth(loggedIn(map[string]string{signalOnly: forbidden, coordinates: authorised}, notFound)),
	"POST /jeugdigen/{ref}/coordinatie/overdracht":            aboutYouth(loggedIn(map[string]string{signalOnly: forbidden, coordinates: authorised}, notFound)),
	"POST /jeugdigen/{ref}/coordinatie/overdracht/accepteren": aboutYouth(loggedIn(map[string]string{signalOnly: authorised, coordinates: authorised}, notFound)),
	"POST /jeugdigen/{ref}/coordinatie/overdracht/weigeren":   aboutYouth(loggedIn(map[string]string{signalOnly: authorised, coordinates: authorised}, notFound)),
	"POST /jeugdigen/{ref}/coordinatie/overdracht/intrekken":  aboutYouth(loggedIn(map[string]string{signalOnly: forbidden, coordinates: authorised}, notFound)),
	"POST /jeugdigen/{ref}/coordinatie/afsluiten":             aboutYouth(loggedIn(map[string]string{signalOnly: forbidden, coordinates: authorised}, notFound)),

	// Plan of action and signallers (issue 4): only the coordinating
	// organisation changes the plan (here it has not accepted yet, so its
	// forms come back with a conflict); another involved one is refused.
	"POST /jeugdigen/{ref}/plan/afspraken":                                     planForm,
	"POST /jeugdigen/{ref}/plan/afspraken/{id}":                                planForm,
	"POST /jeugdigen/{ref}/plan/signaalgevers/{registratie}/gebeld":            planForm,
	"POST /jeugdigen/{ref}/plan/signaalgevers/{registratie}/overleg-onterecht": planForm,
	"POST /jeugdigen/{ref}/plan/signaalgevers/{registratie}/verwijderen":       planForm,

	// Escalation and care pyramid (issue 4): the coordinating organisation
	// starts, withdraws and records the meeting (here not accepted yet: a
	// conflict); a step or a stagnation report meets the missing escalation
	// or brandpunt (brabant) first; the brandpunt's steps are the
	// administrator's, who is told the youth does not exist while nothing
	// was reported.
	"POST /jeugdigen/{ref}/escalatie":                             planForm,
	"POST /jeugdigen/{ref}/escalatie/stappen":                     aboutYouth(loggedIn(map[string]string{signalOnly: authorised, coordinates: authorised}, notFound)),
	"POST /jeugdigen/{ref}/escalatie/intrekken":                   planForm,
	"POST /jeugdigen/{ref}/zorgpiramide/overleg":                  planForm,
	"POST /jeugdigen/{ref}/zorgpiramide/stagnatie":                aboutYouth(loggedIn(map[string]string{signalOnly: authorised, coordinates: authorised}, notFound)),
	"POST /jeugdigen/{ref}/zorgpiramide/stagnatie/bijeengeroepen": aboutYouth(loggedIn(map[string]string{regionAdmin: notFound}, forbidden)),
	"POST /jeugdigen/{ref}/zorgpiramide/stagnatie/opdracht":       aboutYouth(loggedIn(map[string]string{regionAdmin: notFound}, forbidden)),
	"GET /beheer/escalaties":                                      adminOnly,

	// Relations (issue 7): every organisation involved lays them (the
	// matrix sends an empty form); only the one that laid it removes it.
	"GET /jeugdigen/{ref}/relaties/nieuw":             aboutYouth(loggedIn(map[string]string{signalOnly: ok, coordinates: ok}, notFound)),
	"POST /jeugdigen/{ref}/relaties":                  aboutYouth(loggedIn(map[string]string{signalOnly: authorised, coordinates: authorised}, notFound)),
	"POST /jeugdigen/{ref}/relaties/{id}/verwijderen": aboutYouth(loggedIn(map[string]string{signalOnly: forbidden, coordinates: ok}, notFound)),

	"GET /beheer":                                  adminOnly,
	"GET /beheer/organisaties":                     adminOnly,
	"POST /beheer/organisaties":                    adminOnly,
	"GET /beheer/organisaties/{id}":                adminOnly,
	"POST /beheer/organisaties/{id}":               adminOnly,
	"GET /beheer/medewerkers":                      adminOnly,
	"POST /beheer/medewerkers":                     adminOnly,
	"POST /beheer/medewerkers/{id}/deactiveren":    adminOnly,
	"POST /beheer/medewerkers/{id}/tweede-factor":  adminOnly,
	"POST /beheer/medewerkers/{id}/wachtwoord":     adminOnly,
	"GET /beheer/medewerkers/{id}/email":           adminOnly,
	"POST /beheer/medewerkers/{id}/email":          adminOnly,
	"GET /beheer/niet-bezorgde-mail":               adminOnly,
	"POST /beheer/niet-bezorgde-mail/{id}/opnieuw": adminOnly,
	"GET /beheer/tokens":                           adminOnly,
	"POST /beheer/tokens":                          adminOnly,
	"POST /beheer/tokens/{id}/intrekken":           adminOnly,
	"GET /beheer/convenant":                        adminOnly,

	// Deactivating an organisation, objections, the access report (issue 14).
	"POST /beheer/organisaties/{id}/deactiveren": adminOnly,

	// Webhooks (issue 16). The matrix's organisation has no webhook: there
	// is none to resume, and removing one asks first.
	"GET /beheer/organisaties/{id}/webhook":              adminOnly,
	"POST /beheer/organisaties/{id}/webhook":             adminOnly,
	"POST /beheer/organisaties/{id}/webhook/hervatten":   loggedIn(map[string]string{regionAdmin: notFound}, forbidden),
	"POST /beheer/organisaties/{id}/webhook/verwijderen": loggedIn(map[string]string{regionAdmin: notFound}, forbidden),
	"GET /beheer/organisaties/{id}/inloggen":             adminOnly,
	"POST /beheer/organisaties/{id}/inloggen":            adminOnly,
	// The matrix's organisation has no provider to remove.
	"POST /beheer/organisaties/{id}/inloggen/verwijderen": loggedIn(map[string]string{regionAdmin: notFound}, forbidden),
	"GET /beheer/bezwaren":                                adminOnly,
	"POST /beheer/bezwaren":                               adminOnly,
	"GET /beheer/bezwaren/{id}":                           adminOnly,
	"POST /beheer/bezwaren/{id}/besluit":                  adminOnly,
	"GET /beheer/inzage":                                  adminOnly,
	"POST /beheer/inzage":                                 adminOnly,

	// The monthly monitoring reports (issue 15). The matrix names no report,
	// so its readers are told it does not exist; monitoring_reports_test.go
	// opens one.
	"GET /monitoring/rapporten":        loggedIn(map[string]string{regionAdmin: ok, monitorRole: ok}, forbidden),
	"GET /monitoring/rapporten/{file}": loggedIn(map[string]string{regionAdmin: notFound, monitorRole: notFound}, forbidden),
}

func TestWebAccessMatrixCoversEveryRoute(t *testing.T) {
	served := web.Routes()
	for _, pattern := range served {
		if _, ok := webMatrix[pattern]; !ok {
			t.Errorf("%s has no entry in webMatrix: decide who may open it", pattern)
		}
	}
	for pattern := range webMatrix {
		if !slices.Contains(served, pattern) {
			t.Errorf("webMatrix names %s, which the web application does not serve", pattern)
		}
	}
}

// matrixWorld is one route's fresh Jeugdketen: a school (signals only) and a
// wijkteam that registered a youth, the wijkteam coordinating; a JGZ not
// involved; a regional administrator; and a monitoring account inside the
// wijkteam itself, so that its refusals cannot come from the organisation.
type matrixWorld struct {
	a        *app
	clients  map[string]*http.Client
	token    string // the wijkteam's client system
	ids      map[string]string
	unknowns map[string]string

	relation string // laid by the coordinator (issue 7)
}

// noFollow answers redirects instead of following them.
func noFollow(jar http.CookieJar) *http.Client {
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

func newMatrixWorld(t *testing.T) *matrixWorld {
	a := startApp(t, server.Config{})
	school := a.env.Org(t, "Basisschool De Regenboog", model.TypeOnderwijs)
	wijkteam := a.env.Org(t, "Wijkteam Woensel", model.TypeWijkteam)
	jgz := a.env.Org(t, "JGZ Zuidoost-Brabant", model.TypeJGZ)
	people := map[string]person{
		signalOnly:  a.person(t, school, false, true),
		care:        a.person(t, jgz, false, true),
		regionAdmin: a.person(t, a.env.Org(t, "Regio Zuidoost-Brabant", model.TypeWijkteam), true, true),
		monitorRole: a.monitor(t, wijkteam),
		coordinates: a.person(t, wijkteam, false, true),
	}
	a.env.Register(t, people[signalOnly].Actor, population.BSNChild, model.KindSignaal)
	reg := a.env.Register(t, people[coordinates].Actor, population.BSNChild, model.KindKetenregistratie)
	msgs := a.env.Inbox(t, people[coordinates].Actor)
	if len(msgs) == 0 {
		t.Fatal("the coordinator has no message")
	}
	token, err := a.env.Region.CreateOrganisationToken(context.Background(), audit.Actor{Role: "beheerder", Source: "test"}, wijkteam.ID)
	if err != nil {
		t.Fatal(err)
	}
	w := &matrixWorld{
		a: a, token: token,
		clients: map[string]*http.Client{anonymous: noFollow(nil), client: noFollow(nil)},
		ids: map[string]string{
			"/registraties/": itoa(reg.Registration.ID), "/jeugdigen/": reg.Youth.Reference,
			"/berichten/": itoa(msgs[0].ID), "/beheer/organisaties/": itoa(jgz.ID),
			"/beheer/medewerkers/": itoa(people[care].Professional.ID), "/beheer/tokens/": "987654",
			"/beheer/niet-bezorgde-mail/": "987654", "/beheer/bezwaren/": "987654",
		},
		unknowns: map[string]string{"/registraties/": "987654", "/jeugdigen/": "J-ZZZZZZZZ", "/berichten/": "987654"},
	}
	for role, p := range people {
		w.clients[role] = noFollow(a.login(t, p).Jar)
	}
	rel, err := a.env.Registry.Families.Relate(context.Background(), people[coordinates].Actor, reg.Youth.Reference, family.Relating{BSN: "999996630", Kind: family.RelationParent})
	if err != nil {
		t.Fatal(err)
	}
	w.relation = itoa(rel.ID)
	return w
}

// monitor adds an enrolled municipality monitoring account to org.
func (a *app) monitor(t *testing.T, org model.Organisation) person {
	t.Helper()
	actor := a.env.Monitor(t, org)
	ctx := context.Background()
	if err := a.people.SetChosenPassword(ctx, audit.Actor{Role: "beheerder", Source: "test"}, actor.Professional.ID, password); err != nil {
		t.Fatal(err)
	}
	secret, err := a.people.EnrolDirectly(ctx, actor.Professional.ID, actor.Professional.Email)
	if err != nil {
		t.Fatal(err)
	}
	return person{Actor: actor, Secret: secret}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// path fills the pattern's parameter; unknown names a thing that does not exist.
func (w *matrixWorld) path(pattern string, unknown bool) string {
	p := strings.TrimSuffix(pattern, "{$}")
	p = strings.Replace(p, "/relaties/{id}/", "/relaties/"+w.relation+"/", 1)
	for prefix, id := range w.ids {
		if unknown && w.unknowns[prefix] != "" {
			id = w.unknowns[prefix]
		}
		if strings.HasPrefix(p, prefix) {
			p = strings.NewReplacer("{id}", id, "{ref}", id).Replace(p)
		}
	}
	return p
}

func (w *matrixWorld) call(t *testing.T, method, pattern, role string, unknown bool) page {
	t.Helper()
	var body *strings.Reader
	form := url.Values{}
	if pattern == "/registreren" {
		form.Set("burgerservicenummer", population.BSNTeen)
		form.Set("geboortedatum", birthDate(population.BSNTeen))
		form.Set("soort", "signaal")
	}
	body = strings.NewReader(form.Encode())
	req, err := http.NewRequest(method, w.a.base+w.path(pattern, unknown), body)
	if err != nil {
		t.Fatal(err)
	}
	if method == "POST" {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if role == client {
		req.Header.Set("Authorization", "Bearer "+w.token)
	}
	res, err := w.clients[role].Do(req)
	if err != nil {
		t.Fatal(err)
	}
	return read(t, res)
}

func outcome(p page) string {
	switch s := p.StatusCode; {
	case s >= 300 && s < 400 && p.Header.Get("Location") == "/inloggen":
		return toLogin
	case s >= 200 && s < 400:
		return ok
	case s == http.StatusForbidden:
		return forbidden
	case s == http.StatusNotFound:
		return notFound
	}
	return authorised
}

func matches(want string, p page) bool {
	got := outcome(p)
	switch want {
	case public:
		return p.StatusCode < 500 && got != forbidden
	case authorised:
		return got != forbidden && got != toLogin
	}
	return got == want
}

// TestWebAccessMatrix opens every page and sends every form as every role and
// checks the outcome against webMatrix, and that a refusal about a
// registration, youth or message is the same page as for one that does not
// exist.
func TestWebAccessMatrix(t *testing.T) {
	t.Parallel()
	for _, key := range web.Routes() {
		row, found := webMatrix[key]
		if !found {
			continue // TestWebAccessMatrixCoversEveryRoute reports it
		}
		method, pattern, _ := strings.Cut(key, " ")
		t.Run(strings.ReplaceAll(key, "/", "_"), func(t *testing.T) {
			t.Parallel()
			w := newMatrixWorld(t)
			for _, role := range matrixRoles {
				want := row.other
				if v, found := row.want[role]; found {
					want = v
				}
				res := w.call(t, method, pattern, role, false)
				if !matches(want, res) {
					t.Errorf("%s as %s: status %d (Location %q), want %s", key, role, res.StatusCode, res.Header.Get("Location"), want)
					continue
				}
				if want != notFound || !row.aboutYouth {
					continue
				}
				missing := w.call(t, method, pattern, role, true)
				if missing.StatusCode != res.StatusCode || missing.Body != res.Body {
					t.Errorf("%s as %s: the refusal differs from the page for a thing that does not exist (%d, %d)", key, role, res.StatusCode, missing.StatusCode)
				}
			}
		})
	}
}

// TestMonitoringPageShowsFiguresOnly: the monitoring account sees the
// figures page (no month made yet here, so it says when the first ones
// come; monitoring_test.go has the figures) and no youth's reference.
func TestMonitoringPageShowsFiguresOnly(t *testing.T) {
	t.Parallel()
	w := newMatrixWorld(t)
	p := w.call(t, "GET", "/monitoring", monitorRole, false)
	mustContain(t, p, "Monitoring", "Er zijn nog geen cijfers.")
	if ref := w.ids["/jeugdigen/"]; strings.Contains(p.Body, ref) {
		t.Errorf("the monitoring page shows youth %s", ref)
	}
}
