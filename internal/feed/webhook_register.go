package feed

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net"
	"net/url"
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// Webhook is an organisation's webhook as its administrator sees it. Secret
// is set only in the answer that made it: it is shown once.
type Webhook struct {
	OrganisationID   int64      `json:"organisatie"`
	URL              string     `json:"url"`
	Secret           string     `json:"geheim,omitempty"`
	Since            time.Time  `json:"sinds"`
	DeliveredThrough int64      `json:"afgeleverdTot"`
	FailingSince     *time.Time `json:"misluktSinds,omitempty"`
	LastError        string     `json:"laatsteFout,omitempty"`
	PausedAt         *time.Time `json:"gepauzeerdOp,omitempty"`
}

func webhookView(w storage.Webhook) Webhook {
	return Webhook{OrganisationID: w.OrganisationID, URL: w.URL, Since: w.CreatedAt, DeliveredThrough: w.DeliveredThrough,
		FailingSince: w.FailingSince, LastError: w.LastError, PausedAt: w.PausedAt}
}

var (
	errNoWebhook   = model.Errorf(model.ENOTFOUND, "Deze organisatie heeft geen webhook.")
	errNotAdmin    = model.Errorf(model.EFORBIDDEN, "Alleen een regiobeheerder beheert webhooks.")
	errUnknownOrg  = model.Errorf(model.ENOTFOUND, "Deze organisatie bestaat niet.")
	errWebhookURL  = "De url is een volledig https-adres, zoals https://clientsysteem.example.nl/jeugdketen; http alleen naar dit apparaat zelf (127.0.0.1, ::1 of localhost), om te testen."
	errWebhookLong = "De url is ten hoogste 2000 tekens."
)

// CheckURL accepts an HTTPS URL, or HTTP to a loopback address only, for
// tests: events carry BSNs and must not cross a network unencrypted.
func CheckURL(raw string) error {
	raw = strings.TrimSpace(raw)
	if len(raw) > 2000 {
		return model.InvalidField("url", errWebhookLong)
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.User != nil || u.Fragment != "" || u.Opaque != "" {
		return model.InvalidField("url", errWebhookURL)
	}
	switch u.Scheme {
	case "https":
		return nil
	case "http":
		if isLoopback(u.Hostname()) {
			return nil
		}
	}
	return model.InvalidField("url", errWebhookURL)
}

func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// SetWebhook registers (or replaces) the organisation's webhook and returns
// it with its new secret, the one time the secret is shown. It delivers the
// events that happen from now on; what happened before is in the feed.
func (s *Service) SetWebhook(ctx context.Context, actor usecase.Actor, organisationID int64, rawURL string) (Webhook, error) {
	if !actor.Professional.Admin {
		return Webhook{}, errNotAdmin
	}
	if err := CheckURL(rawURL); err != nil {
		return Webhook{}, err
	}
	b := make([]byte, 32)
	rand.Read(b)
	secret := hex.EncodeToString(b)
	var out Webhook
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		if _, err := tx.Organisation(ctx, organisationID); err == storage.ErrNotFound {
			return errUnknownOrg
		} else if err != nil {
			return err
		}
		now := s.Now()
		w, err := tx.SetWebhook(ctx, organisationID, strings.TrimSpace(rawURL), s.Keys.Seal([]byte(secret)), now)
		if err != nil {
			return err
		}
		out = webhookView(w)
		audit.Write(ctx, tx, now, audit.Entry{Actor: actor.AuditActor(), Action: audit.ActionCreate, ObjectType: "webhook", ObjectID: usecase.Itoa(organisationID), Purpose: "webhook: " + out.URL})
		return nil
	})
	out.Secret = secret
	return out, err
}

// WebhookOf returns the organisation's webhook, without its secret.
func (s *Service) WebhookOf(ctx context.Context, actor usecase.Actor, organisationID int64) (Webhook, error) {
	if !actor.Professional.Admin {
		return Webhook{}, errNotAdmin
	}
	var out Webhook
	err := s.DB.View(ctx, func(tx *storage.Tx) error {
		w, err := tx.WebhookOf(ctx, organisationID)
		if err == storage.ErrNotFound {
			return errNoWebhook
		}
		out = webhookView(w)
		return err
	})
	return out, err
}

// ResumeWebhook lifts a pause; delivery goes on from the first event the
// receiver did not take.
func (s *Service) ResumeWebhook(ctx context.Context, actor usecase.Actor, organisationID int64) (Webhook, error) {
	if !actor.Professional.Admin {
		return Webhook{}, errNotAdmin
	}
	var out Webhook
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		now := s.Now()
		ok, err := tx.ResumeWebhook(ctx, organisationID, now)
		if err != nil {
			return err
		}
		if !ok {
			return errNoWebhook
		}
		w, err := tx.WebhookOf(ctx, organisationID)
		out = webhookView(w)
		audit.Write(ctx, tx, now, audit.Entry{Actor: actor.AuditActor(), Action: audit.ActionUpdate, ObjectType: "webhook", ObjectID: usecase.Itoa(organisationID), Purpose: "webhook hervat"})
		return err
	})
	return out, err
}

// DeleteWebhook removes the organisation's webhook: nothing is POSTed any more.
func (s *Service) DeleteWebhook(ctx context.Context, actor usecase.Actor, organisationID int64) error {
	if !actor.Professional.Admin {
		return errNotAdmin
	}
	return s.DB.Update(ctx, func(tx *storage.Tx) error {
		ok, err := tx.DeleteWebhook(ctx, organisationID)
		if err != nil {
			return err
		}
		if !ok {
			return errNoWebhook
		}
		audit.Write(ctx, tx, s.Now(), audit.Entry{Actor: actor.AuditActor(), Action: audit.ActionRemove, ObjectType: "webhook", ObjectID: usecase.Itoa(organisationID), Purpose: "webhook verwijderd"})
		return nil
	})
}
