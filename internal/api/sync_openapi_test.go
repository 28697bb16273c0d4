package api

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// TestOpenAPISynchronisationResponsesMatchTheGoStructs encodes the
// synchronisation's answers with the handlers' own constructor and checks
// them against the document: nothing undocumented is sent, every
// documented field is sent.
func TestOpenAPISynchronisationResponsesMatchTheGoStructs(t *testing.T) {
	doc := loadOpenAPI(t)
	shapes := newShapeChecker(t)
	started := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	finished := started.Add(12 * time.Second)
	done := model.SyncReport{ID: 12, Complete: true, Lines: 3, Status: model.SyncDone, DoneLines: 3, StartedAt: started, FinishedAt: &finished,
		Counts:   model.SyncCounts{Created: 1, Unchanged: 1, Updated: 0, Ended: 2, Refused: 1},
		Refusals: []model.SyncRefusal{{Line: 2, Problems: []model.SyncProblem{{Field: "burgerservicenummer", Reason: "Dit is geen geldig burgerservicenummer."}}}}}
	running := model.SyncReport{ID: 13, Lines: 100000, Status: model.SyncLines, DoneLines: 500, StartedAt: started}
	dry := done
	dry.ID = 0
	cases := []struct {
		method, path string
		status       int
		body         any
	}{
		{"POST", "/api/v1/synchronisaties", http.StatusCreated, newSyncView(done, false)},
		{"POST", "/api/v1/synchronisaties", http.StatusOK, newSyncView(dry, true)},
		{"GET", "/api/v1/synchronisaties/{id}", http.StatusOK, newSyncView(done, false)},
		{"GET", "/api/v1/synchronisaties/{id}", http.StatusOK, newSyncView(running, false)},
	}
	for _, tc := range cases {
		rec := httptest.NewRecorder()
		writeJSON(rec, tc.status, tc.body)
		shapes.response(doc, tc.method, tc.path, rec)
	}
	shapes.allDocumentedFieldsSent()
}
