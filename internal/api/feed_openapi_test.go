package api

import (
	"encoding/json"
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/feed"
)

// feedCases are the answers of the event feed and the webhook routes
// (issue 16), for TestOpenAPIResponsesMatchTheGoStructs.
func feedCases(f fixture) []struct {
	method, path string
	status       int
	body         any
} {
	match := json.RawMessage(`{"betrokkenen":[{"organisatie":{"id":3,"naam":"Basisschool De Regenboog","type":"onderwijs"},"soort":"signaal","urgent":false,"sinds":"2026-11-23",
		"contactpersoon":{"naam":"J. de Vries","telefoon":"040-1234567","email":"j.devries@school.example"}}]}`)
	coordinator := json.RawMessage(`{"coordinator":{"organisatie":{"id":4,"naam":"Wijkteam Noord"},"status":"geaccepteerd",
		"contactpersoon":{"naam":"A. Jansen","telefoon":"040-7654321","email":"a.jansen@wijkteam.example"}}}`)
	ended := json.RawMessage(`{"registratie":42,"soort":"signaal","organisatie":{"id":3,"naam":"Basisschool De Regenboog"},"reden":"organisatie"}`)
	y := feed.Youth{Reference: f.youth.Reference, BSN: "999996629"}
	events := feed.Page{Next: 13, Events: []feed.Event{
		{ID: 11, Kind: "match", At: f.now, Youth: y, Facts: match},
		{ID: 12, Kind: "coordinator", At: f.now, Youth: y, Facts: coordinator},
		{ID: 13, Kind: "registratie-beeindigd", At: f.now, Youth: y, EndsHere: true, Facts: ended},
		{ID: 14, Kind: "verhuisd", At: f.now, Youth: y},
	}}
	since := f.then
	made := feed.Webhook{OrganisationID: 7, URL: "https://cs.example.nl/jeugdketen", Secret: "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", Since: f.now, DeliveredThrough: 10}
	paused := feed.Webhook{OrganisationID: 7, URL: made.URL, Since: f.then, DeliveredThrough: 10, FailingSince: &since, LastError: "ontvanger antwoordde 503", PausedAt: &f.now}
	return []struct {
		method, path string
		status       int
		body         any
	}{
		{"GET", "/api/v1/gebeurtenissen", http.StatusOK, events},
		{"GET", "/api/v1/gebeurtenissen", http.StatusOK, feed.Page{Events: []feed.Event{}, Next: 12}},
		{"POST", "/api/v1/organisaties/{id}/webhook", http.StatusCreated, made},
		{"GET", "/api/v1/organisaties/{id}/webhook", http.StatusOK, paused},
		{"POST", "/api/v1/organisaties/{id}/webhook/hervatten", http.StatusOK, feed.Webhook{OrganisationID: 7, URL: made.URL, Since: f.then, DeliveredThrough: 10}},
		{"POST", "/api/v1/organisaties/{id}/webhook/verwijderen", http.StatusOK, map[string]string{"status": "verwijderd"}},
	}
}
