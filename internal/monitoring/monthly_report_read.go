package monitoring

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// ReportEntry is one monthly report as the list shows it.
type ReportEntry struct {
	ID           int64
	Month        Month
	Municipality Municipality
	MadeAt       time.Time
}

// Title is "Maandrapport monitoring Eindhoven maart 2026".
func (e ReportEntry) Title() string {
	name := e.Municipality.Name
	if name == "" {
		name = e.Municipality.Code
	}
	return "Maandrapport monitoring " + name + " " + e.Month.Label()
}

// MonthlyReport is a monthly report as it is read: the month's own figures
// and those of its year so far, by quarter (January, or the first month
// made, up to the month; the quarter the month is in is cut off after it).
// Both are summed from the frozen cells, so the report reads the same
// every time it is opened.
type MonthlyReport struct {
	ReportEntry
	Month, Year Report
}

// MonthlyQueries are the two queries of the report of month m: the month
// alone, and its year so far by quarter from first (the first month made)
// on.
func MonthlyQueries(m, first Month, municipality string) (month, year Query) {
	from := Month{m.Year, time.January}
	if from.Before(first) && !m.Before(first) {
		from = first
	}
	return Query{From: m, To: m, Group: ByMonth, Municipality: municipality},
		Query{From: from, To: m, Group: ByQuarter, Municipality: municipality}
}

var errNoReport = model.Errorf(model.ENOTFOUND, "Dit maandrapport bestaat niet, of is niet van uw gemeente.")

// MonthlyReports lists the monthly reports the actor may read, newest
// first: its own municipality's for a monitoring account, every one for
// the regional administrator.
func (s *Service) MonthlyReports(ctx context.Context, actor usecase.Actor) ([]ReportEntry, error) {
	own, err := reportReader(actor)
	if err != nil {
		return nil, err
	}
	var out []ReportEntry
	err = s.DB.View(ctx, func(tx *storage.Tx) error {
		list, err := tx.MonitoringReports(ctx, own)
		if err != nil {
			return err
		}
		for _, r := range list {
			e, err := entryOf(r)
			if err != nil {
				return err
			}
			out = append(out, e)
		}
		return nil
	})
	return out, err
}

// OpenMonthlyReport returns one monthly report to a reader of its
// municipality (or the regional administrator) and records the read.
// Another municipality's report is answered as one that does not exist.
func (s *Service) OpenMonthlyReport(ctx context.Context, actor usecase.Actor, id int64) (MonthlyReport, error) {
	own, err := reportReader(actor)
	if err != nil {
		return MonthlyReport{}, err
	}
	var out MonthlyReport
	var first Month
	err = s.DB.View(ctx, func(tx *storage.Tx) error {
		r, err := tx.MonitoringReport(ctx, id)
		if errors.Is(err, storage.ErrNotFound) || (err == nil && own != "" && r.Municipality != own) {
			return errNoReport
		}
		if err != nil {
			return err
		}
		if out.ReportEntry, err = entryOf(r); err != nil {
			return err
		}
		first, _, _, err = monthsMade(ctx, tx)
		return err
	})
	if err != nil {
		return MonthlyReport{}, err
	}
	mq, yq := MonthlyQueries(out.ReportEntry.Month, first, out.Municipality.Code)
	if out.Month, err = s.ReportOf(ctx, out.Municipality.Code, mq); err != nil {
		return MonthlyReport{}, err
	}
	if out.Year, err = s.ReportOf(ctx, out.Municipality.Code, yq); err != nil {
		return MonthlyReport{}, err
	}
	err = s.DB.Update(ctx, func(tx *storage.Tx) error {
		audit.Write(ctx, tx, s.Now(), audit.Entry{
			Actor: actor.AuditActor(), Action: audit.ActionRead, ObjectType: "monitoring-rapport", ObjectID: strconv.FormatInt(id, 10),
			Purpose: "beleidsinformatie (geaggregeerd, maandrapport " + out.ReportEntry.Month.String() + " " + out.Municipality.Code + ")",
		})
		return nil
	})
	return out, err
}

// reportReader is the municipality whose reports the actor reads: its own
// for a monitoring account, "" (every one) for the regional administrator.
func reportReader(actor usecase.Actor) (string, error) {
	switch {
	case actor.Professional.Admin:
		return "", nil
	case !actor.Professional.Monitoring:
		return "", errNotMonitoring
	}
	own := MunicipalityCode(actor.Organisation.Municipality)
	if own == "" {
		return "", errNoTown
	}
	return own, nil
}

func entryOf(r model.MonitoringReport) (ReportEntry, error) {
	m, ok := ParseMonth(r.Month)
	if !ok {
		return ReportEntry{}, fmt.Errorf("monitoring: report %d has month %q", r.ID, r.Month)
	}
	return ReportEntry{ID: r.ID, Month: m, Municipality: town(r.Municipality), MadeAt: r.MadeAt}, nil
}

func town(code string) Municipality { return Municipality{Code: code, Name: MunicipalityName(code)} }
