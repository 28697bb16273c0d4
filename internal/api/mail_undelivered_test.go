package api_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/server"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// TestAdministratorListsUndeliveredMail: mail the receiving server refused
// for good is listed with its addressee, kind, moment and the server's
// answer, and without the youth it is about.
func TestAdministratorListsUndeliveredMail(t *testing.T) {
	t.Parallel()
	h := startWith(t, func(c *server.Config) { c.SMTP = "" }) // the test plays the outbox worker
	admin := h.admin(t)
	school := h.user(t, "Basisschool De Regenboog", model.TypeOnderwijs)
	smw := h.user(t, "SMW Eindhoven", model.TypeSMW)
	h.env.Register(t, school.Actor, population.BSNTeen, model.KindSignaal)
	ref := h.env.Register(t, smw.Actor, population.BSNTeen, model.KindKetenregistratie).Youth.Reference

	type mail struct {
		ID           int64     `json:"id"`
		Medewerker   int64     `json:"medewerker"`
		VerstuurdAan string    `json:"verstuurdAan"`
		HuidigAdres  string    `json:"huidigAdres"`
		Soort        string    `json:"soort"`
		GeweigerdOp  time.Time `json:"geweigerdOp"`
		Antwoord     string    `json:"antwoord"`
	}
	var out struct {
		Mails []mail `json:"mails"`
	}
	h.call(t, "GET", "/api/v1/niet-bezorgde-mail", admin.token, nil).want(t, http.StatusOK, &out)
	if len(out.Mails) != 0 {
		t.Fatalf("before any refusal: %+v", out.Mails)
	}

	// The school's match message is refused with 550 5.1.1.
	ctx := context.Background()
	err := h.env.DB.Update(ctx, func(tx *storage.Tx) error {
		mails, err := tx.LeaseMail(ctx, "test", h.env.Clock.Now(), time.Minute, 100)
		if err != nil {
			return err
		}
		for _, m := range mails {
			if m.Recipient == school.email() {
				if err := tx.MailUndelivered(ctx, m.ID, "test", h.env.Clock.Now(), "550 5.1.1 Mailbox unavailable"); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	res := h.call(t, "GET", "/api/v1/niet-bezorgde-mail", admin.token, nil)
	res.want(t, http.StatusOK, &out)
	if len(out.Mails) == 0 {
		t.Fatal("the refused mail is not listed")
	}
	for _, m := range out.Mails {
		if m.Medewerker != school.Professional.ID || m.VerstuurdAan != school.email() || m.HuidigAdres != school.email() ||
			m.Antwoord != "550 5.1.1 Mailbox unavailable" || !m.GeweigerdOp.Equal(h.env.Clock.Now()) || m.Soort == "" {
			t.Errorf("listed %+v, want the school's refused mail", m)
		}
	}
	if strings.Contains(string(res.body), ref) {
		t.Error("the list names the youth the message is about")
	}
	wantProblem(t, h.call(t, "GET", "/api/v1/niet-bezorgde-mail", school.token, nil), http.StatusForbidden)
}
