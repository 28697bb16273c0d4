package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/server"
)

const ownPassword = "mijn eigen zin als wachtwoord"

// initialPassword gives p a password from the administrator, as the
// administration pages do (a new professional or a reset).
func (a *app) initialPassword(t *testing.T, p person) {
	t.Helper()
	if err := a.people.SetPassword(context.Background(), audit.Actor{Role: "beheerder", Source: "test"}, p.Professional.ID, password); err != nil {
		t.Fatal(err)
	}
}

// TestAnInitialPasswordMustBeChangedFirstAndTheDeepLinkStillWorks: after
// logging in with the administrator's password, every page and form leads
// to the password change, nothing is stored meanwhile, and once changed the
// professional lands on the page they asked for.
func TestAnInitialPasswordMustBeChangedFirstAndTheDeepLinkStillWorks(t *testing.T) {
	a := startApp(t, server.Config{})
	p, link := youthLink(t, a, true)
	a.initialPassword(t, p)

	c := newJar()
	get(t, c, a.base+link)
	post(t, c, a.base+"/inloggen", url.Values{"email": {p.Professional.Email}, "wachtwoord": {password}})
	res := post(t, c, a.base+"/inloggen/code", url.Values{"code": {a.code(t, p)}})
	if res.Request.URL.Path != "/account/wachtwoord" {
		t.Fatalf("after a login with the initial password: %s, want the password change", res.Request.URL.Path)
	}
	mustContain(t, res, "Kies eerst uw eigen wachtwoord", "Huidig wachtwoord", "Nieuw wachtwoord nog een keer")
	for _, path := range []string{"/", "/registraties", "/berichten", link, "/werklijst"} {
		if res := get(t, c, a.base+path); res.Request.URL.Path != "/account/wachtwoord" {
			t.Errorf("GET %s before the change ends at %s", path, res.Request.URL.Path)
		}
	}
	before := a.count(t, `SELECT count(*) FROM registrations`)
	post(t, c, a.base+"/registreren", url.Values{"burgerservicenummer": {population.BSNTeen}, "soort": {"ketenregistratie"}})
	if n := a.count(t, `SELECT count(*) FROM registrations`); n != before {
		t.Fatalf("a registration was stored before the password was changed: %d, was %d", n, before)
	}

	// The link asked for last (the youth's page) is where the change leads.
	get(t, c, a.base+link)
	res = post(t, c, a.base+"/account/wachtwoord", url.Values{"huidig-wachtwoord": {password}, "wachtwoord": {ownPassword}, "herhaling": {ownPassword}})
	if res.Request.URL.Path != link || res.StatusCode != http.StatusOK {
		t.Fatalf("after the change: %s %d, want %s", res.Request.URL.Path, res.StatusCode, link)
	}
	if res := get(t, c, a.base+"/registraties"); res.Request.URL.Path != "/registraties" {
		t.Errorf("after the change /registraties ends at %s", res.Request.URL.Path)
	}
	if n := a.count(t, `SELECT count(*) FROM credentials WHERE professional_id = $1 AND initial = 0`, p.Professional.ID); n != 1 {
		t.Error("the new password is stored as initial")
	}
}

// TestChangingThePasswordLogsOutTheOtherSessions: the header links to the
// change page; a change ends the professional's other sessions, keeps this
// one, and confirms it.
func TestChangingThePasswordLogsOutTheOtherSessions(t *testing.T) {
	a := startApp(t, server.Config{})
	p := a.person(t, a.env.Org(t, "GGD", model.TypeJGZ), false, true)
	other := a.login(t, p)
	c := a.login(t, p)
	mustContain(t, get(t, c, a.base+"/berichten"), `href="/account/wachtwoord"`, "Wachtwoord wijzigen")

	res := post(t, c, a.base+"/account/wachtwoord", url.Values{"huidig-wachtwoord": {password}, "wachtwoord": {ownPassword}, "herhaling": {ownPassword}})
	if res.Request.URL.Path != "/registreren" {
		t.Fatalf("after the change: %s", res.Request.URL.Path)
	}
	mustContain(t, res, "Uw wachtwoord is gewijzigd")
	if res := get(t, other, a.base+"/berichten"); res.Request.URL.Path != "/inloggen" {
		t.Errorf("the other session still opens pages: %s", res.Request.URL.Path)
	}
	if res := get(t, c, a.base+"/berichten"); res.Request.URL.Path != "/berichten" {
		t.Errorf("the session that changed the password ended: %s", res.Request.URL.Path)
	}
}

// TestBadPasswordChangesSayWhichFieldAndChangeNothing: empty fields, two
// different new passwords, a wrong current one and a short one each come
// back at their field, in Dutch, without any password in the page.
func TestBadPasswordChangesSayWhichFieldAndChangeNothing(t *testing.T) {
	a := startApp(t, server.Config{})
	p := a.person(t, a.env.Org(t, "GGD", model.TypeJGZ), false, true)
	c := a.login(t, p)
	cases := []struct {
		name, current, new, repeat, field, says string
	}{
		{"empty", "", "", "", "huidig-wachtwoord", "Vul uw huidige wachtwoord in"},
		{"different", password, ownPassword, ownPassword + "!", "herhaling", "niet gelijk"},
		{"wrong current", "niet het wachtwoord", ownPassword, ownPassword, "huidig-wachtwoord", "klopt niet"},
		{"short", password, "kort", "kort", "wachtwoord", "minstens 12 tekens"},
		{"the same", password, password, password, "wachtwoord", "ander wachtwoord"},
	}
	for _, tc := range cases {
		res := post(t, c, a.base+"/account/wachtwoord", url.Values{"huidig-wachtwoord": {tc.current}, "wachtwoord": {tc.new}, "herhaling": {tc.repeat}})
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("%s: %d, want 422", tc.name, res.StatusCode)
		}
		mustContain(t, res, `id="`+tc.field+`-fout"`, tc.says, "Fout: Wachtwoord wijzigen")
		for _, pw := range []string{password, ownPassword, "niet het wachtwoord"} {
			if strings.Contains(res.Body, pw) {
				t.Errorf("%s: the page holds a password typed", tc.name)
			}
		}
	}
	c = a.login(t, p) // the old password still works
	if res := get(t, c, a.base+"/berichten"); res.StatusCode != http.StatusOK {
		t.Errorf("after the refused changes: %d", res.StatusCode)
	}
}
