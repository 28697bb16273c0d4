package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// AddMonitoringReport records the monthly report of one municipality. A
// report made before for the same month and municipality is kept: added is
// false then and id is the existing report's, so a second sweep sends no
// second e-mail.
func (tx *Tx) AddMonitoringReport(ctx context.Context, month, municipality string, madeAt time.Time) (id int64, added bool, err error) {
	err = tx.queryRow(ctx, `
		INSERT INTO monitoring_reports (month, municipality, made_at) VALUES ($1, $2, $3)
		ON CONFLICT (month, municipality) DO NOTHING
		RETURNING id`, month, municipality, toMillis(madeAt)).Scan(&id)
	if err == sql.ErrNoRows {
		err = tx.queryRow(ctx, `SELECT id FROM monitoring_reports WHERE month = $1 AND municipality = $2`, month, municipality).Scan(&id)
		if err != nil {
			return 0, false, fmt.Errorf("store: unable to find monitoring report %s %s: %w", month, municipality, err)
		}
		return id, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("store: unable to add monitoring report %s %s: %w", month, municipality, err)
	}
	return id, true, nil
}

// MonitoringReport returns one monthly report.
func (tx *Tx) MonitoringReport(ctx context.Context, id int64) (model.MonitoringReport, error) {
	r := model.MonitoringReport{ID: id}
	var made int64
	err := tx.queryRow(ctx, `SELECT month, municipality, made_at FROM monitoring_reports WHERE id = $1`, id).
		Scan(&r.Month, &r.Municipality, &made)
	if err != nil {
		return r, notFound(err)
	}
	r.MadeAt = fromMillis(made)
	return r, nil
}

// MonitoringReports lists the monthly reports of one municipality (a CBS
// code), or of every municipality when it is empty: newest month first.
func (tx *Tx) MonitoringReports(ctx context.Context, municipality string) ([]model.MonitoringReport, error) {
	query := `SELECT id, month, municipality, made_at FROM monitoring_reports`
	var args []any
	if municipality != "" {
		query += ` WHERE municipality = $1`
		args = append(args, municipality)
	}
	rows, err := tx.query(ctx, query+` ORDER BY month DESC, municipality, id`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list monitoring reports: %w", err)
	}
	defer rows.Close()
	var out []model.MonitoringReport
	for rows.Next() {
		var r model.MonitoringReport
		var made int64
		if err := rows.Scan(&r.ID, &r.Month, &r.Municipality, &made); err != nil {
			return nil, fmt.Errorf("store: unable to read monitoring report: %w", err)
		}
		r.MadeAt = fromMillis(made)
		out = append(out, r)
	}
	return out, rows.Err()
}

// MonitoringAccount is an active monitoring account and the municipality
// of its organisation, as the organisation records it (a CBS code or a
// name).
type MonitoringAccount struct {
	Professional model.Professional
	Municipality string
}

// MonitoringAccounts lists the active monitoring accounts of active
// organisations: those told when their municipality's monthly report is
// made.
func (tx *Tx) MonitoringAccounts(ctx context.Context) ([]MonitoringAccount, error) {
	rows, err := tx.query(ctx, `
		SELECT p.id, p.organisation_id, p.name, p.email, p.phone, p.admin, p.monitoring, p.active, o.municipality
		FROM professionals p JOIN organisations o ON o.id = p.organisation_id
		WHERE p.monitoring = 1 AND p.active = 1 AND o.active = 1
		ORDER BY o.municipality, p.id`)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list monitoring accounts: %w", err)
	}
	defer rows.Close()
	var out []MonitoringAccount
	for rows.Next() {
		var a MonitoringAccount
		var admin, monitoring, active int
		p := &a.Professional
		if err := rows.Scan(&p.ID, &p.OrganisationID, &p.Name, &p.Email, &p.Phone, &admin, &monitoring, &active, &a.Municipality); err != nil {
			return nil, fmt.Errorf("store: unable to read monitoring account: %w", err)
		}
		p.Admin, p.Monitoring, p.Active = admin == 1, monitoring == 1, active == 1
		out = append(out, a)
	}
	return out, rows.Err()
}
