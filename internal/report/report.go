// Package report renders the access report (inzage) for one youth, which the
// regional administrator hands to parents or youth on request: as a printable
// HTML page (html/template, embedded, no script) and as a PDF (go-pdf/fpdf).
// Both show the same Dutch text, built once in view.
package report

import (
	"fmt"
	"strings"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/nltime"
	"github.com/jeugdketen/jeugdketen/internal/registration"
)

// periodText writes a period in Dutch: "2 jaar", "1 jaar en 6 maanden".
func periodText(p model.Period) string {
	var parts []string
	add := func(n int, one, many string) {
		switch {
		case n == 1:
			parts = append(parts, "1 "+one)
		case n > 1:
			parts = append(parts, fmt.Sprintf("%d %s", n, many))
		}
	}
	add(p.Years, "jaar", "jaar")
	add(p.Months, "maand", "maanden")
	add(p.Days, "dag", "dagen")
	if len(parts) > 1 {
		return strings.Join(parts[:len(parts)-1], ", ") + " en " + parts[len(parts)-1]
	}
	return strings.Join(parts, "")
}

// view is the report as people read it, in Dutch, for both formats.
type view struct {
	Title      string
	MadeAt     string
	Found      bool
	Youth      youthView
	Rows       []registrationView
	Accesses   []accessView
	Objections []objectionView
	Terms      []string
	Intro      string
	NotFound   string
}

type youthView struct {
	Name, BirthDate, Reference string
}

type registrationView struct {
	Number, Organisation, Kind, Since, Status, Parents, Youth string
}

type accessView struct {
	When, Professional, Organisation, What string
}

type objectionView struct {
	Received, Municipality, Decision string
}

func newView(r registration.Report) view {
	v := view{
		Title:  "Inzagerapport verwijsindex Jeugdketen",
		MadeAt: nltime.DateTime(r.MadeAt),
		Found:  r.Found,
		Intro: "Dit rapport toont wat de verwijsindex Jeugdketen nu over de jeugdige bewaart: welke organisaties hebben vastgelegd " +
			"dat zij bij de jeugdige betrokken zijn of zich zorgen maken, en wie de gegevens van de jeugdige heeft ingezien. " +
			"De verwijsindex bewaart alleen dát een organisatie betrokken is, nooit waarom of wat er aan de hand is.",
		NotFound: "Over de jeugdige met het opgegeven burgerservicenummer zijn geen registraties bekend in de verwijsindex. " +
			"Er zijn dus ook geen gegevens van deze jeugdige ingezien.",
		Terms: []string{
			"Een registratie loopt hoogstens " + periodText(r.MaxDuration) + "; daarna eindigt zij vanzelf, tenzij de organisatie haar verlengt.",
			fmt.Sprintf("Een beëindigde registratie blijft %d jaar in het historisch archief en wordt daarna verwijderd.", r.ArchiveYears),
			fmt.Sprintf("Het logboek van wie de gegevens inzag wordt %d jaar bewaard; oudere inzages staan daarom niet in dit rapport.", r.AuditYears),
			"Na een toegewezen bezwaar worden de registraties waartegen het bezwaar zich richtte direct verwijderd, zonder archief.",
			"Bezwaar maken kan bij het college van burgemeester en wethouders van de gemeente waar de registratie is gedaan.",
		},
	}
	if !r.Found {
		return v
	}
	v.Youth = youthView{Name: r.Youth.Person.FullName(), BirthDate: nltime.CalendarDate(r.Youth.Person.BirthDate), Reference: r.Youth.Reference}
	for _, x := range r.Registrations {
		reg := x.Registration
		status := "actief, loopt tot en met " + nltime.CalendarDate(reg.ExpiresOn)
		if reg.EndedAt != nil {
			status = "beëindigd op " + nltime.CalendarDate(reg.EndedAt.In(nltime.Amsterdam)) + " (" + reg.EndReason.Label() + "); in het historisch archief"
		}
		v.Rows = append(v.Rows, registrationView{
			Number:       fmt.Sprint(reg.ID),
			Organisation: x.Organisation.Name + " (" + x.Organisation.Type.Label() + ")",
			Kind:         reg.Kind.Label(reg.Urgent),
			Since:        nltime.CalendarDate(reg.CreatedAt.In(nltime.Amsterdam)),
			Status:       status,
			Parents:      reg.ParentsInformed.Label(),
			Youth:        reg.YouthInformed.Label(),
		})
	}
	for _, a := range r.Accesses {
		what := "gegevens van de jeugdige bekeken"
		switch {
		case a.Action == "export":
			what = "inzagerapport opgesteld"
		case a.ObjectType == "registratie":
			what = "registratie bekeken"
		}
		if strings.HasPrefix(a.ClientSystem, "koppeling:") {
			what += " (via het systeem van de organisatie)"
		}
		org := a.OrganisationName
		if a.OrganisationType != "" {
			org += " (" + model.OrgType(a.OrganisationType).Label() + ")"
		}
		v.Accesses = append(v.Accesses, accessView{When: nltime.DateTime(a.At), Professional: a.ProfessionalName, Organisation: org, What: what})
	}
	for _, o := range r.Objections {
		decision := "nog geen besluit"
		if o.Outcome != "" && o.DecidedOn != nil {
			decision = o.Outcome + " op " + nltime.CalendarDate(*o.DecidedOn)
		}
		v.Objections = append(v.Objections, objectionView{Received: nltime.CalendarDate(o.ReceivedOn), Municipality: o.Municipality, Decision: decision})
	}
	return v
}
