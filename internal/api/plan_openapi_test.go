package api

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/plan"
)

// TestOpenAPIPlanResponsesMatchTheGoStructs encodes the plan of action's
// answers with the handlers' own constructors and checks them against the
// document: nothing undocumented is sent, every documented field is sent.
func TestOpenAPIPlanResponsesMatchTheGoStructs(t *testing.T) {
	doc := loadOpenAPI(t)
	f := newFixture()
	shapes := newShapeChecker(t)

	changed := f.now.Add(time.Hour)
	open := plan.PlannedAgreement{
		Agreement: model.Agreement{ID: 7, YouthID: 1, CoordinationID: 2, Action: "huisbezoek", ProfessionalID: f.teacher.ID,
			StartOn: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), EndOn: time.Date(2026, 3, 16, 0, 0, 0, 0, time.UTC),
			Status: model.AgreementOpen, CreatedAt: f.now, UpdatedAt: &changed},
		Responsible: f.teacher, Organisation: f.school, Overdue: true,
	}
	done := open
	done.ID, done.Status, done.UpdatedAt, done.Overdue = 8, model.AgreementDone, nil, false
	called := time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)
	p := plan.Plan{
		MayChange: true, Actions: []string{"huisbezoek", "gesprek met ouders"},
		Agreements: []plan.PlannedAgreement{open, done},
		Signallers: []plan.Signaller{
			{Registration: f.active, Organisation: f.school, Professional: f.teacher, ContactedOn: &called, ConsultedOn: &called},
			{Registration: f.active, Organisation: f.school, Professional: f.teacher},
		},
	}
	cases := []struct {
		method, path string
		status       int
		body         any
	}{
		{"GET", "/api/v1/jeugdigen/{referentie}/plan", http.StatusOK, newPlanView(f.youth.Reference, p)},
		{"GET", "/api/v1/jeugdigen/{referentie}/plan", http.StatusOK, newPlanView(f.youth.Reference, plan.Plan{})},
		{"POST", "/api/v1/jeugdigen/{referentie}/plan/afspraken", http.StatusCreated, agreement(open)},
		{"POST", "/api/v1/jeugdigen/{referentie}/plan/afspraken/{id}", http.StatusOK, agreement(done)},
		{"POST", "/api/v1/jeugdigen/{referentie}/signaalgevers/{registratie}/gebeld", http.StatusOK, signaller(p.Signallers[1])},
		{"POST", "/api/v1/jeugdigen/{referentie}/signaalgevers/{registratie}/overleg-onterecht", http.StatusOK, signaller(p.Signallers[0])},
		{"POST", "/api/v1/jeugdigen/{referentie}/signaalgevers/{registratie}/verwijderen", http.StatusOK, removedResponse{ID: 42, Status: "verwijderd", Bericht: "Het signaal is verwijderd."}},
	}
	for _, tc := range cases {
		rec := httptest.NewRecorder()
		writeJSON(rec, tc.status, tc.body)
		shapes.response(doc, tc.method, tc.path, rec)
	}
	shapes.allDocumentedFieldsSent()
}
