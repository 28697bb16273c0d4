package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/bench"
	"github.com/jeugdketen/jeugdketen/internal/covenant"
	"github.com/jeugdketen/jeugdketen/internal/monitoring"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// benchMonitoring times the monitoring on a generated data set: making the
// months, one month again, and the reports the pages ask for, next to one
// pass over the registrations table measured in the same run.
func benchMonitoring(ctx context.Context, args []string, out io.Writer) error {
	fs := newFlags("bench monitoring")
	dbPath := dbFlag(fs)
	keysPath := keysFlag(fs)
	cov := fs.String("covenant", env("COVENANT", "brabant"), "covenant preset or rules file")
	town := fs.String("gemeente", "0772", "municipality (CBS code) whose monitoring account reads")
	if err := parse(fs, args); err != nil {
		return err
	}
	rules, err := covenant.Open(*cov)
	if err != nil {
		return err
	}
	db, err := storage.Open(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	keys, err := loadKeys(ctx, db, *keysPath)
	if err != nil {
		return err
	}
	svc := &monitoring.Service{Service: &usecase.Service{DB: db, Keys: keys, Covenant: rules}}
	res, err := bench.MeasureMonitoring(ctx, svc, svc.MakeMonths, *town)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "| meting | tijd |\n|---|--:|\n")
	fmt.Fprintf(out, "| referentie: alle registraties één keer lezen | %s |\n", ms(res.Scan))
	fmt.Fprintf(out, "| alle %d maanden maken | %s |\n", res.MonthsMade, res.AllMonths.Round(time.Millisecond))
	fmt.Fprintf(out, "| één maand maken (%d cellen) | %s |\n", res.Cells, ms(res.OneMonth))
	for _, r := range res.Reads {
		fmt.Fprintf(out, "| %s (%d tabellen, %d kolommen) | %s |\n", r.What, r.Tables, r.Periods, ms(r.Elapsed))
	}
	return nil
}
