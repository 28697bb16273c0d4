package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// The two coordination measures whose rule is in working days
// (monitoring.MeasureAcceptance, monitoring.MeasureFollowUp) are not
// counted in SQL: these queries return plain rows and the monitoring
// package counts the days with package workday, as the alerts do.

// Acceptance is one assigned coordination accepted in a month.
type Acceptance struct {
	Municipality   string
	OrganisationID int64
	StartedAt      time.Time // assigned
	DecidedAt      time.Time // accepted
	DueAt          time.Time // the acceptance deadline (accept_due_at)
}

// AcceptancesIn lists the coordinations assigned by the covenant and
// accepted between from and to. A coordination that began accepted (a
// handover's new coordinator) has no acceptance deadline and was never
// waiting, so it is not one of them.
func (tx *Tx) AcceptancesIn(ctx context.Context, from, to time.Time) ([]Acceptance, error) {
	rows, err := tx.query(ctx, `
		SELECT y.municipality, c.organisation_id, c.started_at, c.decided_at, c.accept_due_at
		FROM coordinations c JOIN youths y ON y.id = c.youth_id
		WHERE c.status = 'geaccepteerd' AND c.accept_due_at IS NOT NULL
		  AND c.decided_at >= $1 AND c.decided_at < $2`, toMillis(from), toMillis(to))
	if err != nil {
		return nil, fmt.Errorf("store: unable to list acceptances: %w", err)
	}
	defer rows.Close()
	var out []Acceptance
	for rows.Next() {
		var a Acceptance
		var started, decided, due int64
		if err := rows.Scan(&a.Municipality, &a.OrganisationID, &started, &decided, &due); err != nil {
			return nil, fmt.Errorf("store: unable to read acceptance: %w", err)
		}
		a.StartedAt, a.DecidedAt, a.DueAt = fromMillis(started), fromMillis(decided), fromMillis(due)
		out = append(out, a)
	}
	return out, rows.Err()
}

// SignallerToFollow is a registration of another organisation than the
// coordinator's that was active while the coordination was accepted: a
// signaller the coordinator is to contact (as SignallersToRemind has it,
// for the past as well as for now).
type SignallerToFollow struct {
	Municipality    string
	CoordinationID  int64
	OrganisationID  int64 // the coordinating organisation
	AcceptedAt      time.Time
	CoordinationEnd *time.Time
	RegisteredAt    time.Time
	RegistrationEnd *time.Time
	ContactedOn     string // the day the coordinator recorded contact, "2026-03-04"; "" when never
}

// SignallersToFollow lists the signallers of accepted coordinations whose
// start (the later of acceptance and registration) lies between from and
// to, with the day the coordinator recorded contact with each.
func (tx *Tx) SignallersToFollow(ctx context.Context, from, to time.Time) ([]SignallerToFollow, error) {
	rows, err := tx.query(ctx, `
		SELECT y.municipality, c.id, c.organisation_id, c.decided_at, c.ended_at, r.created_at, r.ended_at,
		       COALESCE((SELECT MIN(k.contacted_on) FROM signaller_contacts k
		                 WHERE k.coordination_id = c.id AND k.registration_id = r.id AND k.kind = 'contact'), '')
		FROM coordinations c
		JOIN youths y ON y.id = c.youth_id
		JOIN registrations r ON r.youth_id = c.youth_id AND r.organisation_id <> c.organisation_id
		WHERE c.status = 'geaccepteerd'
		  AND (c.ended_at IS NULL OR r.created_at < c.ended_at)
		  AND (r.ended_at IS NULL OR r.ended_at > c.decided_at)
		  AND ((r.created_at <= c.decided_at AND c.decided_at >= $1 AND c.decided_at < $2)
		    OR (r.created_at > c.decided_at AND r.created_at >= $1 AND r.created_at < $2))
		ORDER BY c.id, r.id`, toMillis(from), toMillis(to))
	if err != nil {
		return nil, fmt.Errorf("store: unable to list signallers to follow: %w", err)
	}
	defer rows.Close()
	var out []SignallerToFollow
	for rows.Next() {
		var s SignallerToFollow
		var accepted, registered int64
		var cEnd, rEnd sql.NullInt64
		if err := rows.Scan(&s.Municipality, &s.CoordinationID, &s.OrganisationID, &accepted, &cEnd, &registered, &rEnd, &s.ContactedOn); err != nil {
			return nil, fmt.Errorf("store: unable to read signaller to follow: %w", err)
		}
		s.AcceptedAt, s.RegisteredAt = fromMillis(accepted), fromMillis(registered)
		s.CoordinationEnd, s.RegistrationEnd = fromNullMillis(cEnd), fromNullMillis(rEnd)
		out = append(out, s)
	}
	return out, rows.Err()
}
