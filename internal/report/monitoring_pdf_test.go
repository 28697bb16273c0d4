package report_test

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/monitoring"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/report"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

var ctx = context.Background()

// monthlyCase is Eindhoven with figures for January to May 2026 and the
// May report made by the sweep on 1 June 2026, in a region that holds real
// youths, registrations and professionals the PDF must never name.
type monthlyCase struct {
	env      *testenv.Env
	monitor  usecase.Actor
	school   usecase.Actor
	youths   []string // J-references
	reportID int64
}

func newMonthlyCase(t *testing.T) monthlyCase {
	t.Helper()
	env := testenv.New(t)
	c := monthlyCase{env: env, school: env.Pro(t, env.Org(t, "Stedelijk College Woensel", model.TypeOnderwijs))}
	c.monitor = env.Monitor(t, env.Org(t, "Gemeente Eindhoven", model.TypeGemeente))
	for _, bsn := range []string{population.BSNTeen, population.BSNChild} {
		c.youths = append(c.youths, env.Register(t, c.school, bsn, model.KindSignaal).Youth.Reference)
	}
	org := c.school.Organisation.ID
	cells := map[string][]model.MonitoringCell{
		"2026-01": {cell(monitoring.MeasureRegistrations, "signaal", org, 15)},
		"2026-02": nil,
		"2026-03": nil,
		"2026-04": {cell(monitoring.MeasureRegistrations, "signaal", org, 25)},
		"2026-05": {cell(monitoring.MeasureRegistrations, "signaal", org, 35), cell(monitoring.MeasureRegistrations, "ketenregistratie", org, 20),
			cell(monitoring.MeasureFollowUp, "op-tijd", org, 45), cell(monitoring.MeasureFollowUp, "niet-op-tijd", org, 15)},
	}
	for _, m := range []string{"2026-01", "2026-02", "2026-03", "2026-04", "2026-05"} {
		for i := range cells[m] {
			cells[m][i].Month = m
		}
		if err := env.DB.Update(ctx, func(tx *storage.Tx) error {
			return tx.SaveMonitoringMonth(ctx, m, cells[m], env.Clock.Now())
		}); err != nil {
			t.Fatal(err)
		}
	}
	env.Clock.Set(time.Date(2026, 6, 1, 6, 0, 0, 0, time.UTC))
	if n, err := env.Registry.Monitoring.MakeMonthlyReports(ctx); err != nil || n != 1 {
		t.Fatalf("the sweep made %d reports (%v), want Eindhoven's", n, err)
	}
	list, err := env.Registry.Monitoring.MonthlyReports(ctx, c.monitor)
	if err != nil || len(list) != 1 {
		t.Fatalf("reports %+v, %v", list, err)
	}
	c.reportID = list[0].ID
	return c
}

func cell(measure, category string, org int64, shown int) model.MonitoringCell {
	return model.MonitoringCell{Municipality: "0772", OrganisationID: org, Measure: measure, Category: category, N: shown, Shown: shown}
}

func (c monthlyCase) pdf(t *testing.T) []byte {
	t.Helper()
	r, err := c.env.Registry.Monitoring.OpenMonthlyReport(ctx, c.monitor, c.reportID)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := report.MonitoringPDF(&b, r); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestTheMonthlyPDFShowsTheMonthAndTheYearByQuarterFromTheRoundedCells(t *testing.T) {
	c := newMonthlyCase(t)
	doc := string(c.pdf(t))

	if !strings.HasPrefix(doc, "%PDF-") || !strings.Contains(doc, "%%EOF") {
		t.Fatal("not a PDF")
	}
	for _, want := range []string{
		"(Maandrapport monitoring Eindhoven mei 2026)", `Gemeente Eindhoven \(0772\):`, "veelvoud van 5",
		"(mei 2026)", "(1e kwartaal 2026)", "(2e kwartaal 2026)", "(Totaal 2026)",
		"(Signalen)", "(Ketenregistraties)",
		// Signals: May 35; Q1 15, Q2 25 + 35; the year 75. All registrations in May: 55.
		"(35)", "(15)", "(60)", "(75)", "(55)",
		// Followed up on time: 45 of 60 in May.
		"(75%)",
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
}

func TestTheMonthlyPDFNamesNoYouthNoBSNAndNoProfessional(t *testing.T) {
	c := newMonthlyCase(t)
	doc := string(c.pdf(t))

	never := append([]string{population.BSNTeen, population.BSNChild, "J-",
		c.school.Professional.Name, c.monitor.Professional.Name, c.school.Professional.Email, c.monitor.Professional.Email,
		c.school.Organisation.Name}, c.youths...)
	for _, s := range never {
		if strings.Contains(doc, s) {
			t.Errorf("the PDF holds %q", s)
		}
	}
}

func TestTheMonthlyPDFReadsTheSameEveryTimeItIsOpened(t *testing.T) {
	c := newMonthlyCase(t)
	first := c.pdf(t)

	// A month later: June is made, more is registered, the clock has moved.
	june := []model.MonitoringCell{cell(monitoring.MeasureRegistrations, "signaal", c.school.Organisation.ID, 95)}
	june[0].Month = "2026-06"
	if err := c.env.DB.Update(ctx, func(tx *storage.Tx) error {
		return tx.SaveMonitoringMonth(ctx, "2026-06", june, c.env.Clock.Now())
	}); err != nil {
		t.Fatal(err)
	}
	c.env.Register(t, c.school, population.BSNYoungest, model.KindSignaal)
	c.env.Clock.Set(time.Date(2026, 7, 2, 9, 0, 0, 0, time.UTC))

	// The text and the dates, not the bytes: fpdf writes its font objects
	// in map order.
	again := c.pdf(t)
	if a, b := pdfText(first), pdfText(again); strings.Join(a, "\n") != strings.Join(b, "\n") {
		t.Errorf("the May report changed after June was made: it must be rendered from May's frozen figures only\nbefore: %q\nafter:  %q", a, b)
	}
}

// pdfText is what the PDF writes and when it says it was made: its text
// operators and its dates, in order.
func pdfText(doc []byte) []string {
	var out []string
	for _, m := range textOperator.FindAll(doc, -1) {
		out = append(out, string(m))
	}
	return out
}

var textOperator = regexp.MustCompile(`\((?:[^()\\]|\\.)*\)\s*Tj|/(?:Creation|Mod)Date \([^)]*\)`)
