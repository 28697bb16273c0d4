package monitoring_test

import (
	"strings"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/monitoring"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// twoTowns is a region with monitoring accounts in Eindhoven (two, its
// organisation recording the name) and Rotterdam (one, recording the CBS
// code), and February 2026 made.
type twoTowns struct {
	env                  *testenv.Env
	eindhoven, rotterdam []usecase.Actor
	school               model.Organisation
}

func newTwoTowns(t *testing.T) twoTowns {
	t.Helper()
	env := testenv.New(t)
	w := twoTowns{env: env, school: env.Org(t, "Stedelijk College", model.TypeOnderwijs)}
	ehv := env.Org(t, "Gemeente Eindhoven", model.TypeGemeente)
	w.eindhoven = []usecase.Actor{env.Monitor(t, ehv), env.Monitor(t, ehv)}
	rdam, err := env.Region.CreateOrganisation(ctx, audit.Actor{Role: "beheerder", Source: "test"},
		model.Organisation{Name: "Gemeente Rotterdam", Type: model.TypeGemeente, Municipality: "0599"})
	if err != nil {
		t.Fatal(err)
	}
	w.rotterdam = []usecase.Actor{env.Monitor(t, rdam)}
	saveMonth(t, env, "2026-02",
		cellOf("0772", monitoring.MeasureRegistrations, "signaal", w.school.ID, 35),
		cellOf("0599", monitoring.MeasureRegistrations, "signaal", w.school.ID, 710),
		cellOf("0034", monitoring.MeasureRegistrations, "signaal", w.school.ID, 15))
	return w
}

// at sets the clock to a moment in the Netherlands: "2026-03-02 08:00".
func (w twoTowns) at(t *testing.T, s string) {
	t.Helper()
	at, err := time.ParseInLocation("2006-01-02 15:04", s, amsterdam(t))
	if err != nil {
		t.Fatal(err)
	}
	w.env.Clock.Set(at)
}

func amsterdam(t *testing.T) *time.Location {
	l, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// sweep runs every sweep, as the hourly round does, and returns how many
// monthly reports it made.
func (w twoTowns) sweep(t *testing.T) int {
	t.Helper()
	out, err := w.env.Registry.SweepAll(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return out.MonthlyReports
}

func (w twoTowns) reports(t *testing.T) []model.MonitoringReport {
	t.Helper()
	var out []model.MonitoringReport
	if err := w.env.DB.View(ctx, func(tx *storage.Tx) error {
		var err error
		out, err = tx.MonitoringReports(ctx, "")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

// mails leases every queued e-mail.
func (w twoTowns) mails(t *testing.T) []storage.Mail {
	t.Helper()
	var out []storage.Mail
	if err := w.env.DB.Update(ctx, func(tx *storage.Tx) error {
		var err error
		out, err = tx.LeaseMail(ctx, "test", w.env.Clock.Now(), time.Minute, 100)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestTheSweepMakesOneMonthlyReportPerMunicipalityWithAMonitoringAccountOnTheFirstWorkingDay(t *testing.T) {
	w := newTwoTowns(t)
	// 1 March 2026 is a Sunday: the first working day is Monday 2 March.
	w.at(t, "2026-03-01 23:30")
	if n := w.sweep(t); n != 0 || len(w.reports(t)) != 0 {
		t.Fatalf("on Sunday 1 March the sweep made %d reports, want none before the first working day", n)
	}

	w.at(t, "2026-03-02 07:00")
	if n := w.sweep(t); n != 2 {
		t.Fatalf("on the first working day the sweep made %d reports, want 2 (Eindhoven and Rotterdam; Almere has no monitoring account)", n)
	}
	got := map[string]string{}
	for _, r := range w.reports(t) {
		got[r.Municipality] = r.Month
	}
	if len(got) != 2 || got["0772"] != "2026-02" || got["0599"] != "2026-02" {
		t.Errorf("reports %v, want February 2026 for 0772 and 0599", got)
	}

	w.at(t, "2026-03-02 08:00")
	if n := w.sweep(t); n != 0 || len(w.reports(t)) != 2 {
		t.Errorf("a second sweep made %d reports, want none", n)
	}
	perRecipient := map[string]int{}
	for _, m := range w.mails(t) {
		perRecipient[m.Recipient]++
	}
	for _, a := range append(w.eindhoven, w.rotterdam...) {
		if perRecipient[a.Professional.Email] != 1 {
			t.Errorf("%s got %d e-mails, want exactly one", a.Professional.Email, perRecipient[a.Professional.Email])
		}
		if msgs := testenv.MessagesOfKind(w.env.Inbox(t, a), monitoring.KindMonthlyReport); len(msgs) != 1 {
			t.Errorf("%s has %d report messages, want one", a.Professional.Email, len(msgs))
		}
	}
	if len(perRecipient) != 3 {
		t.Errorf("e-mails went to %v, want only the three monitoring accounts", perRecipient)
	}
}

func TestAMissedFirstWorkingDayIsMadeUpLaterInTheMonthButNotForAMonthNotMade(t *testing.T) {
	w := newTwoTowns(t)
	w.at(t, "2026-03-17 10:00")
	if n := w.sweep(t); n != 2 {
		t.Fatalf("later in March the sweep made %d reports, want the 2 it missed", n)
	}
	// In April the previous month, March, is not made: no report yet.
	w.at(t, "2026-04-01 10:00")
	if n := w.sweep(t); n != 0 {
		t.Errorf("with March not made the sweep made %d reports, want none", n)
	}
}

func TestTheReportMailHoldsALinkAndNoFigures(t *testing.T) {
	w := newTwoTowns(t)
	w.at(t, "2026-03-02 07:00")
	w.sweep(t)
	ids := map[string]int64{}
	for _, r := range w.reports(t) {
		ids[r.Municipality] = r.ID
	}

	for _, m := range w.mails(t) {
		town := "0599"
		if m.Recipient != w.rotterdam[0].Professional.Email {
			town = "0772"
		}
		link := monitoring.ReportLink("https://jeugdketen.test", ids[town])
		if !strings.Contains(m.Body, link) {
			t.Errorf("the mail to %s does not hold the link %s:\n%s", m.Recipient, link, m.Body)
		}
		for _, figure := range []string{"35", "710", "%PDF", "Registraties"} {
			if strings.Contains(m.Body, figure) || strings.Contains(m.Subject, figure) {
				t.Errorf("the mail to %s carries %q: the report goes as a link only\n%s", m.Recipient, figure, m.Body)
			}
		}
	}
	if got := w.mails(t); len(got) != 0 {
		t.Errorf("%d more e-mails queued", len(got))
	}
}

func TestAMunicipalityOpensOnlyItsOwnMonthlyReports(t *testing.T) {
	w := newTwoTowns(t)
	w.at(t, "2026-03-02 07:00")
	w.sweep(t)
	ids := map[string]int64{}
	for _, r := range w.reports(t) {
		ids[r.Municipality] = r.ID
	}
	svc := w.env.Registry.Monitoring

	own, err := svc.OpenMonthlyReport(ctx, w.eindhoven[0], ids["0772"])
	if err != nil {
		t.Fatal(err)
	}
	if got := texts(t, table(t, own.Month, "registraties-soort"), "signaal"); !equal(got, []string{"35"}) {
		t.Errorf("Eindhoven's report shows %v signals in February, want 35", got)
	}
	if own.Title() != "Maandrapport monitoring Eindhoven februari 2026" {
		t.Errorf("title %q", own.Title())
	}
	_, err = svc.OpenMonthlyReport(ctx, w.eindhoven[0], ids["0599"])
	unknown, errUnknown := svc.OpenMonthlyReport(ctx, w.eindhoven[0], ids["0599"]+100)
	if model.ErrorCode(err) != model.ENOTFOUND || err.Error() != errUnknown.Error() || unknown.ID != 0 {
		t.Errorf("Eindhoven opening Rotterdam's report: %v; an unknown one: %v; want the same ENOTFOUND", err, errUnknown)
	}
	list, err := svc.MonthlyReports(ctx, w.eindhoven[1])
	if err != nil || len(list) != 1 || list[0].ID != ids["0772"] {
		t.Errorf("Eindhoven's list %+v, %v; want only its own report", list, err)
	}

	admin := w.env.Admin(t, w.env.Org(t, "Regiobureau", model.TypeWijkteam))
	if all, err := svc.MonthlyReports(ctx, admin); err != nil || len(all) != 2 {
		t.Errorf("the administrator lists %d reports (%v), want both", len(all), err)
	}
	pro := w.env.Pro(t, w.school)
	if _, err := svc.OpenMonthlyReport(ctx, pro, ids["0772"]); model.ErrorCode(err) != model.EFORBIDDEN {
		t.Errorf("a professional opening a report: %v, want EFORBIDDEN", err)
	}
}

func TestTheMonthlyReportCoversTheMonthAndItsYearSoFarByQuarter(t *testing.T) {
	month, year := monitoring.MonthlyQueries(monitoring.Month{Year: 2026, Month: time.May}, monitoring.Month{Year: 2025, Month: time.June}, "0772")
	if month.From != month.To || month.From.String() != "2026-05" || month.Group != monitoring.ByMonth {
		t.Errorf("month query %+v, want May 2026 alone", month)
	}
	if year.From.String() != "2026-01" || year.To.String() != "2026-05" || year.Group != monitoring.ByQuarter {
		t.Errorf("year query %+v, want January to May 2026 by quarter", year)
	}
	_, late := monitoring.MonthlyQueries(monitoring.Month{Year: 2026, Month: time.May}, monitoring.Month{Year: 2026, Month: time.March}, "0772")
	if late.From.String() != "2026-03" {
		t.Errorf("with March 2026 the first month made the year starts %s, want 2026-03", late.From)
	}
}
