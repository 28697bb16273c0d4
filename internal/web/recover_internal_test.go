package web

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestPanicInAPageGivesTheDutch500AndLogsTheStack(t *testing.T) {
	var logs bytes.Buffer
	h, err := New(Handler{Log: slog.New(slog.NewTextHandler(&logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	boom := h.recoverPanic(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		panic("geheime interne fout J-ABC123")
	}))
	rec := httptest.NewRecorder()
	boom.ServeHTTP(rec, httptest.NewRequest("GET", "/jeugdigen/J-ABC123", nil))

	body := rec.Body.String()
	if rec.Code != http.StatusInternalServerError || !strings.Contains(body, "Er ging iets mis") || !strings.Contains(body, `class="utrecht-page-header jk-header"`) {
		t.Fatalf("after a panic: %d\n%s", rec.Code, body)
	}
	for _, secret := range []string{"geheime interne fout", "goroutine", "recover.go"} {
		if strings.Contains(body, secret) {
			t.Errorf("the user sees %q", secret)
		}
	}
	if !strings.Contains(logs.String(), "geheime interne fout") || !strings.Contains(logs.String(), "goroutine") {
		t.Errorf("the log lacks the panic and its stack:\n%s", logs.String())
	}
}

func TestAbortedHandlerStillAborts(t *testing.T) {
	h, err := New(Handler{})
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if v := recover(); v != http.ErrAbortHandler {
			t.Errorf("recovered %v, want http.ErrAbortHandler passed on", v)
		}
	}()
	h.recoverPanic(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic(http.ErrAbortHandler) })).
		ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
}
