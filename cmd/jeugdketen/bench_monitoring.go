package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/bench"
	"github.com/jeugdketen/jeugdketen/internal/covenant"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/monitoring"
	"github.com/jeugdketen/jeugdketen/internal/region"
	"github.com/jeugdketen/jeugdketen/internal/secret"
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
	pages := fs.Bool("pages", true, "then start a server of this binary and time the monitoring pages as a browser fetches them")
	serverLog := fs.String("server-log", "bench-server.log", "file for the server's log")
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
	if !*pages {
		return nil
	}
	logins, err := benchLogins(ctx, db, keys, *town)
	if err != nil {
		return err
	}
	db.Close() // the server opens the file itself
	return benchMonitoringPages(ctx, out, []string{"--db", *dbPath, "--keys", *keysPath, "--covenant", *cov}, *serverLog, logins, *town)
}

// benchLogins adds the two readers of the pages: a regional administrator
// and the monitoring account of municipality town, each enrolled with a
// password of their own, in an organisation of the municipality made for
// the measurement.
func benchLogins(ctx context.Context, db *storage.DB, keys *secret.Keys, town string) ([]bench.PageLogin, error) {
	regions := &region.Service{DB: db}
	people := &auth.People{DB: db, Keys: keys}
	suffix := strconv.FormatInt(time.Now().UnixNano(), 36)
	org, err := regions.CreateOrganisation(ctx, operator(), model.Organisation{Name: "Gemeente " + town + " (meting " + suffix + ")",
		Type: model.TypeGemeente, Municipality: town, Active: true})
	if err != nil {
		return nil, cliError(err)
	}
	var out []bench.PageLogin
	for _, p := range []model.Professional{
		{Name: "Regiobeheerder (meting)", Email: "beheer-" + suffix + "@meting.bench.example", Phone: "040-1234567", Admin: true},
		{Name: "Monitoring (meting)", Email: "monitoring-" + suffix + "@meting.bench.example", Phone: "040-1234568", Monitoring: true},
	} {
		p.OrganisationID = org.ID
		p, err := regions.CreateProfessional(ctx, operator(), p)
		if err != nil {
			return nil, cliError(err)
		}
		password := auth.NewPassword()
		if err := people.SetChosenPassword(ctx, operator(), p.ID, password); err != nil {
			return nil, err
		}
		secret, err := people.EnrolDirectly(ctx, p.ID, p.Email)
		if err != nil {
			return nil, err
		}
		out = append(out, bench.PageLogin{Email: p.Email, Password: password, Secret: secret})
	}
	return out, nil
}

// benchMonitoringPages times the pages on a server of this binary: the
// administrator's and the municipality's default page, a period by quarter,
// and one municipality chosen by the administrator.
func benchMonitoringPages(ctx context.Context, out io.Writer, serve []string, serverLog string, logins []bench.PageLogin, town string) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	logFile, err := os.Create(serverLog)
	if err != nil {
		return err
	}
	defer logFile.Close()
	srv, err := bench.StartServer(ctx, exe, serve, logFile)
	if err != nil {
		return fmt.Errorf("%w (log: %s)", err, serverLog)
	}
	defer srv.Stop()
	from := monitoring.MonthOf(time.Now()).Add(-24).String()
	reads, err := bench.MeasureMonitoringPages(ctx, srv.URL, logins, []bench.Page{
		{What: "regiobeheerder, alle gemeenten, standaard (12 maanden per maand)", Path: "/monitoring", Login: 0},
		{What: "regiobeheerder, alle gemeenten, 2 jaar per kwartaal", Path: "/monitoring?groep=kwartaal&van=" + from, Login: 0},
		{What: "regiobeheerder, gemeente " + town + ", standaard", Path: "/monitoring?gemeente=" + town, Login: 0},
		{What: "gemeente " + town + ", standaard (12 maanden per maand)", Path: "/monitoring", Login: 1},
		{What: "gemeente " + town + ", 2 jaar per jaar", Path: "/monitoring?groep=jaar&van=" + from, Login: 1},
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "\n| pagina (hele HTML, met grafieken) | eerste keer | mediaan daarna | grootte |\n|---|--:|--:|--:|\n")
	for _, r := range reads {
		fmt.Fprintf(out, "| %s | %s | %s | %d kB |\n", r.What, ms(r.First), ms(r.Median), r.Bytes/1000)
	}
	return nil
}
