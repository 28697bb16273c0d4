package api_test

import (
	"bytes"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/api"
	"github.com/jeugdketen/jeugdketen/internal/family"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
)

// The roles of the access matrix, in the order they call: the refused first,
// so that an allowed call that changes a registration comes last.
const (
	anonymous   = "anoniem"
	signalOnly  = "signaalgever"
	care        = "zorgaanbieder"
	regionAdmin = "regiobeheerder"
	monitorRole = "gemeentelijk monitor"
	client      = "koppeling"
	coordinates = "coördinator"
)

var matrixRoles = []string{anonymous, signalOnly, care, regionAdmin, monitorRole, client, coordinates}

// Expected outcomes. authorised means the caller got past every access check;
// the matrix sends no valid body to administrative actions, so 400 counts.
const (
	ok         = "2xx"
	authorised = "niet 401/403"
	noLogin    = "401"
	forbidden  = "403"
	notFound   = "404"
)

// about says which youth-related thing a route's path names.
type about int

const (
	nothing about = iota
	aRegistration
	aYouth
	aMessage
)

type matrixRow struct {
	about about
	want  map[string]string // role → outcome; roles not named get other
	other string
}

// onlyInvolved: the registration's own organisation (the coordinator and its
// client system) may; everyone else is told it does not exist.
func onlyInvolved(a about) matrixRow {
	return matrixRow{about: a, want: map[string]string{anonymous: noLogin, coordinates: ok, client: ok}, other: notFound}
}

// adminOnly: the regional administrator with their own token.
var adminOnly = matrixRow{want: map[string]string{anonymous: noLogin, regionAdmin: authorised}, other: forbidden}

// onlyCoordinator: the coordinating organisation (and its client system)
// gets past the checks; another organisation involved is refused; anyone
// else is told the youth does not exist.
var onlyCoordinator = matrixRow{about: aYouth, want: map[string]string{anonymous: noLogin, signalOnly: forbidden, coordinates: authorised, client: authorised}, other: notFound}

// everyLogin: any valid token.
var everyLogin = matrixRow{want: map[string]string{anonymous: noLogin}, other: ok}

// apiMatrix is who may call which API route. A route missing here fails
// TestAPIAccessMatrixCoversEveryRoute.
var apiMatrix = map[string]matrixRow{
	"GET /api/v1/openapi.json":                  {other: ok},
	"POST /api/v1/registraties":                 {want: map[string]string{anonymous: noLogin, monitorRole: forbidden}, other: ok},
	"GET /api/v1/registraties":                  everyLogin,
	"GET /api/v1/registraties/{id}":             onlyInvolved(aRegistration),
	"POST /api/v1/registraties/{id}/beeindigen": onlyInvolved(aRegistration),
	// The registration is active: its own organisation's restore is a conflict.
	"POST /api/v1/registraties/{id}/herstellen":  {about: aRegistration, want: map[string]string{anonymous: noLogin, coordinates: authorised, client: authorised}, other: notFound},
	"POST /api/v1/registraties/{id}/informatie":  onlyInvolved(aRegistration),
	"POST /api/v1/registraties/{id}/verlengen":   onlyInvolved(aRegistration),
	"POST /api/v1/registraties/{id}/verwijderen": onlyInvolved(aRegistration),
	"GET /api/v1/jeugdigen/{referentie}":         {about: aYouth, want: map[string]string{anonymous: noLogin, signalOnly: ok, coordinates: ok, client: ok}, other: notFound},
	"GET /api/v1/berichten":                      everyLogin,
	"POST /api/v1/berichten/{id}/gelezen":        onlyInvolved(aMessage),
	"GET /api/v1/organisaties":                   adminOnly,
	"POST /api/v1/organisaties":                  adminOnly,
	"POST /api/v1/medewerkers":                   adminOnly,
	"GET /api/v1/niet-bezorgde-mail":             adminOnly,
	"POST /api/v1/tokens":                        adminOnly,
	"POST /api/v1/bezwaren":                      adminOnly,
	"POST /api/v1/bezwaren/{id}/besluit":         adminOnly,
	"POST /api/v1/inzage":                        adminOnly,
	"GET /api/v1/monitoring":                     {want: map[string]string{anonymous: noLogin, regionAdmin: ok, monitorRole: ok}, other: forbidden},
	"GET /api/v1/werklijst":                      everyLogin,
	// Synchronisation (issue 16): every organisation's client system and
	// professional (a body of no lines is a synchronisation of nothing);
	// a report is its own organisation's only, and the path names none.
	// An organisation's list of its professionals (issue 21): its client
	// system only; the matrix sends no list, which changes nothing (400).
	"POST /api/v1/medewerkers/synchronisatie": {want: map[string]string{anonymous: noLogin, client: authorised}, other: forbidden},
	"POST /api/v1/synchronisaties":            {want: map[string]string{anonymous: noLogin, monitorRole: forbidden}, other: authorised},
	"GET /api/v1/synchronisaties/{id}":        {want: map[string]string{anonymous: noLogin, monitorRole: forbidden}, other: notFound},

	// Events and webhooks (issue 16): the feed is every organisation's own;
	// a monitoring account has none. The matrix's organisation has no
	// webhook: the administrator is told so, everyone else is refused.
	"GET /api/v1/gebeurtenissen":                         {want: map[string]string{anonymous: noLogin, monitorRole: forbidden}, other: ok},
	"GET /api/v1/organisaties/{id}/webhook":              {want: map[string]string{anonymous: noLogin, regionAdmin: notFound}, other: forbidden},
	"POST /api/v1/organisaties/{id}/webhook":             adminOnly,
	"POST /api/v1/organisaties/{id}/webhook/hervatten":   {want: map[string]string{anonymous: noLogin, regionAdmin: notFound}, other: forbidden},
	"POST /api/v1/organisaties/{id}/webhook/verwijderen": {want: map[string]string{anonymous: noLogin, regionAdmin: notFound}, other: forbidden},

	// Coordination (issue 4). The wijkteam is assigned, not accepted yet: it
	// (and its client system) may accept; its other calls end in a conflict
	// or bad input, not a refusal. The school is involved but not assigned,
	// and no handover is open: accepting or declining one is a conflict for it.
	"POST /api/v1/jeugdigen/{referentie}/coordinatie/accepteren":            {about: aYouth, want: map[string]string{anonymous: noLogin, signalOnly: forbidden, client: ok, coordinates: ok}, other: notFound},
	"POST /api/v1/jeugdigen/{referentie}/coordinatie/niet-nodig":            {about: aYouth, want: map[string]string{anonymous: noLogin, signalOnly: forbidden, client: authorised, coordinates: authorised}, other: notFound},
	"POST /api/v1/jeugdigen/{referentie}/coordinatie/overdracht":            {about: aYouth, want: map[string]string{anonymous: noLogin, signalOnly: forbidden, client: authorised, coordinates: authorised}, other: notFound},
	"POST /api/v1/jeugdigen/{referentie}/coordinatie/overdracht/accepteren": {about: aYouth, want: map[string]string{anonymous: noLogin, signalOnly: authorised, client: authorised, coordinates: authorised}, other: notFound},
	"POST /api/v1/jeugdigen/{referentie}/coordinatie/overdracht/weigeren":   {about: aYouth, want: map[string]string{anonymous: noLogin, signalOnly: authorised, client: authorised, coordinates: authorised}, other: notFound},
	"POST /api/v1/jeugdigen/{referentie}/coordinatie/overdracht/intrekken":  {about: aYouth, want: map[string]string{anonymous: noLogin, signalOnly: forbidden, client: authorised, coordinates: authorised}, other: notFound},
	"POST /api/v1/jeugdigen/{referentie}/coordinatie/afsluiten":             {about: aYouth, want: map[string]string{anonymous: noLogin, signalOnly: forbidden, client: authorised, coordinates: authorised}, other: notFound},

	// Plan of action and signallers (issue 4): every organisation involved
	// sees the plan; only the coordinating organisation changes it (here it
	// has not accepted yet, so its calls end in a conflict, not a refusal).
	"GET /api/v1/jeugdigen/{referentie}/plan":                                           {about: aYouth, want: map[string]string{anonymous: noLogin, signalOnly: ok, coordinates: ok, client: ok}, other: notFound},
	"POST /api/v1/jeugdigen/{referentie}/plan/afspraken":                                onlyCoordinator,
	"POST /api/v1/jeugdigen/{referentie}/plan/afspraken/{id}":                           onlyCoordinator,
	"POST /api/v1/jeugdigen/{referentie}/signaalgevers/{registratie}/gebeld":            onlyCoordinator,
	"POST /api/v1/jeugdigen/{referentie}/signaalgevers/{registratie}/overleg-onterecht": onlyCoordinator,
	"POST /api/v1/jeugdigen/{referentie}/signaalgevers/{registratie}/verwijderen":       onlyCoordinator,

	// Escalation and care pyramid (issue 4): every organisation involved
	// sees them; the coordinating organisation starts and withdraws (here
	// it has not accepted, so a conflict); a step or a stagnation report
	// meets the missing escalation or brandpunt (brabant) first; only the
	// administrator records the brandpunt's steps, and is told the youth
	// does not exist while no stagnation is reported.
	"GET /api/v1/jeugdigen/{referentie}/escalatie":                              {about: aYouth, want: map[string]string{anonymous: noLogin, signalOnly: ok, coordinates: ok, client: ok}, other: notFound},
	"POST /api/v1/jeugdigen/{referentie}/escalatie":                             onlyCoordinator,
	"POST /api/v1/jeugdigen/{referentie}/escalatie/stappen":                     {about: aYouth, want: map[string]string{anonymous: noLogin, signalOnly: authorised, coordinates: authorised, client: authorised}, other: notFound},
	"POST /api/v1/jeugdigen/{referentie}/escalatie/intrekken":                   onlyCoordinator,
	"GET /api/v1/jeugdigen/{referentie}/zorgpiramide":                           {about: aYouth, want: map[string]string{anonymous: noLogin, signalOnly: ok, coordinates: ok, client: ok}, other: notFound},
	"POST /api/v1/jeugdigen/{referentie}/zorgpiramide/overleg":                  onlyCoordinator,
	"POST /api/v1/jeugdigen/{referentie}/zorgpiramide/stagnatie":                {about: aYouth, want: map[string]string{anonymous: noLogin, signalOnly: authorised, coordinates: authorised, client: authorised}, other: notFound},
	"POST /api/v1/jeugdigen/{referentie}/zorgpiramide/stagnatie/bijeengeroepen": {about: aYouth, want: map[string]string{anonymous: noLogin, regionAdmin: notFound}, other: forbidden},
	"POST /api/v1/jeugdigen/{referentie}/zorgpiramide/stagnatie/opdracht":       {about: aYouth, want: map[string]string{anonymous: noLogin, regionAdmin: notFound}, other: forbidden},

	// Relations (issue 7): every organisation involved sees and lays them
	// (a second one is a conflict); only the one that laid it removes it.
	"GET /api/v1/jeugdigen/{referentie}/relaties":                   {about: aYouth, want: map[string]string{anonymous: noLogin, signalOnly: ok, coordinates: ok, client: ok}, other: notFound},
	"POST /api/v1/jeugdigen/{referentie}/relaties":                  {about: aYouth, want: map[string]string{anonymous: noLogin, signalOnly: ok, coordinates: authorised, client: authorised}, other: notFound},
	"POST /api/v1/jeugdigen/{referentie}/relaties/{id}/verwijderen": {about: aYouth, want: map[string]string{anonymous: noLogin, signalOnly: forbidden, coordinates: ok, client: ok}, other: notFound},
}

func TestAPIAccessMatrixCoversEveryRoute(t *testing.T) {
	var served []string
	for _, rt := range api.Routes() {
		key := rt.Method + " " + rt.Path
		served = append(served, key)
		if _, ok := apiMatrix[key]; !ok {
			t.Errorf("%s has no entry in apiMatrix: decide who may call it", key)
		}
	}
	for key := range apiMatrix {
		if !slices.Contains(served, key) {
			t.Errorf("apiMatrix names %s, which the API does not serve", key)
		}
	}
}

// matrixWorld is one route's fresh Jeugdketen: a school (signals only) and a
// wijkteam that both registered a youth, the wijkteam coordinating; a JGZ
// not involved; a regional administrator; and a monitoring account inside the
// wijkteam itself, so that its refusals cannot come from the organisation.
type matrixWorld struct {
	h                   *harness
	tokens              map[string]string
	coordinatorEmail    string
	registration        map[string]int64 // per role: the registration its path names
	youth, message      string
	unknownRegistration string

	relation map[string]string // per role: the relation its path names (issue 7)
}

func newMatrixWorld(t *testing.T) *matrixWorld {
	h := start(t)
	school := h.user(t, "Basisschool De Regenboog", model.TypeOnderwijs)
	wijkteam := h.user(t, "Wijkteam Woensel", model.TypeWijkteam)
	jgz := h.user(t, "JGZ Zuidoost-Brabant", model.TypeJGZ)
	admin := h.admin(t)
	monitor := h.env.Monitor(t, wijkteam.Organisation)
	monitorToken, err := h.env.Region.CreateProfessionalToken(t.Context(), adminActor, monitor.Professional.Email)
	if err != nil {
		t.Fatal(err)
	}
	h.register(t, school, population.BSNChild, model.KindSignaal, http.StatusCreated)
	careReg := h.register(t, wijkteam, population.BSNChild, model.KindKetenregistratie, http.StatusCreated)
	signal := h.register(t, wijkteam, population.BSNChild, model.KindSignaal, http.StatusCreated)
	if careReg.Coordinator == nil || careReg.Coordinator.Organisatie.ID != wijkteam.Organisation.ID {
		t.Fatalf("the wijkteam should coordinate: %+v", careReg.Coordinator)
	}
	msgs := h.inbox(t, wijkteam)
	if len(msgs) == 0 {
		t.Fatal("the coordinator has no message")
	}
	w := &matrixWorld{
		h: h,
		tokens: map[string]string{
			signalOnly: school.token, care: jgz.token, regionAdmin: admin.token, monitorRole: monitorToken,
			client: h.clientSystem(t, wijkteam.Organisation), coordinates: wijkteam.token,
		},
		coordinatorEmail: wijkteam.email(),
		// The client system changes the wijkteam's signal, the coordinator
		// its care registration: each allowed call finds its own intact.
		registration:        map[string]int64{client: signal.ID},
		youth:               careReg.Jeugdige.Referentie,
		message:             itoa(msgs[0].ID),
		unknownRegistration: "987654",
	}
	for _, role := range matrixRoles {
		if _, ok := w.registration[role]; !ok {
			w.registration[role] = careReg.ID
		}
	}
	// The wijkteam linked the youth to both parents: the client system
	// removes one, the coordinator the other.
	w.relation = map[string]string{}
	for role, parent := range map[string]string{client: "999996630", coordinates: "999996538"} {
		rel, err := h.env.Registry.Families.Relate(t.Context(), wijkteam.Actor, w.youth, family.Relating{BSN: parent, Kind: family.RelationParent})
		if err != nil {
			t.Fatal(err)
		}
		w.relation[role] = itoa(rel.ID)
	}
	for _, role := range matrixRoles {
		if _, ok := w.relation[role]; !ok {
			w.relation[role] = w.relation[client]
		}
	}
	return w
}

// path fills the pattern's parameter for role; unknown names a thing that
// does not exist.
func (w *matrixWorld) path(pattern, role string, unknown bool) string {
	r := strings.NewReplacer(
		"{id}", itoa(w.registration[role]),
		"{referentie}", w.youth,
	)
	if strings.HasPrefix(pattern, "/api/v1/berichten/") {
		r = strings.NewReplacer("{id}", w.message)
	}
	if strings.Contains(pattern, "/relaties/{id}") {
		r = strings.NewReplacer("{id}", w.relation[role], "{referentie}", w.youth)
	}
	if unknown {
		r = strings.NewReplacer("{id}", w.unknownRegistration, "{referentie}", "J-ZZZZZZZZ")
	}
	if strings.HasPrefix(pattern, "/api/v1/bezwaren/") {
		r = strings.NewReplacer("{id}", "1")
	}
	return r.Replace(pattern)
}

// body is what role sends: enough for the action, with the professional a
// client system acts for.
func (w *matrixWorld) body(method, pattern, role string) any {
	if method != "POST" {
		return nil
	}
	b := map[string]any{}
	switch pattern {
	case "/api/v1/registraties":
		b["burgerservicenummer"], b["soort"] = population.BSNTeen, model.KindSignaal
	case "/api/v1/registraties/{id}/informatie":
		b["ouders"] = model.InformedYes
	case "/api/v1/registraties/{id}/verwijderen":
		b["reden"] = model.RemovalWrongYouth
	case "/api/v1/jeugdigen/{referentie}/relaties":
		b["burgerservicenummer"], b["relatie"] = population.BSNAdult, family.RelationRelative
	}
	if role == client && !strings.HasPrefix(pattern, "/api/v1/bezwaren") && pattern != "/api/v1/inzage" && !strings.HasPrefix(pattern, "/api/v1/organisaties") && pattern != "/api/v1/medewerkers" && pattern != "/api/v1/tokens" {
		b["medewerker"] = w.coordinatorEmail
	}
	return b
}

func (w *matrixWorld) call(t *testing.T, method, pattern, role string, unknown bool) response {
	t.Helper()
	p := w.path(pattern, role, unknown)
	if role == client {
		p += "?medewerker=" + w.coordinatorEmail
	}
	return w.h.call(t, method, p, w.tokens[role], w.body(method, pattern, role))
}

func outcome(status int) string {
	switch {
	case status >= 200 && status < 300:
		return ok
	case status == http.StatusUnauthorized:
		return noLogin
	case status == http.StatusForbidden:
		return forbidden
	case status == http.StatusNotFound:
		return notFound
	}
	return authorised
}

func matches(want string, status int) bool {
	got := outcome(status)
	if want == authorised {
		return got == ok || got == authorised
	}
	return got == want
}

// TestAPIAccessMatrix calls every route as every role and checks the outcome
// against apiMatrix, and that a refusal about a registration, youth or
// message is the same answer as for one that does not exist.
func TestAPIAccessMatrix(t *testing.T) {
	t.Parallel()
	for _, rt := range api.Routes() {
		key := rt.Method + " " + rt.Path
		row, ok := apiMatrix[key]
		if !ok {
			continue // TestAPIAccessMatrixCoversEveryRoute reports it
		}
		t.Run(strings.ReplaceAll(key, "/", "_"), func(t *testing.T) {
			t.Parallel()
			w := newMatrixWorld(t)
			for _, role := range matrixRoles {
				want := row.other
				if v, ok := row.want[role]; ok {
					want = v
				}
				res := w.call(t, rt.Method, rt.Path, role, false)
				if !matches(want, res.status) {
					t.Errorf("%s as %s: status %d, want %s; body: %s", key, role, res.status, want, res.body)
					continue
				}
				if want != notFound || row.about == nothing {
					continue
				}
				missing := w.call(t, rt.Method, rt.Path, role, true)
				if missing.status != res.status || !bytes.Equal(missing.body, res.body) {
					t.Errorf("%s as %s: the refusal differs from the answer for a thing that does not exist:\n%d %s\n%d %s",
						key, role, res.status, res.body, missing.status, missing.body)
				}
			}
		})
	}
}

// TestMonitoringAccountSeesNoRegistrationsOfItsOwnOrganisation: the list is
// empty even though the monitoring account's organisation registered.
func TestMonitoringAccountSeesNoRegistrationsOfItsOwnOrganisation(t *testing.T) {
	t.Parallel()
	w := newMatrixWorld(t)
	var out struct {
		Registraties []registered `json:"registraties"`
	}
	w.h.call(t, "GET", "/api/v1/registraties", w.tokens[monitorRole], nil).want(t, http.StatusOK, &out)
	if len(out.Registraties) != 0 {
		t.Errorf("the monitoring account sees %d registrations, want none", len(out.Registraties))
	}
	p := wantProblem(t, w.h.call(t, "POST", "/api/v1/registraties", w.tokens[monitorRole],
		map[string]any{"burgerservicenummer": population.BSNTeen, "soort": model.KindSignaal}), http.StatusForbidden)
	if p.Detail != "Een monitoringsaccount kan niet registreren." {
		t.Errorf("detail %q", p.Detail)
	}
}
