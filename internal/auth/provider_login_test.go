package auth_test

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/oidcstub"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

// providerFixture is the GGD with its own provider (mockoidc on loopback)
// and one professional, who has a password too.
type providerFixture struct {
	fixture
	idp *oidcstub.Provider
}

func setupProvider(t *testing.T) providerFixture {
	t.Helper()
	f := setup(t)
	idp, err := oidcstub.Start(false)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idp.Close() })
	idp.SetClock(f.env.Clock.Now())
	f.people.RedirectURL = "http://127.0.0.1:1/inloggen/oidc/terug"
	err = f.people.SaveProvider(context.Background(), admin, f.pro.Organisation.ID, auth.ProviderSettings{
		Issuer: idp.Issuer(), ClientID: idp.ClientID(), ClientSecret: idp.ClientSecret(), EmailClaim: "email", PasswordLogin: true})
	if err != nil {
		t.Fatal(err)
	}
	return providerFixture{f, idp}
}

// through logs u in at the provider and returns what Jeugdketen makes of
// the answer, and the answer itself (to send it again).
func (f providerFixture) through(t *testing.T, u oidcstub.User) (auth.ProviderLogin, auth.ProviderAnswer, error) {
	t.Helper()
	ctx := context.Background()
	start, err := f.people.BeginProviderLogin(ctx, f.pro.Organisation.ID)
	if err != nil {
		t.Fatal(err)
	}
	f.idp.Queue(u)
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := noFollow.Get(start.URL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	back, err := url.Parse(resp.Header.Get("Location"))
	if err != nil || back.Query().Get("code") == "" {
		t.Fatalf("the provider sent back %q (%d)", resp.Header.Get("Location"), resp.StatusCode)
	}
	a := auth.ProviderAnswer{State: back.Query().Get("state"), BrowserState: start.State, Code: back.Query().Get("code"), Address: "192.0.2.1", Source: "192.0.2.1 test"}
	login, err := f.people.FinishProviderLogin(ctx, a)
	return login, a, err
}

func (f providerFixture) user(amr ...string) oidcstub.User {
	return oidcstub.User{Subject: "sub-1", Email: f.pro.Professional.Email, AMR: amr}
}

func TestProviderLoginWithSecondFactorOpensASessionAndNamesTheProvider(t *testing.T) {
	f := setupProvider(t)
	login, _, err := f.through(t, f.user("pwd", "mfa"))
	if err != nil || login.SessionID == "" || login.Halfway != nil {
		t.Fatalf("login through the provider with mfa: %+v %v", login, err)
	}
	cur, err := f.people.Session(context.Background(), login.SessionID)
	if err != nil || cur.Professional.ID != f.pro.Professional.ID {
		t.Fatalf("session: %+v %v", cur, err)
	}
	if n := count(t, f.env, `SELECT count(*) FROM audit_log WHERE action = 'login' AND outcome = 'ok' AND purpose LIKE $1`, "inloggen via GGD ("+f.idp.Issuer()+")%"); n != 1 {
		t.Fatalf("%d audit records of the login that name the provider", n)
	}
}

func TestProviderStateWorksOnce(t *testing.T) {
	f := setupProvider(t)
	_, answer, err := f.through(t, f.user("mfa"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.people.FinishProviderLogin(context.Background(), answer); !errors.Is(err, auth.ErrProviderState) {
		t.Fatalf("the same state a second time: %v", err)
	}
}

func TestProviderStateMustBeThisBrowsers(t *testing.T) {
	f := setupProvider(t)
	ctx := context.Background()
	start, err := f.people.BeginProviderLogin(ctx, f.pro.Organisation.ID)
	if err != nil {
		t.Fatal(err)
	}
	_, err = f.people.FinishProviderLogin(ctx, auth.ProviderAnswer{State: start.State, BrowserState: "another browser's", Code: "x"})
	if !errors.Is(err, auth.ErrProviderState) {
		t.Fatalf("a state this browser did not start: %v", err)
	}
}

func TestProviderWithoutSecondFactorLeavesJeugdketensOwnCode(t *testing.T) {
	f := setupProvider(t)
	login, _, err := f.through(t, f.user("pwd"))
	if err != nil || login.SessionID != "" || login.Halfway == nil || !login.Halfway.Enrol {
		t.Fatalf("login through the provider without mfa: %+v %v", login, err)
	}
	if _, err := f.people.Session(context.Background(), login.Halfway.SessionID); !errors.Is(err, auth.ErrNoSession) {
		t.Fatalf("the halfway session is already a login: %v", err)
	}
	// An acr the region names counts as the second factor.
	if err := f.people.SaveProvider(context.Background(), admin, f.pro.Organisation.ID, auth.ProviderSettings{
		Issuer: f.idp.Issuer(), ClientID: f.idp.ClientID(), MFAAcr: "urn:organisatie:loa:substantieel", PasswordLogin: true}); err != nil {
		t.Fatal(err)
	}
	u := f.user("pwd")
	u.ACR = "urn:organisatie:loa:substantieel"
	if login, _, err = f.through(t, u); err != nil || login.SessionID == "" {
		t.Fatalf("login with the region's acr: %+v %v", login, err)
	}
}

func TestProviderSubjectIsBoundAtTheFirstLogin(t *testing.T) {
	f := setupProvider(t)
	if _, _, err := f.through(t, f.user("mfa")); err != nil {
		t.Fatal(err)
	}
	other := f.user("mfa")
	other.Subject = "sub-2" // the address given to someone else at the provider
	_, _, err := f.through(t, other)
	unknown := oidcstub.User{Subject: "sub-3", Email: "onbekend@ggd.example", AMR: []string{"mfa"}}
	_, _, errUnknown := f.through(t, unknown)
	if model.ErrorCode(err) != model.EUNAUTHORIZED || model.ErrorMessage(err) != model.ErrorMessage(errUnknown) {
		t.Fatalf("another subject for a bound account: %v; an unknown person: %v; want one answer", err, errUnknown)
	}
}

func TestProviderRefusesDeactivatedAndOtherOrganisationsLikeUnknown(t *testing.T) {
	f := setupProvider(t)
	ctx := context.Background()
	_, _, errUnknown := f.through(t, oidcstub.User{Subject: "x", Email: "niemand@ggd.example", AMR: []string{"mfa"}})
	// A professional of another organisation does not log in through the GGD's provider.
	stranger := f.env.Pro(t, f.env.Org(t, "Wijkteam", model.TypeWijkteam))
	_, _, errOther := f.through(t, oidcstub.User{Subject: "y", Email: stranger.Professional.Email, AMR: []string{"mfa"}})
	if err := f.env.Region.DeactivateProfessional(ctx, admin, f.pro.Professional.ID); err != nil {
		t.Fatal(err)
	}
	_, _, errGone := f.through(t, f.user("mfa"))
	for name, err := range map[string]error{"another organisation's": errOther, "deactivated": errGone} {
		if err == nil || model.ErrorMessage(err) != model.ErrorMessage(errUnknown) {
			t.Errorf("%s professional: %v, want the answer to an unknown one (%v)", name, err, errUnknown)
		}
	}
	if n := count(t, f.env, `SELECT count(*) FROM audit_log WHERE action = 'login' AND outcome = 'mislukt' AND purpose LIKE 'inloggen via GGD%'`); n != 3 {
		t.Fatalf("%d failed logins recorded, want 3", n)
	}
}

func TestProviderFailuresLockTheAccountAsWrongPasswordsDo(t *testing.T) {
	f := setupProvider(t)
	wrong := f.user("mfa")
	wrong.Subject = "sub-x"
	if _, _, err := f.through(t, f.user("mfa")); err != nil { // binds sub-1
		t.Fatal(err)
	}
	for range 5 {
		f.through(t, wrong)
	}
	_, _, err := f.through(t, wrong)
	if model.ErrorCode(err) != model.ETOOMANY {
		t.Fatalf("the sixth failure: %v, want the account locked", err)
	}
	if _, _, err := f.through(t, f.user("mfa")); model.ErrorCode(err) != model.ETOOMANY {
		t.Fatalf("the right subject on a locked account: %v", err)
	}
}

func TestProviderTokenForAnotherAudienceOrExpiredIsRefused(t *testing.T) {
	f := setupProvider(t)
	u := f.user("mfa")
	u.Audience = "another-client"
	if _, _, err := f.through(t, u); model.ErrorCode(err) != model.EUNAUTHORIZED || !strings.Contains(model.ErrorMessage(err), "niet op een manier die Jeugdketen kan controleren") {
		t.Fatalf("a token for another audience: %v", err)
	}
	f.idp.SetClock(f.env.Clock.Now().Add(-time.Hour))
	if _, _, err := f.through(t, f.user("mfa")); model.ErrorCode(err) != model.EUNAUTHORIZED {
		t.Fatalf("an expired token: %v", err)
	}
	if n := count(t, f.env, `SELECT count(*) FROM audit_log WHERE outcome = 'mislukt' AND purpose LIKE '%ID-token verlopen'`); n != 1 {
		t.Fatalf("%d audit records of the expired token", n)
	}
	if n := count(t, f.env, `SELECT count(*) FROM professional_identities`); n != 0 {
		t.Fatalf("a refused token bound %d subjects", n)
	}
}

func TestPasswordLoginCanBeSwitchedOffPerOrganisation(t *testing.T) {
	f := setupProvider(t)
	ctx := context.Background()
	if _, err := f.people.Login(ctx, f.attempt(f.pro.Professional.Email, password, "")); err != nil {
		t.Fatalf("password login while allowed: %v", err)
	}
	if err := f.people.SaveProvider(ctx, admin, f.pro.Organisation.ID, auth.ProviderSettings{
		Issuer: f.idp.Issuer(), ClientID: f.idp.ClientID(), PasswordLogin: false}); err != nil {
		t.Fatal(err)
	}
	_, err := f.people.Login(ctx, f.attempt(f.pro.Professional.Email, password, ""))
	if model.ErrorCode(err) != model.EUNAUTHORIZED || !strings.Contains(model.ErrorMessage(err), "wachtwoord klopt niet") {
		t.Fatalf("the right password with password login off: %v", err)
	}
}

func TestProviderSecretIsSealedAndNeverShown(t *testing.T) {
	f := setupProvider(t)
	var stored []byte
	if err := testenv.OpenRaw(t, f.env.Path).QueryRow(`SELECT client_secret FROM identity_providers`).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(stored, []byte(f.idp.ClientSecret())) {
		t.Fatal("the client secret is stored in the clear")
	}
	view, err := f.people.Provider(context.Background(), f.pro.Organisation.ID)
	if err != nil || !view.Configured || view.SealedSecret != nil {
		t.Fatalf("the administrator's view: %+v %v", view, err)
	}
}

func TestProviderSettingsNameTheBadFieldAndChangeNothing(t *testing.T) {
	f := setupProvider(t)
	ctx := context.Background()
	other := f.env.Org(t, "Jeugdhulp Zuid", model.TypeJeugdhulp)
	err := f.people.SaveProvider(ctx, admin, other.ID, auth.ProviderSettings{Issuer: "http://login.example.nl", ClientID: "jk", Domains: "zuid.nl niet_een_domein"})
	var e *model.Error
	if !errors.As(err, &e) || e.Code != model.EINVALID {
		t.Fatalf("bad settings: %v", err)
	}
	fields := map[string]bool{}
	for _, p := range e.Params {
		fields[p.Name] = true
	}
	for _, want := range []string{"issuer", "client-secret", "domeinen"} {
		if !fields[want] {
			t.Errorf("the error does not name %s: %v", want, e.Params)
		}
	}
	if view, _ := f.people.Provider(ctx, other.ID); view.Configured {
		t.Fatal("bad settings were stored")
	}
}

func count(t *testing.T, env *testenv.Env, query string, args ...any) int {
	t.Helper()
	var n int
	if err := testenv.OpenRaw(t, env.Path).QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
