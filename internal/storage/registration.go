package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

const registrationColumns = `r.id, r.youth_id, r.organisation_id, r.professional_id, r.kind, r.urgent, r.created_at, r.end_on, r.ended_at, r.end_reason,
	r.parents_informed, r.youth_informed, r.expires_on, r.renewed_at`

func scanRegistration(row interface{ Scan(...any) error }, extra ...any) (model.Registration, error) {
	var r model.Registration
	var urgent int
	var created int64
	var endOn, reason sql.NullString
	var ended, renewed sql.NullInt64
	var expires string
	dest := append([]any{&r.ID, &r.YouthID, &r.OrganisationID, &r.ProfessionalID, &r.Kind, &urgent, &created, &endOn, &ended, &reason,
		&r.ParentsInformed, &r.YouthInformed, &expires, &renewed}, extra...)
	if err := row.Scan(dest...); err != nil {
		return r, err
	}
	r.Urgent = urgent == 1
	r.CreatedAt = fromMillis(created)
	r.EndDate = fromNullDay(endOn)
	r.EndedAt = fromNullMillis(ended)
	r.EndReason = model.EndReason(reason.String)
	if d := fromNullDay(sql.NullString{String: expires, Valid: true}); d != nil {
		r.ExpiresOn = *d
	}
	r.RenewedAt = fromNullMillis(renewed)
	return r, nil
}

// CreateRegistration stores a new active registration and sets its ID.
func (tx *Tx) CreateRegistration(ctx context.Context, r *model.Registration) error {
	err := tx.queryRow(ctx, `
		INSERT INTO registrations (youth_id, organisation_id, professional_id, kind, urgent, created_at, end_on, parents_informed, youth_informed, expires_on)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
		RETURNING id`,
		r.YouthID, r.OrganisationID, r.ProfessionalID, r.Kind, boolInt(r.Urgent), toMillis(r.CreatedAt), nullDay(r.EndDate),
		r.ParentsInformed, r.YouthInformed, r.ExpiresOn.Format(dayLayout)).Scan(&r.ID)
	if err != nil {
		return fmt.Errorf("store: unable to create registration: %w", err)
	}
	return nil
}

// Registration returns one registration.
func (tx *Tx) Registration(ctx context.Context, id int64) (model.Registration, error) {
	r, err := scanRegistration(tx.queryRow(ctx, `SELECT `+registrationColumns+` FROM registrations r WHERE r.id = $1`, id))
	return r, notFound(err)
}

// ActiveRegistrationOf returns an organisation's active registration of one
// kind about a youth, or ErrNotFound.
func (tx *Tx) ActiveRegistrationOf(ctx context.Context, youthID, organisationID int64, kind model.Kind) (model.Registration, error) {
	r, err := scanRegistration(tx.queryRow(ctx, `
		SELECT `+registrationColumns+` FROM registrations r
		WHERE r.youth_id = $1 AND r.organisation_id = $2 AND r.kind = $3 AND r.ended_at IS NULL`,
		youthID, organisationID, kind))
	return r, notFound(err)
}

// HasActiveRegistration reports whether an organisation has any active
// registration about a youth: the condition for seeing who else is involved.
func (tx *Tx) HasActiveRegistration(ctx context.Context, youthID, organisationID int64) (bool, error) {
	var n int
	err := tx.queryRow(ctx, `SELECT count(*) FROM registrations WHERE youth_id = $1 AND organisation_id = $2 AND ended_at IS NULL`,
		youthID, organisationID).Scan(&n)
	return n > 0, err
}

// RegistrationsOfOrganisation lists an organisation's registrations, active
// first, newest first.
func (tx *Tx) RegistrationsOfOrganisation(ctx context.Context, organisationID int64, limit int) ([]model.Registration, error) {
	rows, err := tx.query(ctx, `
		SELECT `+registrationColumns+` FROM registrations r
		WHERE r.organisation_id = $1
		ORDER BY (r.ended_at IS NULL) DESC, r.created_at DESC, r.id DESC
		LIMIT $2`, organisationID, limit)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list registrations: %w", err)
	}
	defer rows.Close()
	var out []model.Registration
	for rows.Next() {
		r, err := scanRegistration(rows)
		if err != nil {
			return nil, fmt.Errorf("store: unable to read registration: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// EndRegistration ends an active registration. It reports false when the
// registration had already ended.
func (tx *Tx) EndRegistration(ctx context.Context, id int64, at time.Time, reason model.EndReason, by int64) (bool, error) {
	res, err := tx.exec(ctx, `UPDATE registrations SET ended_at = $1, end_reason = $2, ended_by = $3 WHERE id = $4 AND ended_at IS NULL`,
		toMillis(at), reason, nullID(by), id)
	if err != nil {
		return false, fmt.Errorf("store: unable to end registration: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// RegistrationsPastEndDate returns active registrations whose planned last
// day lies before the given day.
func (tx *Tx) RegistrationsPastEndDate(ctx context.Context, today time.Time, limit int) ([]model.Registration, error) {
	rows, err := tx.query(ctx, `
		SELECT `+registrationColumns+` FROM registrations r
		WHERE r.ended_at IS NULL AND r.end_on IS NOT NULL AND r.end_on < $1
		ORDER BY r.end_on LIMIT $2`, today.Format(dayLayout), limit)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list registrations past end date: %w", err)
	}
	defer rows.Close()
	var out []model.Registration
	for rows.Next() {
		r, err := scanRegistration(rows)
		if err != nil {
			return nil, fmt.Errorf("store: unable to read registration: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// ActiveRegistrationsOfYouth returns a youth's active registrations.
func (tx *Tx) ActiveRegistrationsOfYouth(ctx context.Context, youthID int64) ([]model.Registration, error) {
	rows, err := tx.query(ctx, `SELECT `+registrationColumns+` FROM registrations r WHERE r.youth_id = $1 AND r.ended_at IS NULL ORDER BY r.created_at, r.id`, youthID)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list registrations of youth: %w", err)
	}
	defer rows.Close()
	var out []model.Registration
	for rows.Next() {
		r, err := scanRegistration(rows)
		if err != nil {
			return nil, fmt.Errorf("store: unable to read registration: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Involvements returns the active registrations of a youth with their
// organisations and professionals, oldest first.
func (tx *Tx) Involvements(ctx context.Context, youthID int64) ([]model.Involvement, error) {
	rows, err := tx.query(ctx, `
		SELECT `+registrationColumns+`,
			o.id, o.name, o.type, o.role, o.municipality, o.active,
			p.id, p.organisation_id, p.name, p.email, p.phone, p.admin, p.active
		FROM registrations r
		JOIN organisations o ON o.id = r.organisation_id
		JOIN professionals p ON p.id = r.professional_id
		WHERE r.youth_id = $1 AND r.ended_at IS NULL
		ORDER BY r.created_at, r.id`, youthID)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list involvements: %w", err)
	}
	defer rows.Close()
	var out []model.Involvement
	for rows.Next() {
		var in model.Involvement
		var oActive, pAdmin, pActive int
		o, p := &in.Organisation, &in.Professional
		r, err := scanRegistration(rows,
			&o.ID, &o.Name, &o.Type, &o.Role, &o.Municipality, &oActive,
			&p.ID, &p.OrganisationID, &p.Name, &p.Email, &p.Phone, &pAdmin, &pActive)
		if err != nil {
			return nil, fmt.Errorf("store: unable to read involvement: %w", err)
		}
		in.Registration = r
		o.Active, p.Admin, p.Active = oActive == 1, pAdmin == 1, pActive == 1
		out = append(out, in)
	}
	return out, rows.Err()
}
