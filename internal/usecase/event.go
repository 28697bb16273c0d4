package usecase

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// Kinds of event in the feed and the webhooks (docs/koppelingen.md).
const (
	EventMatch             = "match"
	EventCoordinator       = "coordinator"
	EventCoordinationEnds  = "coordinatie-beeindigd"
	EventRegistrationEnded = "registratie-beeindigd"
	EventHandoverOffered   = "overdracht-aangeboden"
	EventAgreementOverdue  = "afspraak-verlopen"
	EventEscalationDue     = "escalatiestap-verlopen"
	EventMoved             = "verhuisd"
)

// EventKinds are every kind, in the order docs/koppelingen.md lists them.
var EventKinds = []string{EventMatch, EventCoordinator, EventCoordinationEnds, EventRegistrationEnded,
	EventHandoverOffered, EventAgreementOverdue, EventEscalationDue, EventMoved}

// MessageEvents says which event a message of each kind makes for its
// recipient's organisation. The message kinds are those of the packages that
// send them (registration, coordination, plan, escalation, family): usecase
// cannot import them, so they are named here, and
// TestEveryEventKindComesFromAMessage keeps the two in step. Only what a
// client system files under its client is an event; a reminder to a person
// (call the signallers) is not. A handover message is an event only when it
// offers the handover (HandoverOfferedKey).
var MessageEvents = map[string]string{
	"match":                    EventMatch,
	"coordinator":              EventCoordinator,
	"coordinatie-geaccepteerd": EventCoordinator,
	"coordinatie-beeindigd":    EventCoordinationEnds,
	"overdracht":               EventHandoverOffered,
	"afspraak-verlopen":        EventAgreementOverdue,
	"escalatie-verlopen":       EventEscalationDue,
	"verhuisd":                 EventMoved,
}

// HandoverOfferedKey starts the event key of the message that offers a
// handover; the other handover messages (declined, withdrawn) make no event.
const HandoverOfferedKey = "overdracht-voorstel:"

func eventOf(m model.Message) string {
	kind := MessageEvents[m.Kind]
	if kind == EventHandoverOffered && !strings.HasPrefix(m.EventKey, HandoverOfferedKey) {
		return ""
	}
	return kind
}

// recordEvent is the one hook that turns messages into events: every message
// Send stores to a professional of an organisation also records the event
// for that organisation, in the same transaction and under the same event
// key, so that the several professionals of one organisation make one event
// and a retried transaction makes none twice.
func (s *Service) recordEvent(ctx context.Context, tx *storage.Tx, organisationID int64, m model.Message) error {
	kind := eventOf(m)
	if kind == "" || organisationID == 0 || m.YouthID == 0 {
		return nil
	}
	payload, err := eventPayload(ctx, tx, kind, m.YouthID)
	if err != nil {
		return err
	}
	_, err = tx.AddEvent(ctx, &storage.Event{
		OrganisationID: organisationID, Kind: kind, YouthID: m.YouthID,
		EventKey: m.EventKey, CreatedAt: m.CreatedAt, Payload: payload,
	})
	return err
}

// RecordEnded records that registration r ended, for its own organisation
// (whose involvement it may end) and for every organisation still involved.
// It says who ended it (the organisation) and why (the reason's kind only).
func (s *Service) RecordEnded(ctx context.Context, tx *storage.Tx, r model.Registration, remaining []model.Involvement) error {
	org, err := tx.Organisation(ctx, r.OrganisationID)
	if err != nil {
		return err
	}
	payload, _ := json.Marshal(map[string]any{
		"registratie": r.ID, "soort": r.Kind,
		"organisatie": map[string]any{"id": org.ID, "naam": org.Name}, "reden": r.EndReason,
	})
	key := "registratie-beeindigd:" + Itoa(r.ID)
	at := s.Now()
	if r.EndedAt != nil {
		at = *r.EndedAt
	}
	stillOwn := false
	seen := map[int64]bool{r.OrganisationID: true}
	for _, in := range remaining {
		if in.Organisation.ID == r.OrganisationID {
			stillOwn = true
		}
	}
	events := []storage.Event{{OrganisationID: r.OrganisationID, EndsInvolvement: !stillOwn}}
	for _, in := range remaining {
		if !seen[in.Organisation.ID] {
			seen[in.Organisation.ID] = true
			events = append(events, storage.Event{OrganisationID: in.Organisation.ID})
		}
	}
	for _, e := range events {
		e.Kind, e.YouthID, e.EventKey, e.CreatedAt, e.Payload = EventRegistrationEnded, r.YouthID, key, at, payload
		if _, err := tx.AddEvent(ctx, &e); err != nil {
			return err
		}
	}
	return nil
}

// Contact person and organisation of one involvement, as an event tells them.
type eventInvolved struct {
	Organisation struct {
		ID   int64  `json:"id"`
		Name string `json:"naam"`
		Type string `json:"type"`
	} `json:"organisatie"`
	Kind    string `json:"soort"`
	Urgent  bool   `json:"urgent"`
	Since   string `json:"sinds"`
	Contact struct {
		Name  string `json:"naam"`
		Phone string `json:"telefoon"`
		Email string `json:"email"`
	} `json:"contactpersoon"`
}

// eventPayload gathers the facts an event carries as they are when it
// happens: for a match who is involved and whom to call, for a coordinator
// event the coordinating organisation. Never case content.
func eventPayload(ctx context.Context, tx *storage.Tx, kind string, youthID int64) (json.RawMessage, error) {
	var v any
	switch kind {
	case EventMatch:
		involved, err := tx.Involvements(ctx, youthID)
		if err != nil {
			return nil, err
		}
		list := make([]eventInvolved, 0, len(involved))
		for _, in := range involved {
			var e eventInvolved
			e.Organisation.ID, e.Organisation.Name, e.Organisation.Type = in.Organisation.ID, in.Organisation.Name, string(in.Organisation.Type)
			e.Kind, e.Urgent, e.Since = string(in.Registration.Kind), in.Registration.Urgent, in.Registration.CreatedAt.Format("2006-01-02")
			e.Contact.Name, e.Contact.Phone, e.Contact.Email = in.Professional.Name, in.Professional.Phone, in.Professional.Email
			list = append(list, e)
		}
		v = map[string]any{"betrokkenen": list}
	case EventCoordinator:
		c, err := tx.CurrentCoordination(ctx, youthID)
		if err == storage.ErrNotFound {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		org, err := tx.Organisation(ctx, c.OrganisationID)
		if err != nil {
			return nil, err
		}
		coord := map[string]any{"organisatie": map[string]any{"id": org.ID, "naam": org.Name}, "status": c.Status}
		if c.ProfessionalID != 0 {
			p, err := tx.Professional(ctx, c.ProfessionalID)
			if err != nil {
				return nil, err
			}
			coord["contactpersoon"] = map[string]any{"naam": p.Name, "telefoon": p.Phone, "email": p.Email}
		}
		v = map[string]any{"coordinator": coord}
	default:
		return nil, nil
	}
	b, err := json.Marshal(v)
	return b, err
}
