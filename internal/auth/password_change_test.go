package auth_test

import (
	"context"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

const ownPassword = "mijn eigen zin als wachtwoord"

// login logs the fixture's enrolled professional in and returns the session id.
func (f fixture) login(t *testing.T, secret, pw string) string {
	t.Helper()
	ctx := context.Background()
	h, err := f.people.Login(ctx, f.attempt(f.pro.Professional.Email, pw, ""))
	if err != nil {
		t.Fatalf("password step: %v", err)
	}
	id, err := f.people.SecondFactor(ctx, h.SessionID, f.attempt("", "", f.code(t, secret)))
	if err != nil {
		t.Fatalf("second factor: %v", err)
	}
	return id
}

func (f fixture) initial(t *testing.T, session string) bool {
	t.Helper()
	cur, err := f.people.Session(context.Background(), session)
	if err != nil {
		t.Fatal(err)
	}
	return cur.InitialPassword
}

// TestAPasswordFromTheAdministratorIsInitialAndOneChosenIsNot: the
// administrator's password (create or reset) must be replaced; the
// professional's own choice, and the demo's, need not be.
func TestAPasswordFromTheAdministratorIsInitialAndOneChosenIsNot(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	secret, _ := f.enrol(t)
	if !f.initial(t, f.login(t, secret, password)) {
		t.Fatal("a password set by the administrator is not initial")
	}
	if err := f.people.SetChosenPassword(ctx, admin, f.pro.Professional.ID, ownPassword); err != nil {
		t.Fatal(err)
	}
	if f.initial(t, f.login(t, secret, ownPassword)) {
		t.Fatal("a chosen password counts as initial")
	}
	if err := f.people.SetPassword(ctx, admin, f.pro.Professional.ID, password); err != nil {
		t.Fatal(err)
	}
	if !f.initial(t, f.login(t, secret, password)) {
		t.Fatal("a new password from the administrator (a reset) is not initial")
	}
}

// TestChangingThePasswordEndsTheOtherSessionsAndKeepsThisOne: someone who
// knew the old password is logged out everywhere; the professional who
// changed it stays logged in, no longer on an initial password, and the old
// password no longer works.
func TestChangingThePasswordEndsTheOtherSessionsAndKeepsThisOne(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	secret, _ := f.enrol(t)
	other := f.login(t, secret, password)
	here := f.login(t, secret, password)
	halfway, err := f.people.Login(ctx, f.attempt(f.pro.Professional.Email, password, ""))
	if err != nil {
		t.Fatal(err)
	}

	if err := f.people.ChangePassword(ctx, here, auth.PasswordChange{Current: password, New: ownPassword, Address: "192.0.2.1", Source: "test"}); err != nil {
		t.Fatal(err)
	}
	if f.initial(t, here) {
		t.Error("still initial after the change")
	}
	if _, err := f.people.Session(ctx, other); err != auth.ErrNoSession {
		t.Errorf("the other session: %v; want it ended", err)
	}
	if _, err := f.people.SecondFactor(ctx, halfway.SessionID, f.attempt("", "", f.code(t, secret))); err != auth.ErrNoSession {
		t.Errorf("a login halfway with the old password: %v; want it ended", err)
	}
	if _, err := f.people.Login(ctx, f.attempt(f.pro.Professional.Email, password, "")); model.ErrorCode(err) != model.EUNAUTHORIZED {
		t.Errorf("the old password: %v; want it refused", err)
	}
	f.login(t, secret, ownPassword)
	var n int
	if err := testenv.OpenRaw(t, f.env.Path).QueryRow(`SELECT count(*) FROM audit_log WHERE object_type = 'wachtwoord' AND purpose LIKE 'eerste wachtwoord vervangen%'`).Scan(&n); err != nil || n != 1 {
		t.Errorf("audit records of the change: %d, %v; want 1", n, err)
	}
}

// TestChangingThePasswordNeedsTheCurrentOneAndTheRules: a wrong current
// password, a short new one, or the same one again change nothing; a wrong
// current password counts towards the account's lock, like a failed login.
func TestChangingThePasswordNeedsTheCurrentOneAndTheRules(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	secret, _ := f.enrol(t)
	here := f.login(t, secret, password)
	cases := []struct {
		name, current, new, field string
	}{
		{"wrong current", "niet het wachtwoord", ownPassword, "huidig-wachtwoord"},
		{"too short", password, "kort", "wachtwoord"},
		{"the same", password, password, "wachtwoord"},
	}
	for _, c := range cases {
		err := f.people.ChangePassword(ctx, here, auth.PasswordChange{Current: c.current, New: c.new, Address: "192.0.2.1", Source: "test"})
		if p := model.ErrorParams(err); model.ErrorCode(err) != model.EINVALID || len(p) != 1 || p[0].Name != c.field {
			t.Errorf("%s: %v; want an error at %s", c.name, err, c.field)
		}
	}
	if !f.initial(t, here) {
		t.Fatal("a refused change changed the password")
	}
	for range 5 {
		f.people.ChangePassword(ctx, here, auth.PasswordChange{Current: "niet het wachtwoord", New: ownPassword, Address: "192.0.2.1", Source: "test"})
	}
	if _, err := f.people.Login(ctx, f.attempt(f.pro.Professional.Email, password, "")); model.ErrorCode(err) != model.ETOOMANY {
		t.Errorf("login after guessing the current password six times: %v; want the account locked", err)
	}
}
