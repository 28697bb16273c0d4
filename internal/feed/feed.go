// Package feed is what a client system hears from Jeugdketen (issue 16):
// the organisation's events as a feed to read with a cursor, and the webhook
// that POSTs them (its registration here, its delivery in package webhook).
// The events themselves are recorded by usecase, with the messages that
// tell the organisation's professionals.
package feed

import (
	"context"
	"encoding/json"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// Limits of one read.
const (
	DefaultMax = 100
	MaxMax     = 1000
	MaxWait    = 30 * time.Second
	// PollInterval is how often a long poll looks for a new event. Polling
	// the database, not a notifier in memory, wakes a client however many
	// instances share the database, whichever one committed the event.
	PollInterval = 200 * time.Millisecond
)

// Service reads the feed and registers webhooks.
type Service struct {
	*usecase.Service
}

// Event is one event as a client system reads it, in the feed and in the
// body of a webhook's POST.
type Event struct {
	ID       int64           `json:"id"`
	Kind     string          `json:"soort"`
	At       time.Time       `json:"tijdstip"`
	Youth    Youth           `json:"jeugdige"`
	EndsHere bool            `json:"betrokkenheidBeeindigd,omitempty"`
	Facts    json.RawMessage `json:"gegevens,omitempty"`
}

// Youth is how a client system files the event: under the J-reference and
// the BSN its organisation registered.
type Youth struct {
	Reference string `json:"referentie"`
	BSN       string `json:"burgerservicenummer"`
}

// Page is one read of the feed. Next is the cursor to read on from: the
// last event's id, or the cursor given when there was none.
type Page struct {
	Events []Event `json:"gebeurtenissen"`
	Next   int64   `json:"volgende"`
}

// Query is what a client asks: the events after a cursor, at most Max, and
// when there are none yet, waiting up to Wait for one.
type Query struct {
	After int64
	Max   int
	Wait  time.Duration
}

// Check validates a query, naming the parameter at fault.
func (q *Query) Check() error {
	var bad []model.InvalidParam
	if q.After < 0 {
		bad = append(bad, model.InvalidParam{Name: "na", Reason: "De cursor (na) is een gebeurtenisnummer van 0 of hoger."})
	}
	if q.Max == 0 {
		q.Max = DefaultMax
	}
	if q.Max < 1 || q.Max > MaxMax {
		bad = append(bad, model.InvalidParam{Name: "max", Reason: "max is een aantal van 1 tot en met 1000."})
	}
	if q.Wait < 0 || q.Wait > MaxWait {
		bad = append(bad, model.InvalidParam{Name: "wacht", Reason: "wacht is een duur van 0s tot en met 30s, zoals 30s."})
	}
	return model.Invalid("De vraag om gebeurtenissen klopt niet.", bad...)
}

// Read returns the organisation's events after the cursor. A monitoring
// account hears nothing: it is involved with no youth. With Wait and no
// event yet, it looks again every PollInterval until one arrives, the wait
// is over or ctx ends.
func (s *Service) Read(ctx context.Context, actor usecase.Actor, q Query) (Page, error) {
	if err := q.Check(); err != nil {
		return Page{}, err
	}
	if actor.Professional.Monitoring {
		return Page{}, model.Errorf(model.EFORBIDDEN, "Een monitoringaccount heeft geen gebeurtenissen: het is bij geen jeugdige betrokken.")
	}
	deadline := time.Now().Add(q.Wait)
	for {
		page, err := s.read(ctx, actor.Organisation.ID, q.After, q.Max)
		if err != nil || len(page.Events) > 0 || !time.Now().Before(deadline) {
			return page, err
		}
		select {
		case <-ctx.Done():
			return page, nil
		case <-time.After(min(PollInterval, time.Until(deadline))):
		}
	}
}

func (s *Service) read(ctx context.Context, organisationID, after int64, max int) (Page, error) {
	var rows []storage.Event
	err := s.DB.View(ctx, func(tx *storage.Tx) error {
		var err error
		rows, err = tx.Events(ctx, organisationID, after, max)
		return err
	})
	if err != nil {
		return Page{}, err
	}
	page := Page{Events: make([]Event, 0, len(rows)), Next: after}
	for _, e := range rows {
		v, err := s.View(e)
		if err != nil {
			return Page{}, err
		}
		page.Events = append(page.Events, v)
		page.Next = e.ID
	}
	return page, nil
}

// View is a stored event as a client system reads it: the BSN comes from
// the youth's sealed register entry, opened as the youth's page opens it.
func (s *Service) View(e storage.Event) (Event, error) {
	var p model.Person
	if err := s.Keys.OpenJSON(e.Person, &p); err != nil {
		return Event{}, err
	}
	v := Event{ID: e.ID, Kind: e.Kind, At: e.CreatedAt, Youth: Youth{Reference: e.YouthReference, BSN: p.BSN}, EndsHere: e.EndsInvolvement}
	if len(e.Payload) > 0 && string(e.Payload) != "{}" && string(e.Payload) != "null" {
		v.Facts = e.Payload
	}
	return v, nil
}
