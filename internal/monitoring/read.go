package monitoring

import (
	"context"
	"fmt"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// Request is a query as a page or the API receives it: the values as typed.
type Request struct {
	Van, Tot, Groep, Gemeente string
}

// TrendMonths is how many months the charts show.
const TrendMonths = 24

var (
	errNotMonitoring = model.Errorf(model.EFORBIDDEN, "Alleen een monitoringsaccount van de gemeente en de regiobeheerder zien de cijfers.")
	errOtherTown     = model.Errorf(model.EFORBIDDEN, "U ziet alleen de cijfers van uw eigen gemeente.")
	errNoTown        = model.Errorf(model.EFORBIDDEN, "Uw organisatie hoort bij geen gemeente die wij kennen, dus u ziet geen cijfers. De regiobeheerder kan de gemeente van uw organisatie aanpassen.")
)

// Report returns the figures a monitoring account or the regional
// administrator asks for. A municipality's monitoring account sees only its
// own municipality's youths; the administrator every municipality, and the
// participation per organisation.
func (s *Service) Report(ctx context.Context, actor usecase.Actor, r Request) (Report, error) {
	return s.read(ctx, actor, r.Gemeente, true, func(first, made Month) (Query, error) {
		q, err := ParseQuery(r.Van, r.Tot, r.Groep, "", made)
		if err != nil {
			return q, err
		}
		if r.Van == "" && q.From.Before(first) {
			q.From = first
		}
		switch {
		case made.Before(q.To):
			err = model.Invalid("De periode klopt niet.", model.InvalidParam{Name: "tot",
				Reason: fmt.Sprintf("De cijfers gaan tot en met %s: die van een maand worden gemaakt op de eerste werkdag erna.", made.Label())})
		case q.From.Before(first):
			err = model.Invalid("De periode klopt niet.", model.InvalidParam{Name: "van",
				Reason: fmt.Sprintf("De eerste cijfers zijn van %s.", first.Label())})
		}
		return q, err
	})
}

// Trend returns the last TrendMonths made months, one column per month,
// for the charts. It never has the per-organisation table: a chart of
// every organisation is no chart.
func (s *Service) Trend(ctx context.Context, actor usecase.Actor, gemeente string) (Report, error) {
	return s.read(ctx, actor, gemeente, false, func(first, made Month) (Query, error) {
		q := Query{From: made.Add(1 - TrendMonths), To: made, Group: ByMonth}
		if q.From.Before(first) {
			q.From = first
		}
		return q, nil
	})
}

// ReportOf returns the figures of one municipality for q, without asking
// who reads them: for the monthly report the sweep makes for that
// municipality's monitoring accounts. It never has the per-organisation
// tables.
func (s *Service) ReportOf(ctx context.Context, municipality string, q Query) (Report, error) {
	var out Report
	err := s.DB.View(ctx, func(tx *storage.Tx) error {
		_, made, ready, err := monthsMade(ctx, tx)
		if err != nil {
			return err
		}
		q.Municipality = municipality
		out, err = s.build(ctx, tx, q, made, ready, false)
		out.Scope = scopeText(municipality)
		out.Municipalities = []Municipality{{Code: municipality, Name: MunicipalityName(municipality)}}
		return err
	})
	return out, err
}

// read checks who asks and for which municipality, makes the query once it
// knows the last month made, builds the report (with the per-organisation
// table when organisations is set and the reader is the regional
// administrator) and records the read.
func (s *Service) read(ctx context.Context, actor usecase.Actor, gemeente string, organisations bool, query func(first, made Month) (Query, error)) (Report, error) {
	admin := actor.Professional.Admin
	if !actor.Professional.Monitoring && !admin {
		return Report{}, errNotMonitoring
	}
	own := ""
	if !admin {
		if own = MunicipalityCode(actor.Organisation.Municipality); own == "" {
			return Report{}, errNoTown
		}
		if gemeente != "" && gemeente != own {
			return Report{}, errOtherTown
		}
		gemeente = own
	}
	var out Report
	var q Query
	// The sums are read without holding the writer (on SQLite a writing
	// transaction would keep every registration waiting for them); the
	// read is logged afterwards, before anything is answered.
	err := s.DB.View(ctx, func(tx *storage.Tx) error {
		first, made, ready, err := monthsMade(ctx, tx)
		if err != nil {
			return err
		}
		towns, err := s.municipalities(ctx, tx, own)
		if err != nil {
			return err
		}
		if gemeente != "" && !hasTown(towns, gemeente) && MunicipalityName(gemeente) == "" {
			return model.InvalidField("gemeente", "Deze gemeente kennen wij niet: geef de viercijferige CBS-code, bijvoorbeeld 0772.")
		}
		q = Query{Group: ByMonth}
		if ready {
			if q, err = query(first, made); err != nil {
				return err
			}
		}
		q.Municipality = gemeente
		if out, err = s.build(ctx, tx, q, made, ready, organisations && admin); err != nil {
			return err
		}
		out.Scope = scopeText(gemeente)
		out.Municipalities = towns
		return nil
	})
	if err != nil {
		return Report{}, err
	}
	err = s.DB.Update(ctx, func(tx *storage.Tx) error {
		audit.Write(ctx, tx, s.Now(), audit.Entry{
			Actor: actor.AuditActor(), Action: audit.ActionRead, ObjectType: "monitoring", ObjectID: gemeente,
			Purpose: "beleidsinformatie (geaggregeerd, " + q.From.String() + " tot en met " + q.To.String() + ")",
		})
		return nil
	})
	if err != nil {
		return Report{}, err
	}
	return out, nil
}

// monthsMade are the first and the last month whose figures are made.
func monthsMade(ctx context.Context, tx *storage.Tx) (first, last Month, ready bool, err error) {
	months, err := tx.MonitoringMonthsMade(ctx)
	if err != nil || len(months) == 0 {
		return Month{}, Month{}, false, err
	}
	first, ok1 := ParseMonth(months[0])
	last, ok2 := ParseMonth(months[len(months)-1])
	if !ok1 || !ok2 {
		return Month{}, Month{}, false, fmt.Errorf("monitoring: months %q to %q made", months[0], months[len(months)-1])
	}
	return first, last, true, nil
}

// municipalities are those a reader may choose: its own only, or (own
// empty) every one with figures.
func (s *Service) municipalities(ctx context.Context, tx *storage.Tx, own string) ([]Municipality, error) {
	if own != "" {
		return []Municipality{{Code: own, Name: MunicipalityName(own)}}, nil
	}
	codes, err := tx.MonitoringMunicipalities(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Municipality, 0, len(codes))
	for _, c := range codes {
		out = append(out, Municipality{Code: c, Name: MunicipalityName(c)})
	}
	return out, nil
}

func hasTown(towns []Municipality, code string) bool {
	for _, t := range towns {
		if t.Code == code {
			return true
		}
	}
	return false
}

func scopeText(code string) string {
	if code == "" {
		return "Alle gemeenten"
	}
	return "Gemeente " + Municipality{Code: code, Name: MunicipalityName(code)}.Label()
}
