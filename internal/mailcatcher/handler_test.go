package mailcatcher

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// serveUnderPrefix mounts the handler the way `jeugdketen demo` does.
func serveUnderPrefix(t *testing.T, c *Catcher) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.Handle("/demo/mail/", http.StripPrefix("/demo/mail", c.Handler()))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func get(t *testing.T, url string) (*http.Response, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b)
}

func sendSubjects(t *testing.T, c *Catcher, subjects ...string) {
	t.Helper()
	for _, s := range subjects {
		send(t, c, []string{"a@gemeente.test"}, "Subject: "+s+"\n\nTekst van "+s+"\n")
	}
	waitFor(t, c, len(subjects))
}

func TestListShowsSubjectsNewestFirstWithRelativeLinks(t *testing.T) {
	c := startCatcher(t)
	srv := serveUnderPrefix(t, c)
	sendSubjects(t, c, "Eerste bericht", "Tweede bericht")

	resp, body := get(t, srv.URL+"/demo/mail/")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	for _, want := range []string{"Verzonden e-mail (demo)", `id="alleen-demo"`, "bestaat alleen in de demo", "<th>Ontvangen</th>", "<th>Aan</th>", "<th>Onderwerp</th>", "a@gemeente.test", "14-03-2026 09:30:00", `href="1"`} {
		if !strings.Contains(body, want) {
			t.Errorf("list lacks %q", want)
		}
	}
	first, second := strings.Index(body, "Eerste bericht"), strings.Index(body, "Tweede bericht")
	if first < 0 || second < 0 || second > first {
		t.Errorf("not newest first: Eerste at %d, Tweede at %d", first, second)
	}
	if strings.Contains(body, `href="/`) {
		t.Error("list has an absolute link, which breaks under a prefix")
	}
}

func TestListEscapesHTMLInSubject(t *testing.T) {
	c := startCatcher(t)
	srv := serveUnderPrefix(t, c)
	sendSubjects(t, c, "<script>alert(1)</script>")

	_, body := get(t, srv.URL+"/demo/mail/")
	if strings.Contains(body, "<script>") {
		t.Fatal("subject rendered as HTML")
	}
	if !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Fatal("escaped subject missing")
	}
}

func TestDetailShowsHeadersAndTextBody(t *testing.T) {
	c := startCatcher(t)
	srv := serveUnderPrefix(t, c)
	sendSubjects(t, c, "=?utf-8?q?=C3=A9=C3=A9n_gezin?=", "<b>vet</b>")

	resp, body := get(t, srv.URL+"/demo/mail/1")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	for _, want := range []string{"<pre>Tekst van =?utf-8?q?=C3=A9=C3=A9n_gezin?=\n</pre>", "<th>Subject</th><td>één gezin</td>", "noreply@jeugdketen.test", `href="./"`} {
		if !strings.Contains(body, want) {
			t.Errorf("detail lacks %q", want)
		}
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("CSP = %q", csp)
	}

	_, body = get(t, srv.URL+"/demo/mail/2")
	if strings.Contains(body, "<b>vet</b>") {
		t.Error("detail renders the subject as HTML")
	}
}

func TestUnknownMailIsNotFound(t *testing.T) {
	c := startCatcher(t)
	srv := serveUnderPrefix(t, c)
	sendSubjects(t, c, "Eén")

	for _, p := range []string{"2", "0", "abc", "1/"} {
		if resp, _ := get(t, srv.URL+"/demo/mail/"+p); resp.StatusCode != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", p, resp.StatusCode)
		}
	}
}

func TestJSONListsMailsInArrivalOrderWithDutchFields(t *testing.T) {
	c := startCatcher(t)
	srv := serveUnderPrefix(t, c)
	sendSubjects(t, c, "Eerste bericht", "Tweede bericht")

	for _, p := range []string{"mails.json", "?format=json"} {
		resp, body := get(t, srv.URL+"/demo/mail/"+p)
		if ct := resp.Header.Get("Content-Type"); ct != "application/json" {
			t.Errorf("%s: content type %q", p, ct)
		}
		var mails []Mail
		if err := json.Unmarshal([]byte(body), &mails); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if len(mails) != 2 || mails[0].Subject != "Eerste bericht" || mails[1].ID != 2 || mails[0].Text != "Tekst van Eerste bericht\n" {
			t.Errorf("%s: %+v", p, mails)
		}
		if !strings.Contains(body, `"onderwerp": "Eerste bericht"`) {
			t.Errorf("%s: field names not Dutch: %s", p, body)
		}
	}

	_, body := get(t, srv.URL+"/demo/mail/2?format=json")
	var m Mail
	if err := json.Unmarshal([]byte(body), &m); err != nil || m.Subject != "Tweede bericht" {
		t.Errorf("single mail JSON: %v %+v", err, m)
	}
}

func TestListWithoutTrailingSlashRedirects(t *testing.T) {
	c := startCatcher(t)
	h := http.StripPrefix("/demo/mail", c.Handler())
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/demo/mail", nil))

	if rec.Code != http.StatusMovedPermanently || rec.Header().Get("Location") != "/demo/mail/" {
		t.Fatalf("status %d, location %q", rec.Code, rec.Header().Get("Location"))
	}
}

func TestOnlyGetIsAllowed(t *testing.T) {
	c := startCatcher(t)
	rec := httptest.NewRecorder()
	c.Handler().ServeHTTP(rec, httptest.NewRequest("POST", "/", nil))
	if rec.Code != http.StatusMethodNotAllowed {
		t.Fatalf("status %d", rec.Code)
	}
}

func TestEmptyListSaysNothingWasSent(t *testing.T) {
	c := startCatcher(t)
	rec := httptest.NewRecorder()
	c.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	if !strings.Contains(rec.Body.String(), "Nog geen e-mail verzonden.") {
		t.Fatal("empty list has no explanation")
	}
}
