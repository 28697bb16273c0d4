package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

// logBuffer collects what the server logs from its goroutines.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestLogsHoldNoBSNTokenOrName runs a day's work against a real server,
// with everything that goes wrong in it (bad tokens, bad and unknown BSNs,
// BSNs where they do not belong, a youth whose data does not open, a mail
// server that is down), logging at debug level, and looks for every BSN,
// token, name and birth date used in what was logged.
func TestLogsHoldNoBSNTokenOrName(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	env := testenv.New(t)
	var logs logBuffer
	log := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	rules := Config{
		Log: log, SMTP: "smtp://127.0.0.1:1?tls=none", MailInterval: 20 * time.Millisecond, SweepInterval: 50 * time.Millisecond,
		BadTokens: 3,
	}
	base := startServer(t, env, rules)
	client := &http.Client{Timeout: 10 * time.Second}

	who := audit.Actor{Role: "beheerder", Source: "test"}
	school := env.Pro(t, env.Org(t, "Basisschool De Regenboog", model.TypeOnderwijs))
	gi := env.Pro(t, env.Org(t, "Gecertificeerde Instelling", model.TypeGI))
	schoolToken, err := env.Region.CreateProfessionalToken(ctx, who, school.Professional.Email)
	if err != nil {
		t.Fatal(err)
	}
	giToken, err := env.Region.CreateProfessionalToken(ctx, who, gi.Professional.Email)
	if err != nil {
		t.Fatal(err)
	}
	systemToken, err := env.Region.CreateOrganisationToken(ctx, who, gi.Organisation.ID)
	if err != nil {
		t.Fatal(err)
	}

	call := func(method, path, token, body string) (int, []byte) {
		t.Helper()
		req, err := http.NewRequest(method, base+path, strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		if body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		res, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		data, _ := io.ReadAll(res.Body)
		return res.StatusCode, data
	}
	register := func(token, bsn, kind string) (int, []byte) {
		return call("POST", "/api/v1/registraties", token, fmt.Sprintf(`{"burgerservicenummer":%q,"soort":%q}`, bsn, kind))
	}

	const unknownBSN = "111222333" // passes the eleven-test, not in the register
	const invalidBSN = "123456789" // fails the eleven-test
	bsns := []string{population.BSNTeen, population.BSNChild, population.BSNAdult, unknownBSN, invalidBSN}

	// The day's work.
	status, body := register(schoolToken, population.BSNTeen, "signaal")
	if status != http.StatusCreated {
		t.Fatalf("register: %d %s", status, body)
	}
	var created struct {
		Jeugdige struct{ Referentie string } `json:"jeugdige"`
	}
	json.Unmarshal(body, &created)
	ref := created.Jeugdige.Referentie
	if status, _ := register(giToken, population.BSNTeen, "ketenregistratie"); status != http.StatusCreated {
		t.Fatalf("second registration: %d", status)
	}
	register(schoolToken, population.BSNChild, "signaal")
	call("GET", "/api/v1/jeugdigen/"+ref, giToken, "")
	call("GET", "/api/v1/registraties", schoolToken, "")

	// What goes wrong.
	// An internal failure first (the address is blocked at the end): the youth's sealed data no longer opens.
	err = env.DB.Update(ctx, func(tx *storage.Tx) error {
		y, err := tx.YouthByReference(ctx, ref)
		if err != nil {
			return err
		}
		return tx.UpdateYouthPerson(ctx, y.ID, []byte("kapot"), "0518", y.AddressHash)
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := call("GET", "/api/v1/jeugdigen/"+ref, giToken, ""); got != http.StatusInternalServerError {
		t.Fatalf("youth whose data does not open: %d, want 500", got)
	}
	steps := []struct {
		name         string
		method, path string
		token, body  string
		want         int
	}{
		{"invalid BSN", "POST", "/api/v1/registraties", schoolToken, `{"burgerservicenummer":"` + invalidBSN + `","soort":"signaal"}`, 400},
		{"unknown person", "POST", "/api/v1/registraties", schoolToken, `{"burgerservicenummer":"` + unknownBSN + `","soort":"signaal"}`, 400},
		{"adult", "POST", "/api/v1/registraties", schoolToken, `{"burgerservicenummer":"` + population.BSNAdult + `","soort":"signaal"}`, 400},
		{"BSN as number", "POST", "/api/v1/registraties", schoolToken, `{"burgerservicenummer":` + population.BSNTeen + `,"soort":"signaal"}`, 400},
		{"name in unknown field", "POST", "/api/v1/registraties", schoolToken, `{"burgerservicenummer":"` + population.BSNTeen + `","soort":"signaal","naam":"Jason Mastenbroek"}`, 400},
		{"broken JSON", "POST", "/api/v1/registraties", schoolToken, `{"burgerservicenummer":"` + population.BSNTeen + `" "Jason"`, 400},
		{"huge body", "POST", "/api/v1/registraties", schoolToken, `{"burgerservicenummer":"` + strings.Repeat(population.BSNTeen, 10000) + `"}`, 400},
		{"signal-only organisation, care registration", "POST", "/api/v1/registraties", schoolToken, `{"burgerservicenummer":"` + population.BSNChild + `","soort":"ketenregistratie"}`, 400},
		{"client system without professional", "POST", "/api/v1/registraties", systemToken, `{"burgerservicenummer":"` + population.BSNChild + `","soort":"ketenregistratie","medewerker":"onbekend@gi.example"}`, 400},
		{"BSN as reference", "GET", "/api/v1/jeugdigen/" + population.BSNTeen, giToken, "", 404},
		{"BSN in query", "GET", "/api/v1/registraties?burgerservicenummer=" + population.BSNTeen + ";bsn=" + population.BSNChild, giToken, "", 500}, // lists the broken youth
		{"BSN as registration id", "POST", "/api/v1/registraties/" + population.BSNTeen + "/beeindigen", giToken, "", 404},
		{"BSN in unknown route", "GET", "/api/v1/bsn/" + population.BSNTeen, giToken, "", 404},
		{"no token", "GET", "/api/v1/berichten", "", "", 401},
		{"changed token", "GET", "/api/v1/berichten", schoolToken[:len(schoolToken)-1] + "x", "", 401},
		{"token without prefix", "GET", "/api/v1/berichten", strings.TrimPrefix(giToken, "jk_"), "", 401},
		{"guessed token", "GET", "/api/v1/berichten", "jk_" + population.BSNTeen, "", 401},
		{"too many bad tokens", "GET", "/api/v1/berichten", giToken + "0", "", 429},
	}
	for _, s := range steps {
		if got, body := call(s.method, s.path, s.token, s.body); got != s.want {
			t.Errorf("%s: %d, want %d: %s", s.name, got, s.want, body)
		}
	}

	// Let the mail worker fail against the absent mail server, and the sweep on the broken youth.
	time.Sleep(300 * time.Millisecond)

	out := logs.String()
	for _, want := range []string{"api request failed", "e-mail not delivered", "sweep failed"} {
		if !strings.Contains(out, want) {
			t.Fatalf("the log has no %q: the scenario did not reach that path\n%s", want, out)
		}
	}
	secrets := map[string]string{
		"school's token": schoolToken, "GI's token": giToken, "client system's token": systemToken,
		"school's token without prefix": strings.TrimPrefix(schoolToken, "jk_"),
		"GI's token without prefix":     strings.TrimPrefix(giToken, "jk_"),
	}
	for _, bsn := range bsns {
		secrets["BSN "+bsn] = bsn
	}
	for _, bsn := range []string{population.BSNTeen, population.BSNChild, population.BSNAdult} {
		p, err := storage.NewLocalRegister(env.DB, env.Keys).Lookup(ctx, bsn)
		if err != nil {
			t.Fatal(err)
		}
		secrets["name of "+bsn] = p.FullName()
		secrets["family name of "+bsn] = p.FamilyName
		secrets["given names of "+bsn] = p.GivenNames
		secrets["birth date of "+bsn] = p.BirthDate.Format("2006-01-02")
	}
	for what, s := range secrets {
		if s != "" && strings.Contains(out, s) {
			t.Errorf("the log holds the %s (%q)", what, s)
		}
	}
	if t.Failed() {
		t.Logf("log:\n%s", out)
	}
}
