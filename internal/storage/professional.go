package storage

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

const professionalColumns = `id, organisation_id, name, email, phone, admin, monitoring, active`

func scanProfessional(row interface{ Scan(...any) error }) (model.Professional, error) {
	var p model.Professional
	var admin, monitoring, active int
	err := row.Scan(&p.ID, &p.OrganisationID, &p.Name, &p.Email, &p.Phone, &admin, &monitoring, &active)
	p.Admin, p.Monitoring, p.Active = admin == 1, monitoring == 1, active == 1
	return p, err
}

// CreateProfessional stores a new professional and sets its ID. A second
// professional with the same e-mail address is a unique violation.
func (tx *Tx) CreateProfessional(ctx context.Context, p *model.Professional, now time.Time) error {
	err := tx.queryRow(ctx, `
		INSERT INTO professionals (organisation_id, name, email, phone, admin, monitoring, active, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
		RETURNING id`,
		p.OrganisationID, p.Name, strings.ToLower(p.Email), p.Phone, boolInt(p.Admin), boolInt(p.Monitoring), boolInt(p.Active), toMillis(now)).Scan(&p.ID)
	if err != nil {
		return fmt.Errorf("store: unable to create professional: %w", err)
	}
	return nil
}

// Professional returns one professional.
func (tx *Tx) Professional(ctx context.Context, id int64) (model.Professional, error) {
	p, err := scanProfessional(tx.queryRow(ctx, `SELECT `+professionalColumns+` FROM professionals WHERE id = $1`, id))
	if err != nil {
		return p, notFound(err)
	}
	return p, nil
}

// ProfessionalByEmail finds a professional by e-mail address, ignoring case.
func (tx *Tx) ProfessionalByEmail(ctx context.Context, email string) (model.Professional, error) {
	p, err := scanProfessional(tx.queryRow(ctx, `SELECT `+professionalColumns+` FROM professionals WHERE email = $1`, strings.ToLower(email)))
	if err != nil {
		return p, notFound(err)
	}
	return p, nil
}

// ProfessionalsOf returns the professionals of an organisation.
func (tx *Tx) ProfessionalsOf(ctx context.Context, organisationID int64) ([]model.Professional, error) {
	return tx.professionals(ctx, `SELECT `+professionalColumns+` FROM professionals WHERE organisation_id = $1 ORDER BY name, id`, organisationID)
}
