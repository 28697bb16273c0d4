package api

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestOpenAPIProfessionalListResponseMatchesTheGoStruct: the answer to an
// organisation's list of professionals is what the document says.
func TestOpenAPIProfessionalListResponseMatchesTheGoStruct(t *testing.T) {
	doc := loadOpenAPI(t)
	shapes := newShapeChecker(t)
	rec := httptest.NewRecorder()
	writeJSON(rec, http.StatusOK, professionalListResponse{Aangemaakt: []string{"a@ggd.example"}, Bijgewerkt: []string{"b@ggd.example"},
		Heractiveerd: []string{"c@ggd.example"}, Gedeactiveerd: []string{"d@ggd.example"},
		CoordinatieOverdragen: []coordinatorGone{{Email: "d@ggd.example", Coordinaties: 2}}})
	shapes.response(doc, "POST", "/api/v1/medewerkers/synchronisatie", rec)
	shapes.allDocumentedFieldsSent()
}
