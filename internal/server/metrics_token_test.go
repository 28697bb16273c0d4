package server

import (
	"net/http"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

// /metrics is served only with the token set for it, and only to a scraper
// that sends it (issue 19: it needed no login at all).
func TestMetricsNeedTheirToken(t *testing.T) {
	if got := get(t, startServer(t, testenv.New(t), Config{})+"/metrics").StatusCode; got != http.StatusNotFound {
		t.Errorf("without a metrics token /metrics = %d, want 404", got)
	}
	base := startServer(t, testenv.New(t), Config{MetricsToken: "geheim-scrape-token"})
	for auth, want := range map[string]int{
		"":                           http.StatusUnauthorized,
		"Bearer verkeerd":            http.StatusUnauthorized,
		"geheim-scrape-token":        http.StatusUnauthorized,
		"Bearer geheim-scrape-token": http.StatusOK,
	} {
		req, _ := http.NewRequest(http.MethodGet, base+"/metrics", nil)
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Authorization %q: %d, want %d", auth, resp.StatusCode, want)
		}
	}
}
