package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/population"
)

// startCommand runs a command until the test ends or stop is called.
func startCommand(t *testing.T, args ...string) (out *lockedBuffer, stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out = &lockedBuffer{}
	done := make(chan error, 1)
	go func() { done <- run(ctx, args, out) }()
	stopped := false
	stop = func() {
		if stopped {
			return
		}
		stopped = true
		cancel()
		if err := <-done; err != nil {
			t.Errorf("%s ended with %v", args[0], err)
		}
	}
	t.Cleanup(stop)
	return out, stop
}

func waitUntil(t *testing.T, what string, ok func() bool) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if ok() {
			return
		}
	}
	t.Fatalf("no %s within 20 s", what)
}

func postSignal(t *testing.T, base, token, bsn string) (int, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, base+"/api/v1/registraties", strings.NewReader(`{"burgerservicenummer":"`+bsn+`","soort":"signaal"}`))
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body map[string]any
	b, _ := io.ReadAll(resp.Body)
	json.Unmarshal(b, &body)
	return resp.StatusCode, body
}

func TestServeWithBRPLooksYouthsUpInTheRegisterAndStoresNothingWhenItIsDown(t *testing.T) {
	if testing.Short() {
		t.Skip("starts two servers")
	}
	dir := t.TempDir()
	db, keys := "--db="+filepath.Join(dir, "j.db"), "--keys="+filepath.Join(dir, "j.keys")
	mustJK(t, "keys", "generate", keys)
	mustJK(t, "migrate", db)
	org := mustJK(t, "org", "add", db, "--name", "GGD JGZ", "--type", "jgz", "--municipality", "Eindhoven")
	mustJK(t, "user", "add", db, "--org", org, "--name", "Anouk Peters", "--email", "a.peters@ggd.example", "--phone", "040-1234567")
	token := mustJK(t, "token", "create", db, "--email", "a.peters@ggd.example")

	stubOut, stopStub := startCommand(t, "brp-stub", "--addr", "127.0.0.1:0", "--api-key", "sleutel")
	var brp string
	waitUntil(t, "BRP stand-in", func() bool {
		m := regexp.MustCompile(`serve --brp (\S+)`).FindStringSubmatch(stubOut.String())
		if m != nil {
			brp = m[1]
		}
		return m != nil
	})
	addr := freeAddr(t)
	base := "http://" + addr
	startCommand(t, "serve", db, keys, "--addr", addr, "--brp", brp, "--brp-api-key", "sleutel", "--brp-timeout", "2s")
	waitUntil(t, "server", func() bool {
		resp, err := http.Get(base + "/readyz")
		if err == nil {
			resp.Body.Close()
		}
		return err == nil && resp.StatusCode == http.StatusOK
	})

	// Nothing was imported: only the BRP knows Jason.
	if status, body := postSignal(t, base, token, population.BSNTeen); status != http.StatusCreated {
		t.Fatalf("registration with the BRP up: %d %v", status, body)
	}
	stopStub()
	status, body := postSignal(t, base, token, population.BSNChild)
	if status != http.StatusServiceUnavailable || !strings.Contains(body["detail"].(string), "(BRP) is nu niet bereikbaar") {
		t.Fatalf("registration with the BRP down: %d %v", status, body)
	}
	req, _ := http.NewRequest(http.MethodGet, base+"/api/v1/registraties", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var list struct{ Registraties []any }
	json.NewDecoder(resp.Body).Decode(&list)
	if len(list.Registraties) != 1 {
		t.Errorf("%d registrations stored, want only the one made while the BRP was up", len(list.Registraties))
	}
}
