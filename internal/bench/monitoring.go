package bench

import (
	"context"
	"fmt"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/monitoring"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// MonitoringResult is how long the monitoring takes on a data set: making
// the months' figures, and reading them as the pages do, next to the time
// the database takes to read the registrations table once.
type MonitoringResult struct {
	Scan       time.Duration // one pass over every registration
	AllMonths  time.Duration // making every month not yet made
	MonthsMade int
	OneMonth   time.Duration // making one month again (the last one)
	Cells      int           // cells of that month, summed over the municipalities
	Reads      []MonitoringRead
}

// MonitoringRead is one report as a page asks for it.
type MonitoringRead struct {
	What    string
	Elapsed time.Duration
	Tables  int
	Periods int
}

// MeasureMonitoring makes the monitoring months of the data set, then makes
// the last one again, and reads the figures as the regional administrator
// (every municipality) and as the monitoring account of municipality town:
// twelve months by month, and the 24-month trend the charts draw. Each read
// is timed as the service call the page makes (it also writes the audit
// record of the read). makeMonths is the freeze, svc.MakeMonths.
func MeasureMonitoring(ctx context.Context, svc *monitoring.Service, makeMonths func(context.Context) (int, error), town string) (MonitoringResult, error) {
	var res MonitoringResult
	db := svc.DB
	start := time.Now()
	err := db.View(ctx, func(tx *storage.Tx) error {
		return tx.Exec(ctx, `SELECT count(*), sum(created_at), sum(length(kind)), sum(COALESCE(ended_at, 0)) FROM registrations`)
	})
	res.Scan = time.Since(start)
	if err != nil {
		return res, fmt.Errorf("bench: scanning registrations: %w", err)
	}

	start = time.Now()
	if res.MonthsMade, err = makeMonths(ctx); err != nil {
		return res, err
	}
	res.AllMonths = time.Since(start)
	last := monitoring.MonthOf(svc.Now()).Add(-1).String()
	err = db.Update(ctx, func(tx *storage.Tx) error {
		cells, err := tx.MonitoringCells(ctx, storage.CellFilter{From: last, To: last})
		res.Cells = len(cells)
		if err != nil {
			return err
		}
		for _, table := range []string{"monitoring_cells", "monitoring_totals", "monitoring_sums"} {
			if err := tx.Exec(ctx, `DELETE FROM `+table+` WHERE month = $1`, last); err != nil {
				return err
			}
		}
		return tx.Exec(ctx, `DELETE FROM monitoring_months WHERE month = $1`, last)
	})
	if err != nil {
		return res, fmt.Errorf("bench: unmaking %s: %w", last, err)
	}
	start = time.Now()
	n, err := makeMonths(ctx)
	res.OneMonth = time.Since(start)
	if err != nil {
		return res, err
	}
	if n != 1 {
		return res, fmt.Errorf("bench: made %d months again, want 1 (%s)", n, last)
	}

	admin := usecase.Actor{Professional: model.Professional{ID: 1, Admin: true}, Organisation: model.Organisation{ID: 1}, Source: "bench"}
	monitor := usecase.Actor{Professional: model.Professional{ID: 2, Monitoring: true}, Organisation: model.Organisation{ID: 2, Type: model.TypeGemeente, Municipality: town}, Source: "bench"}
	for _, r := range []struct {
		what string
		read func() (monitoring.Report, error)
	}{
		{"regiobeheerder, alle gemeenten, 12 maanden per maand", func() (monitoring.Report, error) { return svc.Report(ctx, admin, monitoring.Request{}) }},
		{"regiobeheerder, alle gemeenten, trend 24 maanden", func() (monitoring.Report, error) { return svc.Trend(ctx, admin, "") }},
		{"regiobeheerder, alle gemeenten, 2 jaar per kwartaal", func() (monitoring.Report, error) {
			return svc.Report(ctx, admin, monitoring.Request{Van: monitoring.MonthOf(svc.Now()).Add(-24).String(), Groep: "kwartaal"})
		}},
		{"gemeente " + town + ", 12 maanden per maand", func() (monitoring.Report, error) { return svc.Report(ctx, monitor, monitoring.Request{}) }},
		{"gemeente " + town + ", trend 24 maanden", func() (monitoring.Report, error) { return svc.Trend(ctx, monitor, "") }},
	} {
		start := time.Now()
		rep, err := r.read()
		if err != nil {
			return res, fmt.Errorf("bench: %s: %w", r.what, err)
		}
		res.Reads = append(res.Reads, MonitoringRead{What: r.what, Elapsed: time.Since(start), Tables: len(rep.Tables), Periods: len(rep.Periods)})
	}
	return res, nil
}
