package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/server"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

// TestAdministratorRegistersAWebhookInTheBrowser: a bad address is refused
// naming the field and kept in it, nothing stored; a loopback receiver is
// registered and its secret shown once; a paused webhook is resumed.
func TestAdministratorRegistersAWebhookInTheBrowser(t *testing.T) {
	a := startApp(t, server.Config{})
	org := a.env.Org(t, "Jeugdhulp Brabant", model.TypeJeugdhulp)
	admin := a.person(t, a.env.Org(t, "Regio Zuidoost-Brabant", model.TypeWijkteam), true, true)
	recv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	defer recv.Close()

	b := newBrowser(t, a)
	b.login(admin)
	page := a.base + "/beheer/organisaties/" + testenv.Itoa(org.ID) + "/webhook"
	b.run(chromedp.Navigate(a.base+"/beheer/organisaties/"+testenv.Itoa(org.ID)), chromedp.Click(chromedp.CSS(`a[href$="/webhook"]`)), chromedp.WaitVisible(chromedp.CSS("#url")))
	b.expect("Webhook van Jeugdhulp Brabant", "Webhook registreren")
	b.check("webhook")

	b.run(chromedp.SendKeys(chromedp.CSS("#url"), "http://clientsysteem.example.nl/hook"), chromedp.Click(chromedp.CSS("main form button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#url-fout")))
	b.expect("https-adres")
	if v := value(b, chromedp.Value(chromedp.CSS("#url"))); v != "http://clientsysteem.example.nl/hook" {
		t.Fatalf("the address typed was not kept: %q", v)
	}
	b.check("webhook-fout")
	if n := a.count(t, `SELECT count(*) FROM webhooks`); n != 0 {
		t.Fatalf("a refused address stored %d webhooks", n)
	}

	b.run(chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS("#url")),
		chromedp.SendKeys(chromedp.CSS("#url"), recv.URL), chromedp.Click(chromedp.CSS("main form button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".jk-secret")))
	secret := value(b, chromedp.Text(chromedp.CSS(".jk-secret")))
	if !regexp.MustCompile(`^[0-9a-f]{64}$`).MatchString(secret) {
		t.Fatalf("secret shown = %q", secret)
	}
	b.both("webhook-geheim")
	// The secret has the alert's whole width below what it is, not a narrow
	// column beside it (a flex row squeezed it to five characters a line on
	// a phone).
	b.phone()
	stacked := `(() => { const a = document.querySelector(".jk-created"), s = a.querySelector(".jk-secret").closest("p");
	  return s.getBoundingClientRect().top >= a.querySelector("p").getBoundingClientRect().bottom && s.getBoundingClientRect().width > a.getBoundingClientRect().width * 0.8; })()`
	if !value(b, chromedp.Evaluate[bool](stacked)) {
		t.Error("on a phone the webhook's secret is not stacked below its label at the alert's width")
	}
	b.desktop()
	b.run(chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS("#url")))
	if strings.Contains(b.text(), secret) {
		t.Fatal("the secret is shown again")
	}

	db := testenv.RawDB(t, a.env)
	if _, err := db.ExecContext(context.Background(), `UPDATE webhooks SET paused_at = 1, failing_since = 1, last_error = 'ontvanger antwoordde 503'`); err != nil {
		t.Fatal(err)
	}
	b.run(chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS("#url")))
	b.expect("Gepauzeerd op", "ontvanger antwoordde 503")
	b.check("webhook-gepauzeerd")
	b.run(chromedp.Click(chromedp.CSS(`form[action$="/hervatten"] button`)), chromedp.WaitVisible(chromedp.CSS(`[role=status]`)))
	b.expect("De webhook is hervat")
	if n := a.count(t, `SELECT count(*) FROM webhooks WHERE paused_at IS NULL`); n != 1 {
		t.Fatal("the webhook is still paused")
	}
}
