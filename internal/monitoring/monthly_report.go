package monitoring

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
	"github.com/jeugdketen/jeugdketen/internal/workday"
)

// KindMonthlyReport is the message that tells a monitoring account its
// municipality's monthly report is ready.
const KindMonthlyReport = "maandrapport"

// RoundingNote says, in Dutch, how every figure is rounded: the page, the
// PDF and the API give it with the figures.
const RoundingNote = "Elk aantal is een som van tellingen die één keer, toen de cijfers van de maand werden gemaakt, " +
	"willekeurig zijn afgerond op een veelvoud van 5: een getoonde 0 kan 0 tot 4 zijn, een getoonde 5 van 1 tot 9. " +
	"Aandelen en medianen zijn uit zulke afgeronde aantallen berekend, en alleen gegeven vanaf 10. " +
	"Zo is geen aantal van 1 tot 4 te zien of terug te rekenen, ook niet door tabellen, perioden of rapporten van elkaar af te trekken."

// MakeMonthlyReports makes, on the first working day of a month or any
// later day of it, the previous month's report of every municipality that
// has a monitoring account, once that month's figures are made; and tells
// each of those accounts, in the same transaction, with a message and an
// e-mail that hold a link to the report (never the report itself: an
// e-mail can be forwarded, a link still asks for a login). A report is
// made once per month and municipality, so a second sweep makes and sends
// nothing. It returns how many reports it made.
func (s *Service) MakeMonthlyReports(ctx context.Context) (int, error) {
	now := s.Now()
	this := MonthOf(now)
	if now.Before(firstWorkday(this)) {
		return 0, nil
	}
	month := this.Add(-1)
	made := 0
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		months, err := tx.MonitoringMonthsMade(ctx)
		if err != nil || !slices.Contains(months, month.String()) {
			return err
		}
		accounts, err := tx.MonitoringAccounts(ctx)
		if err != nil {
			return err
		}
		towns, readers := accountsByMunicipality(accounts)
		for _, code := range towns {
			id, added, err := tx.AddMonitoringReport(ctx, month.String(), code, now)
			if err != nil {
				return err
			}
			if !added {
				continue
			}
			made++
			audit.Write(ctx, tx, now, audit.Entry{
				Actor: usecase.SystemActor, Action: audit.ActionCreate, ObjectType: "monitoring-rapport",
				ObjectID: strconv.FormatInt(id, 10), Purpose: "beleidsinformatie (geaggregeerd, maandrapport " + month.String() + ")",
			})
			entry := ReportEntry{ID: id, Month: month, Municipality: town(code), MadeAt: now}
			for _, p := range readers[code] {
				if err := s.Send(ctx, tx, s.reportReady(entry, p, now)); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("monitoring: unable to make the monthly reports of %s: %w", month, err)
	}
	return made, nil
}

// firstWorkday is the first working day of month m, at midnight in the
// Netherlands.
func firstWorkday(m Month) time.Time {
	start := m.Start()
	if workday.IsWorkday(start) {
		return start
	}
	return workday.Add(start, 1)
}

// accountsByMunicipality groups the monitoring accounts by the CBS code of
// their organisation's municipality, which the organisation records as a
// code or a name. An organisation whose municipality is not known gets no
// report: its account sees no figures either.
func accountsByMunicipality(accounts []storage.MonitoringAccount) ([]string, map[string][]model.Professional) {
	var codes []string
	readers := map[string][]model.Professional{}
	for _, a := range accounts {
		code := MunicipalityCode(a.Municipality)
		if code == "" {
			continue
		}
		if readers[code] == nil {
			codes = append(codes, code)
		}
		readers[code] = append(readers[code], a.Professional)
	}
	slices.Sort(codes)
	return codes, readers
}

// reportReady is the message that the report is ready: a link, no figures.
func (s *Service) reportReady(e ReportEntry, p model.Professional, now time.Time) usecase.Outgoing {
	body := "Het maandrapport monitoring van de gemeente " + e.Municipality.Label() + " over " + e.Month.Label() + " staat klaar.\n\n" +
		"U leest het na inloggen: " + ReportLink(s.BaseURL, e.ID) + "\n\n" +
		"Het rapport bevat alleen geaggregeerde aantallen, afgerond op veelvouden van 5; het wordt daarom niet als bijlage meegestuurd. " +
		"Alle maandrapporten van uw gemeente staan op " + strings.TrimRight(s.BaseURL, "/") + "/monitoring/rapporten.\n\n" +
		"Dit bericht is verstuurd door de verwijsindex Jeugdketen. U ontvangt het omdat u een monitoringsaccount van de gemeente hebt."
	return usecase.Outgoing{
		Msg: model.Message{
			ProfessionalID: p.ID, Kind: KindMonthlyReport, Subject: e.Title() + " staat klaar", Body: body,
			EventKey: "maandrapport:" + strconv.FormatInt(e.ID, 10), CreatedAt: now,
		},
		Email: p.Email,
	}
}

// ReportLink is the address of a monthly report's PDF.
func ReportLink(baseURL string, id int64) string {
	return strings.TrimRight(baseURL, "/") + "/monitoring/rapporten/" + strconv.FormatInt(id, 10) + ".pdf"
}
