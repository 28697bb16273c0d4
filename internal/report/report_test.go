package report

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/registration"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

func sample() registration.Report {
	made := time.Date(2026, 11, 23, 13, 5, 0, 0, time.UTC)
	ended := made.Add(-48 * time.Hour)
	decided := time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)
	return registration.Report{
		MadeAt: made, Found: true, ArchiveYears: 5, AuditYears: 5, MaxDuration: model.Period{Years: 2},
		Youth: usecase.Youth{Reference: "J-7KQ3M9XA", Person: model.Person{GivenNames: "Zoë", FamilyName: "Brouwer", BirthDate: time.Date(2012, 12, 30, 0, 0, 0, 0, time.UTC)}},
		Registrations: []registration.ReportedRegistration{
			{Registration: model.Registration{ID: 4, Kind: model.KindSignaal, Urgent: true, CreatedAt: made.AddDate(0, -3, 0), EndedAt: &ended, EndReason: model.EndByOrganisation,
				ParentsInformed: model.InformedDisagrees, YouthInformed: model.InformedYes, ExpiresOn: made.AddDate(2, -3, -1)},
				Organisation: model.Organisation{Name: "Stedelijk College <havo>", Type: model.TypeOnderwijs}},
			{Registration: model.Registration{ID: 9, Kind: model.KindKetenregistratie, CreatedAt: made.AddDate(0, -1, 0),
				ParentsInformed: model.InformedNotSafe, YouthInformed: model.InformedNotYet, ExpiresOn: made.AddDate(2, -1, -1)},
				Organisation: model.Organisation{Name: "Jeugdhulp Noord", Type: model.TypeJeugdhulp}},
		},
		Accesses: []model.Access{
			{At: made.Add(-time.Hour), Action: "read", ObjectType: "jeugdige", ProfessionalName: "Fatima el Amrani", OrganisationName: "Jeugdhulp Noord", OrganisationType: "jeugdhulp"},
			{At: made.Add(-time.Minute), Action: "read", ObjectType: "registratie", ClientSystem: "koppeling:3", ProfessionalName: "Jan de Vries", OrganisationName: "Stedelijk College <havo>", OrganisationType: "onderwijs"},
		},
		Objections: []model.Objection{{Municipality: "Helmond", ReceivedOn: decided.AddDate(0, 0, -10), Outcome: "afgewezen", DecidedOn: &decided}},
	}
}

func TestHTMLReportIsPrintableDutchWithoutScript(t *testing.T) {
	var b bytes.Buffer
	if err := HTML(&b, sample()); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, want := range []string{
		`<html lang="nl">`, "@page", "Zoë Brouwer", "30 december 2012", "J-7KQ3M9XA",
		"Stedelijk College &lt;havo&gt; (Onderwijs)", "urgent signaal", "beëindigd op 21 november 2026 (beëindigd door de organisatie)",
		"geïnformeerd, niet mee eens", "niet geïnformeerd: dat brengt de jeugdige in gevaar", "actief, loopt tot en met 22 oktober 2028",
		"Fatima el Amrani", "23 november 2026, 13:05", "registratie bekeken (via het systeem van de organisatie)",
		"Helmond", "afgewezen op 22 november 2026", "hoogstens 2 jaar", "5 jaar in het historisch archief",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("HTML report lacks %q", want)
		}
	}
	if strings.Contains(strings.ToLower(page), "<script") || strings.Contains(page, "<havo>") {
		t.Error("HTML report has script or unescaped text")
	}
	if !strings.Contains(page, "<style>"+style+"</style>") {
		t.Error("the style element does not hold exactly the hashed style sheet: the policy would block it")
	}
	if !strings.Contains(ContentSecurityPolicy, "style-src '"+styleHash()+"'") || strings.Contains(ContentSecurityPolicy, "unsafe") {
		t.Errorf("policy %q does not allow exactly the report's own style", ContentSecurityPolicy)
	}
}

func TestHTMLReportForAYouthNobodyRegisteredSaysSo(t *testing.T) {
	var b bytes.Buffer
	if err := HTML(&b, registration.Report{MadeAt: time.Now(), MaxDuration: model.Period{Years: 2}, ArchiveYears: 5, AuditYears: 5}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "geen registraties bekend") || strings.Contains(b.String(), "<table") {
		t.Errorf("empty report:\n%s", b.String())
	}
}

func TestPDFReportHoldsTheSameText(t *testing.T) {
	var b bytes.Buffer
	if err := PDF(&b, sample()); err != nil {
		t.Fatal(err)
	}
	pdf := b.Bytes()
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) || !bytes.Contains(pdf[len(pdf)-16:], []byte("%%EOF")) {
		t.Fatal("not a complete PDF")
	}
	for _, want := range []string{"Inzagerapport verwijsindex Jeugdketen", "Jeugdhulp Noord", "Fatima el Amrani", "Zo\xeb Brouwer", "ge\xefnformeerd", "Helmond"} {
		if !bytes.Contains(pdf, []byte(want)) {
			t.Errorf("PDF lacks %q", want)
		}
	}
}

func TestPeriodsAreWrittenInDutch(t *testing.T) {
	for p, want := range map[model.Period]string{
		{Years: 2}:                     "2 jaar",
		{Months: 1}:                    "1 maand",
		{Years: 1, Months: 6}:          "1 jaar en 6 maanden",
		{Years: 1, Days: 2, Months: 3}: "1 jaar, 3 maanden en 2 dagen",
	} {
		if got := periodText(p); got != want {
			t.Errorf("periodText(%v) = %q, want %q", p, got, want)
		}
	}
}
