package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/monitoring"
)

// monitoringView is the monitoring page: the form, the figures of the
// period asked for and, per table, its chart of the last 24 months.
type monitoringView struct {
	Report monitoring.Report // empty when the form has an error
	Failed bool
	// Grouping says how the columns split the period: "per maand".
	Grouping    string
	GroupSelect selectView
	// TownSelect is the municipality select, nil when there is only one
	// to choose.
	TownSelect *selectView
	// Query is the period asked for, for the CSV links.
	Query    string
	Sections []monitoringSection
	// Trend is there when no figures are (bad input): the charts alone.
	Trend []monitoringSection
}

// monitoringSection is one table with its download and its trend.
type monitoringSection struct {
	Table   figuresTable
	CSV     string // the table's CSV download; empty for a trend's table
	Charts  []trendChart
	Numbers *figuresTable // the trend's own numbers, under its charts
}

// figuresTable is a table of figures with the columns it is shown with.
type figuresTable struct {
	ID      string
	Table   monitoring.Table
	Periods []monitoring.Period
	Suffix  string // after the title in the caption
	// Heading: the title and description stand above the table (a report's
	// table); else the caption shows the title (a trend's, under its chart).
	Heading bool
}

// selectView is one select of the period form.
type selectView struct {
	Form               *form
	Name, Label, Empty string // Empty: the label of a first option without a value
	Choices            []choice
}

type choice struct{ Value, Label string }

// groupings are the choices of the "groep" select.
var groupings = []choice{{"maand", "Per maand"}, {"kwartaal", "Per kwartaal"}, {"jaar", "Per jaar"}}

// townSelect offers the municipalities the reader may see, "Alle
// gemeenten" first for the regional administrator; nil when there is no
// choice to make (and no error to show at it).
func townSelect(f *form, towns []monitoring.Municipality, admin bool) *selectView {
	if len(towns) < 2 && f.Error("gemeente") == "" {
		return nil
	}
	s := &selectView{Form: f, Name: "gemeente", Label: "Gemeente van de jeugdigen"}
	if admin {
		s.Empty = "Alle gemeenten"
	}
	for _, t := range towns {
		s.Choices = append(s.Choices, choice{t.Code, t.Label()})
	}
	return s
}

// showMonitoring: GET /monitoring?van=&tot=&groep=&gemeente=, a form sent
// by GET so that a period can be bookmarked and shared. The figures are
// the read model's (monitoring.Service.Report), which refuses anyone but a
// monitoring account and the regional administrator, and keeps a
// municipality's account to its own municipality.
func (h *Handler) showMonitoring(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f := &form{Values: url.Values{}}
	for _, k := range []string{"van", "tot", "groep", "gemeente"} {
		if v := q.Get(k); v != "" {
			f.Values.Set(k, v)
		}
	}
	req := monitoring.Request{Van: f.Value("van"), Tot: f.Value("tot"), Groep: f.Value("groep"), Gemeente: f.Value("gemeente")}
	mon := h.Registry.Monitoring
	rep, err := mon.Report(r.Context(), actor(r), req)
	status := http.StatusOK
	view := monitoringView{}
	if err != nil {
		if model.ErrorCode(err) != model.EINVALID {
			h.fail(w, r, err)
			return
		}
		f.fail(err)
		status, view.Failed = http.StatusUnprocessableEntity, true
	} else {
		view.Report = rep
		if rep.Ready {
			f.setDefault("van", rep.Query.From.String())
			f.setDefault("tot", rep.Query.To.String())
		}
		f.setDefault("groep", string(rep.Query.Group))
	}
	// The charts cover the last 24 months whatever period is asked for; after
	// a bad municipality they show what the reader may see without one.
	town := rep.Query.Municipality
	if view.Failed {
		town = f.Value("gemeente")
	}
	trend, err := mon.Trend(r.Context(), actor(r), town)
	if err != nil && view.Failed && model.ErrorCode(err) == model.EINVALID {
		trend, err = mon.Trend(r.Context(), actor(r), "")
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	view.GroupSelect = selectView{Form: f, Name: "groep", Label: "Indeling", Choices: groupings}
	view.TownSelect = townSelect(f, trend.Municipalities, actor(r).Professional.Admin)
	for _, g := range groupings {
		if f.Is("groep", g.Value) {
			view.Grouping = strings.ToLower(g.Label)
		}
	}
	view.Query = url.Values{"van": {f.Value("van")}, "tot": {f.Value("tot")}, "groep": {f.Value("groep")}, "gemeente": {f.Value("gemeente")}}.Encode()
	trends := map[string]monitoring.Table{}
	for _, t := range trend.Tables {
		trends[t.ID] = t
	}
	for _, t := range rep.Tables {
		s := monitoringSection{Table: figuresTable{ID: t.ID, Table: t, Periods: rep.ColumnsOf(t), Heading: true}, CSV: "/monitoring/" + t.ID + ".csv?" + view.Query}
		if tt, ok := trends[t.ID]; ok {
			s.Charts = trendCharts(trend, tt)
			s.Numbers = &figuresTable{ID: "verloop-" + t.ID, Table: tt, Periods: trend.Periods, Suffix: ", per maand"}
		}
		view.Sections = append(view.Sections, s)
	}
	if view.Failed {
		for _, tt := range trend.Tables {
			view.Trend = append(view.Trend, monitoringSection{Charts: trendCharts(trend, tt),
				Numbers: &figuresTable{ID: "verloop-" + tt.ID, Table: tt, Periods: trend.Periods, Suffix: ", per maand"}})
		}
	}
	h.render(w, r, status, "monitoring", page{Title: "Monitoring", Nav: "monitoring", Notice: notice(r), Form: f, Data: view})
}

// setDefault shows the value the figures were made with in a field left
// empty, so the form says which period the page is about.
func (f *form) setDefault(name, value string) {
	if f.Values.Get(name) == "" {
		f.Values.Set(name, value)
	}
}
