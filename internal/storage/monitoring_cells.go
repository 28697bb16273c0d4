package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// ErrMonthMade is SaveMonitoringMonth's answer for a month made before.
var ErrMonthMade = errors.New("store: monitoring month already made")

// SaveMonitoringMonth stores the cells of one month and marks the month
// made, in the caller's transaction: either the whole month is there or
// none of it. A month made before is refused with ErrMonthMade (its figures
// never change), and nothing is written: the month row goes first, and on
// PostgreSQL a second instance saving the same month waits there for the
// first to commit and is then refused, rather than failing its transaction
// on the primary key.
func (tx *Tx) SaveMonitoringMonth(ctx context.Context, month string, cells []model.MonitoringCell, madeAt time.Time) error {
	res, err := tx.exec(ctx, `INSERT INTO monitoring_months (month, made_at) VALUES ($1, $2) ON CONFLICT (month) DO NOTHING`, month, toMillis(madeAt))
	if err != nil {
		return fmt.Errorf("store: unable to mark monitoring month %s made: %w", month, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("store: unable to mark monitoring month %s made: %w", month, err)
	}
	if n == 0 {
		return ErrMonthMade
	}
	rows := make([][]any, 0, len(cells))
	type key struct {
		organisationID    int64
		measure, category string
	}
	totals := map[key]int{}
	var order []key
	towns := map[string]bool{}
	for _, c := range cells {
		if c.Month != month {
			return fmt.Errorf("store: monitoring cell of %s in month %s", c.Month, month)
		}
		rows = append(rows, []any{c.Month, c.Municipality, c.OrganisationID, c.Measure, c.Category, c.N, c.Shown})
		k := key{c.OrganisationID, c.Measure, c.Category}
		if _, ok := totals[k]; !ok {
			order = append(order, k)
		}
		totals[k] += c.Shown
		towns[c.Municipality] = true
	}
	if err := tx.BulkInsert(ctx, "monitoring_cells",
		[]string{"month", "municipality", "organisation_id", "measure", "category", "n", "shown"}, rows); err != nil {
		return err
	}
	// The sum over the municipalities, for the pages of every municipality
	// at once (migration 0018): only the rounded counts are summed.
	rows = rows[:0]
	for _, k := range order {
		if totals[k] > 0 {
			rows = append(rows, []any{month, k.organisationID, k.measure, k.category, totals[k]})
		}
	}
	if err := tx.BulkInsert(ctx, "monitoring_totals",
		[]string{"month", "organisation_id", "measure", "category", "shown"}, rows); err != nil {
		return err
	}
	// The sums over the organisations, per type of organisation, for each
	// municipality and for every municipality together (migration 0020).
	if err := tx.Exec(ctx, `
		INSERT INTO monitoring_sums (month, municipality, measure, category, organisation_type, shown)
		SELECT c.month, c.municipality, c.measure, c.category, COALESCE(o.type, ''), SUM(c.shown)
		FROM monitoring_cells c LEFT JOIN organisations o ON o.id = c.organisation_id
		WHERE c.month = $1
		GROUP BY c.month, c.municipality, c.measure, c.category, COALESCE(o.type, '')
		HAVING SUM(c.shown) > 0`, month); err != nil {
		return fmt.Errorf("store: unable to sum monitoring month %s: %w", month, err)
	}
	if err := tx.Exec(ctx, `
		INSERT INTO monitoring_sums (month, municipality, measure, category, organisation_type, shown)
		SELECT month, '', measure, category, organisation_type, SUM(shown)
		FROM monitoring_sums
		WHERE month = $1 AND municipality <> ''
		GROUP BY month, measure, category, organisation_type`, month); err != nil {
		return fmt.Errorf("store: unable to sum monitoring month %s: %w", month, err)
	}
	for town := range towns {
		if err := tx.Exec(ctx, `INSERT INTO monitoring_towns (municipality) VALUES ($1) ON CONFLICT (municipality) DO NOTHING`, town); err != nil {
			return fmt.Errorf("store: unable to note monitoring municipality %s: %w", town, err)
		}
	}
	return nil
}

// MonitoringMonthsMade lists the months whose figures are made, oldest first.
func (tx *Tx) MonitoringMonthsMade(ctx context.Context) ([]string, error) {
	rows, err := tx.query(ctx, `SELECT month FROM monitoring_months ORDER BY month`)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list monitoring months: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var m string
		if err := rows.Scan(&m); err != nil {
			return nil, fmt.Errorf("store: unable to read monitoring month: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// CellFilter picks monitoring cells: the months From to To ("2026-01"),
// one municipality (empty: all), and the measures named (empty: all).
type CellFilter struct {
	From, To     string
	Municipality string
	Measures     []string
	// Summed adds the months up: one cell per measure, category and
	// organisation, with the last month that counted (for a table of the
	// whole period; never for a stock).
	Summed bool
}

// where is the filter as SQL conditions on table alias c, with its
// arguments. keyed is a table where every municipality together has a
// row of its own (an empty municipality), so the municipality is always
// asked.
func (f CellFilter) where(keyed bool) ([]string, []any) {
	where := []string{"c.month >= $1", "c.month <= $2"}
	args := []any{f.From, f.To}
	if f.Municipality != "" || keyed {
		args = append(args, f.Municipality)
		where = append(where, fmt.Sprintf("c.municipality = $%d", len(args)))
	}
	if len(f.Measures) > 0 {
		where = append(where, "c.measure IN ("+marks(&args, f.Measures)+")")
	}
	return where, args
}

// marks adds values to args and gives their placeholders.
func marks(args *[]any, values []string) string {
	out := make([]string, len(values))
	for i, v := range values {
		*args = append(*args, v)
		out[i] = fmt.Sprintf("$%d", len(*args))
	}
	return strings.Join(out, ", ")
}

// MonitoringCells returns the cells the filter picks, per month, measure,
// category and organisation, summed over the municipalities when the filter
// names none. Only the rounded counts (Shown) are read and summed; N is
// left zero, as nothing shown may depend on it.
func (tx *Tx) MonitoringCells(ctx context.Context, f CellFilter) ([]model.MonitoringCell, error) {
	// Every municipality at once is read from the sums kept per month.
	table := "monitoring_totals"
	if f.Municipality != "" {
		table = "monitoring_cells"
	}
	where, args := f.where(false)
	month, group := "c.month", "c.month, "
	if f.Summed {
		month, group = "MAX(c.month)", ""
	}
	return tx.readCells(ctx, f.Municipality, `
		SELECT `+month+`, c.measure, c.category, c.organisation_id, '', SUM(c.shown)
		FROM `+table+` c
		WHERE `+strings.Join(where, " AND ")+`
		GROUP BY `+group+`c.measure, c.category, c.organisation_id
		HAVING SUM(c.shown) > 0`, args)
}

// MonitoringSums returns the cells the filter picks summed over the
// organisations (organisation 0), and for the measures perType names per
// type of organisation (OrganisationType set): a page's rows, which do not
// grow with the organisations. The type is the organisation's when the
// month was made.
func (tx *Tx) MonitoringSums(ctx context.Context, f CellFilter, perType []string) ([]model.MonitoringCell, error) {
	where, args := f.where(true)
	kind := "''"
	if len(perType) > 0 {
		kind = "CASE WHEN c.measure IN (" + marks(&args, perType) + ") THEN c.organisation_type ELSE '' END"
	}
	return tx.readCells(ctx, f.Municipality, `
		SELECT c.month, c.measure, c.category, 0, `+kind+` AS kind, SUM(c.shown)
		FROM monitoring_sums c
		WHERE `+strings.Join(where, " AND ")+`
		GROUP BY c.month, c.measure, c.category, kind`, args)
}

func (tx *Tx) readCells(ctx context.Context, municipality, query string, args []any) ([]model.MonitoringCell, error) {
	rows, err := tx.query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: unable to read monitoring cells: %w", err)
	}
	defer rows.Close()
	var out []model.MonitoringCell
	for rows.Next() {
		c := model.MonitoringCell{Municipality: municipality}
		if err := rows.Scan(&c.Month, &c.Measure, &c.Category, &c.OrganisationID, &c.OrganisationType, &c.Shown); err != nil {
			return nil, fmt.Errorf("store: unable to read monitoring cell: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// MonitoringMunicipalities lists the municipality codes that have cells.
func (tx *Tx) MonitoringMunicipalities(ctx context.Context) ([]string, error) {
	rows, err := tx.query(ctx, `SELECT municipality FROM monitoring_towns ORDER BY municipality`)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list monitoring municipalities: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var m string
		if err := rows.Scan(&m); err != nil {
			return nil, fmt.Errorf("store: unable to read monitoring municipality: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// MonitoringMonthMade tells whether a month's figures are made.
func (tx *Tx) MonitoringMonthMade(ctx context.Context, month string) (bool, error) {
	var n int
	if err := tx.queryRow(ctx, `SELECT COUNT(*) FROM monitoring_months WHERE month = $1`, month).Scan(&n); err != nil {
		return false, fmt.Errorf("store: unable to check monitoring month %s: %w", month, err)
	}
	return n > 0, nil
}

// FirstRegistrationAt is when the oldest registration kept was made; ok is
// false when there is none.
func (tx *Tx) FirstRegistrationAt(ctx context.Context) (time.Time, bool, error) {
	var at sql.NullInt64
	if err := tx.queryRow(ctx, `SELECT MIN(created_at) FROM registrations`).Scan(&at); err != nil {
		return time.Time{}, false, fmt.Errorf("store: unable to find the first registration: %w", err)
	}
	if !at.Valid {
		return time.Time{}, false, nil
	}
	return fromMillis(at.Int64), true, nil
}

// MonitoringMonthCells returns a month's cells with their true counts, to
// check the rounding (tests and `jeugdketen` maintenance only: nothing
// shown may read N).
func (tx *Tx) MonitoringMonthCells(ctx context.Context, month string) ([]model.MonitoringCell, error) {
	rows, err := tx.query(ctx, `
		SELECT month, municipality, organisation_id, measure, category, n, shown FROM monitoring_cells
		WHERE month = $1 ORDER BY municipality, measure, category, organisation_id`, month)
	if err != nil {
		return nil, fmt.Errorf("store: unable to read monitoring cells of %s: %w", month, err)
	}
	defer rows.Close()
	var out []model.MonitoringCell
	for rows.Next() {
		var c model.MonitoringCell
		if err := rows.Scan(&c.Month, &c.Municipality, &c.OrganisationID, &c.Measure, &c.Category, &c.N, &c.Shown); err != nil {
			return nil, fmt.Errorf("store: unable to read monitoring cell: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
