package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/coordination"
	"github.com/jeugdketen/jeugdketen/internal/family"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/registration"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// loadOpenAPI parses and validates the embedded document, the bytes the API serves.
func loadOpenAPI(t *testing.T) *openapi3.T {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromData(openAPIDocument)
	if err != nil {
		t.Fatalf("openapi.json does not load: %v", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("openapi.json is no valid OpenAPI document: %v", err)
	}
	return doc
}

func TestOpenAPIDocumentIsValid(t *testing.T) {
	doc := loadOpenAPI(t)
	if doc.OpenAPI != "3.0.3" || doc.Info.Title != "Jeugdketen API" || doc.Info.Version != "1.0.0" {
		t.Errorf("openapi %q, title %q, version %q; want 3.0.3, Jeugdketen API, 1.0.0", doc.OpenAPI, doc.Info.Title, doc.Info.Version)
	}
}

func TestOpenAPIDocumentsExactlyTheServedRoutes(t *testing.T) {
	doc := loadOpenAPI(t)
	served := map[string]bool{}
	for _, rt := range (&Handler{}).routes() {
		served[rt.method+" "+rt.path] = true
	}
	documented := map[string]bool{}
	for path, item := range doc.Paths.Map() {
		for method := range item.Operations() {
			documented[method+" "+path] = true
		}
	}
	for _, r := range sortedKeys(served) {
		if !documented[r] {
			t.Errorf("%s is served but not documented in openapi.json", r)
		}
	}
	for _, r := range sortedKeys(documented) {
		if !served[r] {
			t.Errorf("openapi.json documents %s, which Routes does not serve", r)
		}
	}
}

// TestOpenAPIUnauthenticatedAnswersAreDocumented drives the real routes: only
// the document itself is public, and every other route's 401 is as documented.
func TestOpenAPIUnauthenticatedAnswersAreDocumented(t *testing.T) {
	doc := loadOpenAPI(t)
	mux := http.NewServeMux()
	(&Handler{}).Routes(mux)
	shapes := newShapeChecker(t)
	for _, rt := range (&Handler{}).routes() {
		op := operation(t, doc, rt.method, rt.path)
		if op == nil {
			continue
		}
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, httptest.NewRequest(rt.method, concretePath(rt.path), nil))
		if rt.path == "/api/v1/openapi.json" {
			if op.Security == nil || len(*op.Security) != 0 {
				t.Errorf("%s %s: openapi.json must say it needs no token (security: [])", rt.method, rt.path)
			}
			if rec.Code != http.StatusOK || !bytes.Equal(rec.Body.Bytes(), openAPIDocument) {
				t.Errorf("%s %s: status %d; want 200 with the embedded document", rt.method, rt.path, rec.Code)
			}
			continue
		}
		if rec.Code != http.StatusUnauthorized || rec.Header().Get("WWW-Authenticate") == "" {
			t.Errorf("%s %s without token: status %d, WWW-Authenticate %q; want 401 with a challenge",
				rt.method, rt.path, rec.Code, rec.Header().Get("WWW-Authenticate"))
		}
		shapes.response(doc, rt.method, rt.path, rec)
	}
}

func TestOpenAPIUnknownRouteIsADocumentedProblem(t *testing.T) {
	doc := loadOpenAPI(t)
	mux := http.NewServeMux()
	(&Handler{}).Routes(mux)
	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, httptest.NewRequest("DELETE", "/api/v1/registraties/1", nil))
	if rec.Code != http.StatusNotFound {
		t.Fatalf("DELETE /api/v1/registraties/1: status %d; want 404", rec.Code)
	}
	shapes := newShapeChecker(t)
	shapes.check("unknown route", doc.Components.Schemas["Problem"].Value, rec.Body.Bytes())
}

// TestOpenAPIResponsesMatchTheGoStructs encodes every response shape the
// handlers build, with the handlers' own constructors and writeJSON, and
// checks it against the documented response: nothing undocumented is sent,
// and every documented field is sent by at least one of them.
func TestOpenAPIResponsesMatchTheGoStructs(t *testing.T) {
	doc := loadOpenAPI(t)
	f := newFixture()
	shapes := newShapeChecker(t)

	created := withPicture(newRegistrationView(f.active, f.youth), f.picture, true)
	match := true
	created.Match, created.Bericht = &match, "Er is 1 andere organisatie betrokken. Neem contact op met de betrokken collega. Coördinator: Wijkteam Noord."
	resent := created
	resent.Bericht = "Uw organisatie had al een actieve urgent signaal voor deze jeugdige; er is niets nieuws geregistreerd. " + created.Bericht

	invisible := withPicture(newRegistrationView(f.ended, f.youth), usecase.Picture{Youth: f.youth}, false)
	noMatch := false
	invisible.Match, invisible.Bericht = &noMatch, "Uw organisatie heeft geen actieve registratie meer voor deze jeugdige; u ziet de betrokkenen niet meer."

	ended := f.wijkteamOrg
	ended.ID, ended.Name = 5, "Algemeen Maatschappelijk Werk"
	until := f.now
	past := registration.History{
		Registrations: []registration.HistoryEntry{
			{Registration: f.ended, Organisation: ended},
			{Registration: f.active, Organisation: f.school, Professional: &f.teacher},
		},
		Coordination: []registration.CoordinationPeriod{
			{Organisation: ended, Rule: "oudste", Reason: "De oudste registratie van een zorgaanbieder.", Started: f.then, Ended: &until},
			{Organisation: f.wijkteamOrg, Rule: "niveau-2-overig", Reason: "Wijkteam Noord is de enige betrokken zorgaanbieder.", Started: f.now},
		},
	}
	page := youthPage{Jeugdige: youth(f.youth), Betrokkenen: involvements(f.picture.Involved), Geschiedenis: history(past),
		Adres: address(&family.AddressPanel{Children: []family.AddressChild{{Coordinator: "GGZ Oost", Reference: "J-7KQ3M9XA"}, {}}})}
	c := f.picture.Coordinator
	page.Coordinator = coordinator(c, true)
	pageWithoutCoordinator := youthPage{Jeugdige: youth(f.youth), Betrokkenen: involvements(f.picture.Involved[:1]), Geschiedenis: history(registration.History{}), Adres: address(nil)}
	shieldedPage := page
	shieldedPage.Adres = address(&family.AddressPanel{Shielded: true})

	readAt := f.now.Add(time.Hour)
	messages := []messageView{
		newMessageView(usecase.InboxMessage{
			Message:   model.Message{ID: 1, Kind: registration.KindMatch, Subject: "Match", Body: "Er is een nieuwe organisatie betrokken.", YouthReference: f.youth.Reference, CreatedAt: f.now, Urgent: true},
			YouthName: "Jason Mastenbroek", YouthBirthDate: &f.then,
		}),
		{ID: 2, Soort: coordination.KindCoordinationEnds, Onderwerp: "Coördinatie beëindigd", Tekst: "Er is geen coördinator meer.", Ontvangen: f.now, GelezenOp: &readAt},
	}
	token, _ := auth.NewToken()
	admin := f.wijkteam
	admin.Admin = true

	removedAt := f.now.Add(2 * time.Hour)
	decidedOn := time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)
	pending := registration.Objection{
		Objection: model.Objection{ID: 3, YouthReference: f.youth.Reference, Municipality: "Eindhoven", ReceivedOn: f.then, RecordedAt: f.now},
		Concerns: []registration.Objected{
			{ID: f.active.ID, Registration: &f.active, Organisation: &f.school},
			{ID: f.ended.ID, Registration: &f.ended, Organisation: &f.wijkteamOrg},
		},
	}
	upheld := pending
	upheld.Outcome, upheld.DecidedOn, upheld.DecidedAt = registration.ObjectionUpheld, &decidedOn, &removedAt
	upheld.Concerns = []registration.Objected{{ID: f.active.ID, RemovedAt: &removedAt}, {ID: 99}}
	report := registration.Report{
		MadeAt: f.now, Found: true, Youth: f.youth, ArchiveYears: 5, AuditYears: 5, MaxDuration: model.Period{Years: 2},
		Registrations: []registration.ReportedRegistration{{Registration: f.ended, Organisation: f.wijkteamOrg}, {Registration: f.active, Organisation: f.school}},
		Accesses: []model.Access{
			{At: f.then, Action: "read", ObjectType: "jeugdige", ProfessionalName: f.wijkteam.Name, OrganisationName: f.wijkteamOrg.Name},
			{At: f.now, Action: "export", ObjectType: "inzagerapport", ClientSystem: "", ProfessionalName: admin.Name, OrganisationName: f.wijkteamOrg.Name},
		},
		Objections: []model.Objection{pending.Objection, upheld.Objection},
	}
	noReport := registration.Report{MadeAt: f.now, ArchiveYears: 5, AuditYears: 5, MaxDuration: model.Period{Years: 2}}

	cases := []struct {
		method, path string
		status       int
		body         any
	}{
		{"POST", "/api/v1/registraties", http.StatusCreated, created},
		{"POST", "/api/v1/registraties", http.StatusOK, resent},
		{"GET", "/api/v1/registraties", http.StatusOK, map[string]any{"registraties": []registrationView{newRegistrationView(f.active, f.youth), newRegistrationView(f.ended, f.youth)}}},
		{"GET", "/api/v1/registraties", http.StatusOK, map[string]any{"registraties": []registrationView{}}},
		{"GET", "/api/v1/registraties/{id}", http.StatusOK, created},
		{"GET", "/api/v1/registraties/{id}", http.StatusOK, invisible},
		{"POST", "/api/v1/registraties/{id}/beeindigen", http.StatusOK, withPicture(newRegistrationView(f.ended, f.youth), f.picture, true)},
		{"GET", "/api/v1/jeugdigen/{referentie}", http.StatusOK, page},
		{"GET", "/api/v1/jeugdigen/{referentie}", http.StatusOK, pageWithoutCoordinator},
		{"GET", "/api/v1/jeugdigen/{referentie}", http.StatusOK, shieldedPage},
		{"GET", "/api/v1/berichten", http.StatusOK, map[string]any{"berichten": messages}},
		{"GET", "/api/v1/organisaties", http.StatusOK, map[string]any{"organisaties": []organisationResponse{organisationOut(f.school), organisationOut(f.wijkteamOrg)}}},
		{"POST", "/api/v1/organisaties", http.StatusCreated, organisationOut(f.school)},
		{"POST", "/api/v1/medewerkers", http.StatusCreated, professionalResponse{ID: admin.ID, Organisatie: admin.OrganisationID, Naam: admin.Name, Email: admin.Email, Telefoon: admin.Phone, Regiobeheerder: admin.Admin}},
		{"POST", "/api/v1/tokens", http.StatusCreated, map[string]string{"token": token}},
		{"GET", "/api/v1/niet-bezorgde-mail", http.StatusOK, map[string]any{"mails": []undeliveredView{newUndeliveredView(model.UndeliveredMail{
			ID: 7, ProfessionalID: admin.ID, Professional: admin.Name, Recipient: admin.Email, CurrentEmail: admin.Email, Kind: registration.KindMatch,
			QueuedAt: f.then, RefusedAt: f.now, Reply: "550 5.1.1 Mailbox unavailable",
		})}}},
		{"GET", "/api/v1/niet-bezorgde-mail", http.StatusOK, map[string]any{"mails": []undeliveredView{}}},
		{"POST", "/api/v1/registraties/{id}/informatie", http.StatusOK, withPicture(newRegistrationView(f.active, f.youth), f.picture, true)},
		{"POST", "/api/v1/registraties/{id}/verlengen", http.StatusOK, withPicture(newRegistrationView(f.active, f.youth), f.picture, true)},
		{"POST", "/api/v1/registraties/{id}/verwijderen", http.StatusOK, removedResponse{ID: 42, Status: "verwijderd", Bericht: "De registratie is verwijderd."}},
		{"POST", "/api/v1/bezwaren", http.StatusCreated, objection(pending)},
		{"POST", "/api/v1/bezwaren/{id}/besluit", http.StatusOK, objection(upheld)},
		{"POST", "/api/v1/inzage", http.StatusOK, accessReport(report)},
		{"POST", "/api/v1/inzage", http.StatusOK, accessReport(noReport)},
	}
	cases = append(cases, monitoringCases(f)...)
	cases = append(cases, coordinationCases(f)...)
	cases = append(cases, escalationCases(f)...)
	cases = append(cases, feedCases(f)...)
	for _, tc := range cases {
		rec := httptest.NewRecorder()
		writeJSON(rec, tc.status, tc.body)
		shapes.response(doc, tc.method, tc.path, rec)
	}
	shapes.allDocumentedFieldsSent()
}

// TestOpenAPIProblemsMatchTheStatuses writes, for every documented error
// response, the problem an error of that code produces, and checks that each
// documented status is one the API can answer.
func TestOpenAPIProblemsMatchTheStatuses(t *testing.T) {
	doc := loadOpenAPI(t)
	codeOf := map[int]string{}
	for code, s := range statuses {
		codeOf[s.status] = code
	}
	shapes := newShapeChecker(t)
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			for _, key := range op.Responses.Keys() {
				status, err := strconv.Atoi(key)
				if err != nil || status < 400 {
					continue
				}
				code, ok := codeOf[status]
				if !ok {
					t.Errorf("%s %s documents %d, which no application error produces", method, path, status)
					continue
				}
				rec := httptest.NewRecorder()
				writeProblem(rec, httptest.NewRequest(method, concretePath(path), nil), problemFor(code))
				shapes.response(doc, method, path, rec)
			}
		}
	}
	shapes.allDocumentedFieldsSent()
}

func problemFor(code string) error {
	switch code {
	case model.EINVALID:
		return model.Invalid("De registratie is niet opgeslagen: controleer de gemarkeerde velden.",
			model.InvalidParam{Name: "burgerservicenummer", Reason: "Een burgerservicenummer bestaat uit precies 9 cijfers."},
			model.InvalidParam{Name: "soort", Reason: "Kies de soort registratie: 'signaal' of 'ketenregistratie'."})
	case model.EINTERNAL:
		return errors.New("store: unable to read: disk I/O error")
	}
	return model.Errorf(code, "Een Nederlandse uitleg.")
}

// TestOpenAPIRequestBodiesMatchTheDecodedStructs holds the documented request
// bodies to the structs the handlers decode strictly: the same field names,
// no additional properties, and every documented example accepted by decode.
func TestOpenAPIRequestBodiesMatchTheDecodedStructs(t *testing.T) {
	doc := loadOpenAPI(t)
	bodies := map[string]any{
		"POST /api/v1/registraties":                  registrationRequest{},
		"POST /api/v1/registraties/{id}/beeindigen":  onBehalfRequest{},
		"POST /api/v1/registraties/{id}/herstellen":  onBehalfRequest{},
		"POST /api/v1/organisaties":                  organisationRequest{},
		"POST /api/v1/medewerkers":                   professionalRequest{},
		"POST /api/v1/medewerkers/synchronisatie":    professionalListRequest{},
		"POST /api/v1/tokens":                        tokenRequest{},
		"POST /api/v1/registraties/{id}/informatie":  informRequest{},
		"POST /api/v1/registraties/{id}/verlengen":   onBehalfRequest{},
		"POST /api/v1/registraties/{id}/verwijderen": removeRequest{},
		"POST /api/v1/bezwaren":                      objectionRequest{},
		"POST /api/v1/bezwaren/{id}/besluit":         decisionRequest{},
		"POST /api/v1/inzage":                        accessReportRequest{},
		"POST /api/v1/synchronisaties":               syncRequest{},
		"POST /api/v1/organisaties/{id}/webhook":     webhookRequest{},

		// Coordination (issue 4).
		"POST /api/v1/jeugdigen/{referentie}/coordinatie/accepteren":            acceptanceRequest{},
		"POST /api/v1/jeugdigen/{referentie}/coordinatie/niet-nodig":            notNeededRequest{},
		"POST /api/v1/jeugdigen/{referentie}/coordinatie/overdracht":            handoverRequest{},
		"POST /api/v1/jeugdigen/{referentie}/coordinatie/overdracht/accepteren": acceptanceRequest{},
		"POST /api/v1/jeugdigen/{referentie}/coordinatie/overdracht/weigeren":   onBehalfRequest{},
		"POST /api/v1/jeugdigen/{referentie}/coordinatie/overdracht/intrekken":  onBehalfRequest{},
		"POST /api/v1/jeugdigen/{referentie}/coordinatie/afsluiten":             closeRequest{},

		// Plan of action and signallers (issue 4).
		"POST /api/v1/jeugdigen/{referentie}/plan/afspraken":                                agreementRequest{},
		"POST /api/v1/jeugdigen/{referentie}/plan/afspraken/{id}":                           agreementChange{},
		"POST /api/v1/jeugdigen/{referentie}/signaalgevers/{registratie}/gebeld":            contactRequest{},
		"POST /api/v1/jeugdigen/{referentie}/signaalgevers/{registratie}/overleg-onterecht": contactRequest{},
		"POST /api/v1/jeugdigen/{referentie}/signaalgevers/{registratie}/verwijderen":       removeSignalRequest{},

		// Escalation and care pyramid (issue 4).
		"POST /api/v1/jeugdigen/{referentie}/escalatie":              onBehalfRequest{},
		"POST /api/v1/jeugdigen/{referentie}/escalatie/stappen":      escalationStepRequest{},
		"POST /api/v1/jeugdigen/{referentie}/escalatie/intrekken":    onBehalfRequest{},
		"POST /api/v1/jeugdigen/{referentie}/zorgpiramide/overleg":   convenedRequest{},
		"POST /api/v1/jeugdigen/{referentie}/zorgpiramide/stagnatie": onBehalfRequest{},

		// Relations (issue 7).
		"POST /api/v1/jeugdigen/{referentie}/relaties":                  relationRequest{},
		"POST /api/v1/jeugdigen/{referentie}/relaties/{id}/verwijderen": onBehalfRequest{},
	}
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			if op.RequestBody != nil && bodies[method+" "+path] == nil {
				t.Errorf("%s %s documents a request body that no handler decodes", method, path)
			}
		}
	}
	for _, key := range sortedKeys(bodies) {
		method, path, _ := strings.Cut(key, " ")
		op := operation(t, doc, method, path)
		if op == nil {
			continue
		}
		if op.RequestBody == nil {
			t.Errorf("%s: the handler decodes a body that openapi.json does not document", key)
			continue
		}
		media := op.RequestBody.Value.Content.Get("application/json")
		if media == nil {
			t.Errorf("%s: no application/json request body documented", key)
			continue
		}
		schema := media.Schema.Value
		if ap := schema.AdditionalProperties.Has; ap == nil || *ap {
			t.Errorf("%s: the request body must say additionalProperties: false; decode refuses unknown fields", key)
		}
		goFields := jsonFields(t, bodies[key])
		docFields := sortedKeys(schema.Properties)
		if !reflect.DeepEqual(goFields, docFields) {
			t.Errorf("%s: the Go struct has fields %v, openapi.json documents %v", key, goFields, docFields)
		}
		examples := map[string]any{}
		if media.Example != nil {
			examples["example"] = media.Example
		}
		for name, ex := range media.Examples {
			examples[name] = ex.Value.Value
		}
		if key == "POST /api/v1/registraties" && len(examples) == 0 {
			t.Errorf("%s: document an example request", key)
		}
		for name, ex := range examples {
			body, _ := json.Marshal(ex)
			r := httptest.NewRequest(method, concretePath(path), bytes.NewReader(body))
			r.Header.Set("Content-Type", "application/json")
			v := reflect.New(reflect.TypeOf(bodies[key])).Interface()
			if err := decode(httptest.NewRecorder(), r, v); err != nil {
				t.Errorf("%s: example %s is refused by the handler's decoder: %v", key, name, err)
			}
		}
	}
}

// jsonFields returns the JSON names of a struct's fields, by encoding its zero value.
func jsonFields(t *testing.T, v any) []string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if reflect.TypeOf(v).NumField() != len(m) {
		t.Fatalf("%T has omitempty fields; its JSON names cannot be read from its zero value", v)
	}
	return sortedKeys(m)
}

// shapeChecker validates JSON against documented schemas and remembers which
// documented properties were present in some answer.
type shapeChecker struct {
	t     *testing.T
	sent  map[*openapi3.Schema]map[string]bool
	where map[*openapi3.Schema]string
}

func newShapeChecker(t *testing.T) *shapeChecker {
	return &shapeChecker{t: t, sent: map[*openapi3.Schema]map[string]bool{}, where: map[*openapi3.Schema]string{}}
}

// response checks a recorded answer against the response documented for its
// operation, status and content type.
func (c *shapeChecker) response(doc *openapi3.T, method, path string, rec *httptest.ResponseRecorder) {
	c.t.Helper()
	name := fmt.Sprintf("%s %s %d", method, path, rec.Code)
	op := operation(c.t, doc, method, path)
	if op == nil {
		return
	}
	ref := op.Responses.Status(rec.Code)
	if ref == nil {
		c.t.Errorf("%s: status not documented", name)
		return
	}
	ct := rec.Header().Get("Content-Type")
	media := ref.Value.Content.Get(ct)
	if media == nil || media.Schema == nil {
		c.t.Errorf("%s: content type %q not documented", name, ct)
		return
	}
	c.check(name, media.Schema.Value, rec.Body.Bytes())
}

func (c *shapeChecker) check(name string, schema *openapi3.Schema, body []byte) {
	c.t.Helper()
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		c.t.Errorf("%s: no JSON: %v", name, err)
		return
	}
	if err := schema.VisitJSON(v); err != nil {
		c.t.Errorf("%s: does not match openapi.json: %v\n%s", name, err, body)
	}
	c.walk(name, schema, v)
}

func (c *shapeChecker) walk(at string, s *openapi3.Schema, v any) {
	c.t.Helper()
	// A nullable reference is written as {nullable: true, allOf: [$ref]}.
	for len(s.Properties) == 0 && len(s.AllOf) == 1 {
		s = s.AllOf[0].Value
	}
	switch v := v.(type) {
	case map[string]any:
		if c.sent[s] == nil {
			c.sent[s], c.where[s] = map[string]bool{}, at
		}
		for k, val := range v {
			p := s.Properties[k]
			if p == nil {
				c.t.Errorf("%s.%s: sent by the API but not documented in openapi.json", at, k)
				continue
			}
			c.sent[s][k] = true
			c.walk(at+"."+k, p.Value, val)
		}
	case []any:
		if s.Items == nil {
			return
		}
		for i, e := range v {
			c.walk(fmt.Sprintf("%s[%d]", at, i), s.Items.Value, e)
		}
	}
}

// allDocumentedFieldsSent fails for documented properties none of the checked
// answers had: a field renamed or dropped in Go but still in the document.
func (c *shapeChecker) allDocumentedFieldsSent() {
	c.t.Helper()
	for s, sent := range c.sent {
		for _, k := range sortedKeys(s.Properties) {
			if !sent[k] {
				c.t.Errorf("%s.%s: documented in openapi.json but never sent", c.where[s], k)
			}
		}
	}
}

func operation(t *testing.T, doc *openapi3.T, method, path string) *openapi3.Operation {
	t.Helper()
	item := doc.Paths.Value(path)
	if item == nil || item.GetOperation(method) == nil {
		t.Errorf("%s %s is not documented in openapi.json", method, path)
		return nil
	}
	return item.GetOperation(method)
}

// concretePath fills in a route's path parameters.
func concretePath(pattern string) string {
	return strings.NewReplacer("{id}", "42", "{referentie}", "J-7KQ3M9XA").Replace(pattern)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// fixture is one youth with two involved organisations and a coordinator.
type fixture struct {
	now                  time.Time
	youth                usecase.Youth
	active, ended        model.Registration
	school, wijkteamOrg  model.Organisation
	teacher, wijkteam    model.Professional
	picture              usecase.Picture
	endDate, birth, then time.Time
}

func newFixture() fixture {
	// Times come back from storage in local time; an offset must be valid too.
	cet := time.FixedZone("CET", 3600)
	f := fixture{
		now:   time.Date(2026, 3, 3, 10, 15, 0, 123456789, cet),
		then:  time.Date(2026, 1, 20, 13, 2, 11, 0, time.UTC),
		birth: time.Date(2014, 5, 12, 0, 0, 0, 0, time.UTC),
	}
	f.endDate = time.Date(2027, 6, 30, 0, 0, 0, 0, time.UTC)
	f.youth = usecase.Youth{ID: 1, Reference: "J-7KQ3M9XA", Age: 11, Person: model.Person{
		BSN: "999998006", GivenNames: "Sanne", Prefix: "de", FamilyName: "Vries", BirthDate: f.birth, Municipality: "0599",
	}}
	f.school = model.Organisation{ID: 7, Name: "Basisschool De Regenboog", Type: model.TypeOnderwijs, Role: model.RoleSignaalgever, Municipality: "0599", Active: true}
	f.wijkteamOrg = model.Organisation{ID: 3, Name: "Wijkteam Noord", Type: model.TypeWijkteam, Role: model.RoleZorgaanbieder, Municipality: "0599", Active: true}
	f.teacher = model.Professional{ID: 11, OrganisationID: 7, Name: "Jan de Vries", Email: "j.devries@school.example", Phone: "010 765 43 21", Active: true}
	f.wijkteam = model.Professional{ID: 12, OrganisationID: 3, Name: "Fatima el Amrani", Email: "f.elamrani@wijkteam.example", Phone: "010 123 45 67", Active: true}
	renewed := f.now.Add(time.Hour)
	f.active = model.Registration{ID: 42, YouthID: 1, OrganisationID: 7, ProfessionalID: 11, Kind: model.KindSignaal, Urgent: true, CreatedAt: f.now, EndDate: &f.endDate,
		ParentsInformed: model.InformedDisagrees, YouthInformed: model.InformedNotApplicable, ExpiresOn: f.now.AddDate(2, 0, -1), RenewedAt: &renewed}
	ended := f.now.Add(48 * time.Hour)
	f.ended = model.Registration{ID: 17, YouthID: 1, OrganisationID: 3, ProfessionalID: 12, Kind: model.KindKetenregistratie, CreatedAt: f.then, EndedAt: &ended, EndReason: model.EndExpired,
		ParentsInformed: model.InformedYes, YouthInformed: model.InformedNotYet, ExpiresOn: f.then.AddDate(2, 0, -1)}
	care := f.ended
	care.EndedAt, care.EndReason = nil, ""
	f.picture = usecase.Picture{
		Youth: f.youth,
		Involved: []model.Involvement{
			{Registration: care, Organisation: f.wijkteamOrg, Professional: f.wijkteam},
			{Registration: f.active, Organisation: f.school, Professional: f.teacher},
		},
		Coordinator: &usecase.Coordinator{Organisation: f.wijkteamOrg, Rule: "niveau-2-overig", Reason: "Wijkteam Noord is de enige betrokken zorgaanbieder.", Since: f.then,
			Status: "geaccepteerd", Professional: &f.wijkteam, DecidedAt: &f.then},
	}
	return f
}
