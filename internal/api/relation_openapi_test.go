package api

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/family"
	"github.com/jeugdketen/jeugdketen/internal/model"
)

// TestOpenAPIRelationResponsesMatchTheGoStructs checks the relation routes'
// answers, built with the handlers' own constructors, against openapi.json,
// and that every documented field of them is sent.
func TestOpenAPIRelationResponsesMatchTheGoStructs(t *testing.T) {
	doc := loadOpenAPI(t)
	f := newFixture()
	shapes := newShapeChecker(t)
	father := family.Relation{
		ID: 7, Kind: family.RelationParent, Organisation: f.school, Professional: f.teacher, CreatedAt: f.now, Removable: true,
		Person: model.Person{GivenNames: "Johan", FamilyName: "Groot Esselink", BirthDate: f.birth.AddDate(-30, 0, 0)},
	}
	sister := father
	sister.ID, sister.Kind, sister.Reference, sister.Removable = 8, family.RelationSibling, "J-8KQ3M9XB", false
	cases := []struct {
		method, path string
		status       int
		body         any
	}{
		{"GET", "/api/v1/jeugdigen/{referentie}/relaties", http.StatusOK, map[string]any{"relaties": []relationView{relation(father), relation(sister)}}},
		{"GET", "/api/v1/jeugdigen/{referentie}/relaties", http.StatusOK, map[string]any{"relaties": []relationView{}}},
		{"POST", "/api/v1/jeugdigen/{referentie}/relaties", http.StatusCreated, relation(father)},
		{"POST", "/api/v1/jeugdigen/{referentie}/relaties/{id}/verwijderen", http.StatusOK, removedResponse{ID: 7, Status: "verwijderd", Bericht: "De relatie is verwijderd."}},
	}
	for _, tc := range cases {
		rec := httptest.NewRecorder()
		writeJSON(rec, tc.status, tc.body)
		shapes.response(doc, tc.method, tc.path, rec)
	}
	shapes.allDocumentedFieldsSent()
}
