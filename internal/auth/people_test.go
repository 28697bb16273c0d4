package auth_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

const password = "een lange zin als wachtwoord"

var admin = audit.Actor{Role: "beheerder", Source: "test"}

type fixture struct {
	env    *testenv.Env
	people *auth.People
	pro    usecase.Actor
}

func setup(t *testing.T) fixture {
	t.Helper()
	env := testenv.New(t)
	people := &auth.People{DB: env.DB, Keys: env.Keys, Now: env.Clock.Now, Argon2: auth.Argon2{Memory: 1024, Time: 1, Threads: 1}}
	pro := env.Pro(t, env.Org(t, "GGD", model.TypeJGZ))
	if err := people.SetPassword(context.Background(), admin, pro.Professional.ID, password); err != nil {
		t.Fatal(err)
	}
	return fixture{env, people, pro}
}

func (f fixture) attempt(email, pw, code string) auth.Attempt {
	return auth.Attempt{Email: email, Password: pw, Code: code, Address: "192.0.2.1", Source: "192.0.2.1 test"}
}

// enrol logs in for the first time and returns the TOTP secret and recovery codes.
func (f fixture) enrol(t *testing.T) (string, []string) {
	t.Helper()
	ctx := context.Background()
	h, err := f.people.Login(ctx, f.attempt(f.pro.Professional.Email, password, ""))
	if err != nil || !h.Enrol {
		t.Fatalf("first login: %+v %v", h, err)
	}
	e, err := f.people.Enrolment(ctx, h.SessionID)
	if err != nil {
		t.Fatal(err)
	}
	code, _ := auth.Code(e.Secret, f.env.Clock.Now())
	id, recovery, err := f.people.FinishEnrolment(ctx, h.SessionID, f.attempt("", "", code))
	if err != nil || len(recovery) != 10 {
		t.Fatalf("finish enrolment: %v %v", recovery, err)
	}
	if _, err := f.people.Session(ctx, id); err != nil {
		t.Fatalf("session after enrolment: %v", err)
	}
	return e.Secret, recovery
}

func TestPasswordHashIsArgon2idWithItsParametersAndSalt(t *testing.T) {
	h := auth.HashPassword(password, auth.DefaultArgon2)
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Fatalf("encoded hash %q", h)
	}
	if h == auth.HashPassword(password, auth.DefaultArgon2) {
		t.Fatal("two hashes of one password are equal: no salt")
	}
	if !auth.CheckPassword(h, password) || auth.CheckPassword(h, password+"x") {
		t.Fatal("CheckPassword does not tell right from wrong")
	}
	if err := auth.CheckPasswordRules("kort"); model.ErrorCode(err) != model.EINVALID {
		t.Fatal("a short password was accepted")
	}
}

func TestLoginNeedsPasswordAndSecondFactorAndACodeWorksOnce(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	secret, _ := f.enrol(t)
	f.env.Clock.Advance(time.Minute)
	h, err := f.people.Login(ctx, f.attempt(strings.ToUpper(f.pro.Professional.Email), password, ""))
	if err != nil || h.Enrol {
		t.Fatalf("second login: %+v %v", h, err)
	}
	if _, err := f.people.Session(ctx, h.SessionID); err != auth.ErrNoSession {
		t.Fatal("a session after the password alone counts as logged in")
	}
	code, _ := auth.Code(secret, f.env.Clock.Now())
	id, err := f.people.SecondFactor(ctx, h.SessionID, f.attempt("", "", code))
	if err != nil {
		t.Fatal(err)
	}
	cur, err := f.people.Session(ctx, id)
	if err != nil || cur.Professional.ID != f.pro.Professional.ID {
		t.Fatalf("session: %+v %v", cur, err)
	}
	if _, err := f.people.Session(ctx, h.SessionID); err != auth.ErrNoSession {
		t.Fatal("the halfway session id still works after login: it must be replaced")
	}
	h2, _ := f.people.Login(ctx, f.attempt(f.pro.Professional.Email, password, ""))
	if _, err := f.people.SecondFactor(ctx, h2.SessionID, f.attempt("", "", code)); model.ErrorCode(err) != model.EINVALID {
		t.Fatalf("the same TOTP code was accepted twice: %v", err)
	}
}

func TestUnknownAddressAndWrongPasswordGetTheSameAnswer(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	_, errUnknown := f.people.Login(ctx, f.attempt("niemand@nergens.example", password, ""))
	_, errWrong := f.people.Login(ctx, f.attempt(f.pro.Professional.Email, "verkeerd wachtwoord!", ""))
	if errUnknown == nil || errWrong == nil || errUnknown.Error() != errWrong.Error() {
		t.Fatalf("answers differ: %v / %v", errUnknown, errWrong)
	}
}

func TestAccountLocksAfterRepeatedFailuresWhetherOrNotItExists(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	for _, email := range []string{f.pro.Professional.Email, "niemand@nergens.example"} {
		for range 5 {
			f.people.Login(ctx, f.attempt(email, "verkeerd wachtwoord!", ""))
		}
		_, err := f.people.Login(ctx, f.attempt(email, password, ""))
		if model.ErrorCode(err) != model.ETOOMANY {
			t.Fatalf("%s: the right password was tried after five failures: %v", email, err)
		}
	}
	f.env.Clock.Advance(2 * time.Minute)
	if _, err := f.people.Login(ctx, f.attempt(f.pro.Professional.Email, password, "")); err != nil {
		t.Fatalf("after the lock passed: %v", err)
	}
}

func TestSessionEndsAfterInactivityAndAfterTwelveHours(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	secret, _ := f.enrol(t)
	login := func() string {
		f.env.Clock.Advance(time.Minute)
		h, err := f.people.Login(ctx, f.attempt(f.pro.Professional.Email, password, ""))
		if err != nil {
			t.Fatal(err)
		}
		code, _ := auth.Code(secret, f.env.Clock.Now())
		id, err := f.people.SecondFactor(ctx, h.SessionID, f.attempt("", "", code))
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	id := login()
	f.env.Clock.Advance(31 * time.Minute)
	if _, err := f.people.Session(ctx, id); err != auth.ErrNoSession {
		t.Fatal("a session idle for 31 minutes still works")
	}
	id = login()
	for range 25 { // active every 29 minutes for over 12 hours
		f.env.Clock.Advance(29 * time.Minute)
		if _, err := f.people.Session(ctx, id); err != nil {
			if f.env.Clock.Now().Sub(testenv.Start) < 12*time.Hour {
				t.Fatalf("active session ended early: %v", err)
			}
			return
		}
	}
	t.Fatal("an active session lasted longer than 12 hours")
}

func TestRecoveryCodeLogsInOnce(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	_, recovery := f.enrol(t)
	h, _ := f.people.Login(ctx, f.attempt(f.pro.Professional.Email, password, ""))
	if _, err := f.people.SecondFactor(ctx, h.SessionID, f.attempt("", "", strings.ToLower(recovery[0]))); err != nil {
		t.Fatalf("recovery code: %v", err)
	}
	h, _ = f.people.Login(ctx, f.attempt(f.pro.Professional.Email, password, ""))
	if _, err := f.people.SecondFactor(ctx, h.SessionID, f.attempt("", "", recovery[0])); err == nil {
		t.Fatal("a recovery code worked twice")
	}
}

func TestResetSecondFactorEndsSessionsAndMakesTheProfessionalEnrolAgain(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	f.enrol(t)
	if err := f.people.ResetSecondFactor(ctx, admin, f.pro.Professional.ID); err != nil {
		t.Fatal(err)
	}
	h, err := f.people.Login(ctx, f.attempt(f.pro.Professional.Email, password, ""))
	if err != nil || !h.Enrol {
		t.Fatalf("after reset: %+v %v", h, err)
	}
}

func TestSecretsAreNotStoredReadably(t *testing.T) {
	f := setup(t)
	secret, recovery := f.enrol(t)
	raw := testenv.OpenRaw(t, f.env.Path)
	var hash string
	var sealed []byte
	if err := raw.QueryRow(`SELECT password_hash, totp_secret FROM credentials`).Scan(&hash, &sealed); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(hash, password) || bytes.Contains(sealed, []byte(secret)) {
		t.Fatal("password or TOTP secret stored in the clear")
	}
	var n int
	raw.QueryRow(`SELECT count(*) FROM recovery_codes WHERE code_hash = $1`, []byte(recovery[0])).Scan(&n)
	if n != 0 {
		t.Fatal("recovery code stored in the clear")
	}
}

func TestLoginsAndFailedLoginsAreAudited(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	f.people.Login(ctx, f.attempt(f.pro.Professional.Email, "verkeerd wachtwoord!", ""))
	f.enrol(t)
	raw := testenv.OpenRaw(t, f.env.Path)
	count := func(outcome string) int {
		var n int
		raw.QueryRow(`SELECT count(*) FROM audit_log WHERE action = $1 AND outcome = $2`, audit.ActionLogin, outcome).Scan(&n)
		return n
	}
	if count(audit.OutcomeFailedLogin) != 1 || count(audit.OutcomeOK) != 1 {
		t.Fatalf("failed %d, ok %d; want 1 and 1", count(audit.OutcomeFailedLogin), count(audit.OutcomeOK))
	}
}
