package auth_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/model"
)

// office is the address a team of colleagues, and one guesser, share.
const office = "198.51.100.7"

func from(addr string, a auth.Attempt) auth.Attempt {
	a.Address, a.Source = addr, addr+" test"
	return a
}

// makeSuspect fails 20 logins on different unknown accounts from addr.
func (f fixture) makeSuspect(t *testing.T, addr string) {
	t.Helper()
	for i := range 20 {
		_, err := f.people.Login(context.Background(), from(addr, f.attempt(fmt.Sprintf("gok%d@nergens.example", i), "verkeerd wachtwoord!", "")))
		if model.ErrorCode(err) != model.EUNAUTHORIZED {
			t.Fatalf("guess %d: %v, want the usual wrong-login answer", i, err)
		}
	}
}

// code moves the clock a time step on (a code works once) and returns the code.
func (f fixture) code(t *testing.T, secret string) string {
	t.Helper()
	f.env.Clock.Advance(30 * time.Second)
	c, err := auth.Code(secret, f.env.Clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Twenty failures from an address must not keep out a colleague there who
// knows both the password and the code.
func TestAColleagueAtASuspectAddressLogsInWithPasswordAndCode(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	secret, recovery := f.enrol(t)
	f.makeSuspect(t, office)
	for i, code := range []string{f.code(t, secret), recovery[0]} {
		h, err := f.people.Login(ctx, from(office, f.attempt(f.pro.Professional.Email, password, "")))
		if err != nil || !h.Suspect || h.Enrol {
			t.Fatalf("login %d at a suspect address: %+v %v", i, h, err)
		}
		id, err := f.people.SecondFactor(ctx, h.SessionID, from(office, f.attempt("", "", code)))
		if err != nil {
			t.Fatalf("login %d: the right password and code were refused at a suspect address: %v", i, err)
		}
		if cur, err := f.people.Session(ctx, id); err != nil || cur.Professional.ID != f.pro.Professional.ID {
			t.Fatalf("session after login %d: %+v %v", i, cur, err)
		}
	}
}

// At a suspect address a right password alone must tell the guesser nothing:
// the same answers as a wrong one, in both steps, and the same count under
// the account.
func TestASuspectAddressTellsNothingUntilPasswordAndCodeAreBothRight(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	secret, _ := f.enrol(t)
	f.makeSuspect(t, office)
	try := func(pw string) {
		h, err := f.people.Login(ctx, from(office, f.attempt(f.pro.Professional.Email, pw, "")))
		if err != nil || !h.Suspect || h.Enrol || h.SessionID == "" {
			t.Fatalf("password step with %q: %+v %v; want a halfway session like any other", pw, h, err)
		}
		_, err = f.people.SecondFactor(ctx, h.SessionID, from(office, f.attempt("", "", "000000")))
		if err != auth.ErrSuspectAddress {
			t.Fatalf("wrong code after %q: %v, want ErrSuspectAddress", pw, err)
		}
		// The attempt is over: even the right code does not work on it now.
		if _, err := f.people.SecondFactor(ctx, h.SessionID, from(office, f.attempt("", "", f.code(t, secret)))); err != auth.ErrSuspectAddress {
			t.Fatalf("second code on one attempt after %q: %v, want ErrSuspectAddress", pw, err)
		}
	}
	// Four attempts, the right password among them, count like four wrong
	// ones: the fifth failure locks the account, whatever the password was.
	try("verkeerd wachtwoord!")
	try(password)
	try("nog een verkeerd wachtwoord")
	try(password)
	if _, err := f.people.Login(ctx, from(office, f.attempt(f.pro.Professional.Email, "weer verkeerd!!", ""))); err != nil {
		t.Fatalf("fifth attempt: %v", err)
	}
	if _, err := f.people.Login(ctx, from(office, f.attempt(f.pro.Professional.Email, password, ""))); model.ErrorCode(err) != model.ETOOMANY {
		t.Fatalf("after five attempts at a suspect address the account is not locked: %v", err)
	}
}

// A first login would enrol a second factor on the password alone; at a
// suspect address it waits, and looks like any other attempt.
func TestAFirstLoginAtASuspectAddressWaits(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	f.makeSuspect(t, office)
	h, err := f.people.Login(ctx, from(office, f.attempt(f.pro.Professional.Email, password, "")))
	if err != nil || h.Enrol || !h.Suspect {
		t.Fatalf("first login at a suspect address: %+v %v; want a halfway session that does not enrol", h, err)
	}
	if _, err := f.people.Enrolment(ctx, h.SessionID); err != auth.ErrNoSession {
		t.Fatalf("enrolment at a suspect address: %v", err)
	}
	if _, err := f.people.SecondFactor(ctx, h.SessionID, from(office, f.attempt("", "", "123456"))); err != auth.ErrSuspectAddress {
		t.Fatalf("code: %v, want ErrSuspectAddress", err)
	}
	// Elsewhere, or once the address is quiet, the first login works.
	if h, err := f.people.Login(ctx, from("192.0.2.99", f.attempt(f.pro.Professional.Email, password, ""))); err != nil || !h.Enrol || h.Suspect {
		t.Fatalf("first login from another address: %+v %v", h, err)
	}
}

// The account's lock comes first: guessing one account's password is slowed
// from every address, and it is not the address that is locked.
func TestGuessingOneAccountLocksItFromEveryAddressButNotTheColleagues(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	colleague := f.env.Pro(t, f.pro.Organisation)
	if err := f.people.SetPassword(ctx, admin, colleague.Professional.ID, password); err != nil {
		t.Fatal(err)
	}
	for range 5 {
		f.people.Login(ctx, from(office, f.attempt(f.pro.Professional.Email, "verkeerd wachtwoord!", "")))
	}
	for _, addr := range []string{office, "192.0.2.99"} {
		if _, err := f.people.Login(ctx, from(addr, f.attempt(f.pro.Professional.Email, password, ""))); model.ErrorCode(err) != model.ETOOMANY {
			t.Fatalf("from %s the right password was tried on a locked account: %v", addr, err)
		}
	}
	if h, err := f.people.Login(ctx, from(office, f.attempt(colleague.Professional.Email, password, ""))); err != nil || h.Suspect {
		t.Fatalf("a colleague at the same address: %+v %v", h, err)
	}
	// The lock grows with each further failure: one more locks for 2 minutes.
	f.env.Clock.Advance(61 * time.Second)
	f.people.Login(ctx, from(office, f.attempt(f.pro.Professional.Email, "verkeerd wachtwoord!", "")))
	f.env.Clock.Advance(61 * time.Second)
	if _, err := f.people.Login(ctx, from(office, f.attempt(f.pro.Professional.Email, password, ""))); model.ErrorCode(err) != model.ETOOMANY {
		t.Fatalf("a minute after the sixth failure the account is open again: %v", err)
	}
}
