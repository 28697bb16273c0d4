package api

import (
	"net/http"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/monitoring"
)

// monitoringCases are the answers of GET /api/v1/monitoring, for
// TestOpenAPIResponsesMatchTheGoStructs: a municipality's figures by
// quarter with every kind of value, and the answer before any month is made.
func monitoringCases(f fixture) []struct {
	method, path string
	status       int
	body         any
} {
	q1 := monitoring.Month{Year: 2026, Month: time.January}
	q2 := monitoring.Month{Year: 2026, Month: time.April}
	ready := monitoring.Report{
		Query: monitoring.Query{From: q1, To: q2.Add(2), Group: monitoring.ByQuarter, Municipality: "0772"},
		Scope: "Gemeente Eindhoven (0772)", Municipalities: []monitoring.Municipality{{Code: "0772", Name: "Eindhoven"}},
		Made: q2.Add(2), Ready: true,
		Periods: []monitoring.Period{{Label: "1e kwartaal 2026", From: q1, To: q1.Add(2)}, {Label: "2e kwartaal 2026", From: q2, To: q2.Add(2)}},
		Tables: []monitoring.Table{
			{ID: "registraties-soort", Title: "Registraties", Description: "Nieuwe registraties in de periode, naar soort.", Total: true, Rows: []monitoring.Row{
				{Key: "signaal", Label: "Signalen", Values: []monitoring.Value{{Kind: monitoring.Count, N: 35, Text: "35"}, {Kind: monitoring.Count, N: 40, Text: "40"}, {Kind: monitoring.Count, N: 75, Text: "75"}}},
				{Key: "totaal", Label: "Registraties", Sum: true, Values: []monitoring.Value{{Kind: monitoring.Count, N: 35, Text: "35"}, {Kind: monitoring.Count, N: 40, Text: "40"}, {Kind: monitoring.Count, N: 75, Text: "75"}}},
			}},
			{ID: "opvolging", Title: "Opvolging van matches", Description: "Matches opgevolgd binnen de termijn.", Total: true, Rows: []monitoring.Row{
				{Key: "op-tijd", Label: "Binnen de termijn", Values: []monitoring.Value{{Kind: monitoring.Percent, N: 75, Text: "75%"}, {Kind: monitoring.None, Text: "–"}, {Kind: monitoring.Percent, N: 70, Text: "70%"}}},
				{Key: "mediaan", Label: "Mediaan", Values: []monitoring.Value{{Kind: monitoring.Days, N: 11, Text: "11-15 werkdagen"}, {Kind: monitoring.None, Text: "–"}, {Kind: monitoring.Days, N: 3, Text: "3 werkdagen"}}},
			}},
			{ID: "deelname-organisatie", Title: "Deelname per organisatie", Description: "Nieuwe registraties per organisatie in de hele periode.",
				Columns: []monitoring.Period{{Label: "1e kwartaal 2026 t/m 2e kwartaal 2026", From: q1, To: q2.Add(2)}}, Rows: []monitoring.Row{
					{Key: "7", Label: "Stedelijk College", Values: []monitoring.Value{{Kind: monitoring.Count, N: 75, Text: "75"}}},
				}},
		},
	}
	notReady := monitoring.Report{Query: monitoring.Query{Group: monitoring.ByMonth}, Scope: "Alle gemeenten"}
	return []struct {
		method, path string
		status       int
		body         any
	}{
		{"GET", "/api/v1/monitoring", http.StatusOK, newMonitoringView(ready, f.now)},
		{"GET", "/api/v1/monitoring", http.StatusOK, newMonitoringView(notReady, f.now)},
	}
}
