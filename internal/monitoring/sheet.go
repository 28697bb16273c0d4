package monitoring

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// sheet holds the rounded cells of one query, split into its periods, and
// adds them up into rows. It only ever sees Shown values.
type sheet struct {
	periods []Period
	col     map[string]int                    // month → its period's column
	last    map[string]bool                   // months that end their period (stock is read there)
	cells   map[string][]model.MonitoringCell // per measure, summed over the organisations
	perOrg  map[string][]model.MonitoringCell // per measure, per organisation (perOrganisation's only)
	orgs    map[int64]model.Organisation
	total   bool // the tables get a Totaal column (more than one period)
}

// build reads the cells of q and makes every table; the table per
// organisation only when organisations is set (the regional
// administrator's report, not its charts).
func (s *Service) build(ctx context.Context, tx *storage.Tx, q Query, made Month, ready, organisations bool) (Report, error) {
	out := Report{Query: q, Made: made, Ready: ready}
	if !ready {
		return out, nil
	}
	f := storage.CellFilter{From: q.From.String(), To: q.To.String(), Municipality: q.Municipality}
	cells, err := tx.MonitoringSums(ctx, f, perType)
	if err != nil {
		return out, err
	}
	var orgs []model.Organisation
	var each []model.MonitoringCell
	if organisations {
		f.Measures, f.Summed = perOrganisation, true
		if each, err = tx.MonitoringCells(ctx, f); err != nil {
			return out, err
		}
		if orgs, err = tx.Organisations(ctx); err != nil {
			return out, err
		}
	}
	sh := &sheet{periods: periods(q), col: map[string]int{}, last: map[string]bool{},
		cells: map[string][]model.MonitoringCell{}, perOrg: map[string][]model.MonitoringCell{}, orgs: map[int64]model.Organisation{}}
	for i, p := range sh.periods {
		for m := p.From; !p.To.Before(m); m = m.Add(1) {
			sh.col[m.String()] = i
		}
		sh.last[p.To.String()] = true
	}
	sh.total = len(sh.periods) > 1
	for _, c := range cells {
		sh.cells[c.Measure] = append(sh.cells[c.Measure], c)
	}
	for _, c := range each {
		sh.perOrg[c.Measure] = append(sh.perOrg[c.Measure], c)
	}
	for _, o := range orgs {
		sh.orgs[o.ID] = o
	}
	out.Periods = sh.periods
	out.Tables = sh.tables(organisations, s.Covenant != nil && s.Covenant.Coordination.StagnationHours > 0)
	return out, nil
}

// perType are the measures a table shows per type of organisation
// (byType), perOrganisation those the administrator's table shows per
// organisation (orgSums); every measure is read summed over the
// organisations, these per type too: a page's rows grow with the
// organisations only in the administrator's table per organisation.
var (
	perType         = []string{MeasureRegistrations, MeasureFollowUp}
	perOrganisation = []string{MeasureRegistrations, MeasureFollowUp}
)

// skip is the row key that leaves a cell out.
const skip = "\x00"

// sums adds a measure's cells up per row key (key returns skip to leave a
// cell out) and per column. For a stock measure only the last month of each
// period counts: a stock is what ran at the end of the period.
func (sh *sheet) sums(measure string, stock bool, key func(model.MonitoringCell) string) map[string][]int {
	return sh.add(sh.cells[measure], stock, key)
}

// orgSums adds a perOrganisation measure up per organisation, over the
// whole period (its cells are read summed over the months): one category,
// or every category when category is empty.
func (sh *sheet) orgSums(measure, category string) map[string]int {
	if !slices.Contains(perOrganisation, measure) {
		panic("monitoring: measure " + measure + " is shown per organisation, but not in perOrganisation")
	}
	out := map[string]int{}
	for _, c := range sh.perOrg[measure] {
		if k := byOrganisation(c); k != skip && (category == "" || c.Category == category) {
			out[k] += c.Shown
		}
	}
	return out
}

func (sh *sheet) add(cells []model.MonitoringCell, stock bool, key func(model.MonitoringCell) string) map[string][]int {
	out := map[string][]int{}
	for _, c := range cells {
		if stock && !sh.last[c.Month] {
			continue
		}
		k := key(c)
		if k == skip {
			continue
		}
		if out[k] == nil {
			out[k] = make([]int, len(sh.periods))
		}
		out[k][sh.col[c.Month]] += c.Shown
	}
	return out
}

func byCategory(c model.MonitoringCell) string { return c.Category }
func all(model.MonitoringCell) string          { return "alle" }

// byType keys a cell by its organisation's type. It stops a table that
// shows a measure per type when that measure's cells were read without
// their type: its figures would all be "onbekend". Every test that builds
// a report sees it.
func byType(c model.MonitoringCell) string {
	if !slices.Contains(perType, c.Measure) {
		panic("monitoring: measure " + c.Measure + " is shown per type of organisation, but not in perType")
	}
	if c.OrganisationType == "" {
		return "onbekend"
	}
	return c.OrganisationType
}

func byOrganisation(c model.MonitoringCell) string {
	if c.OrganisationID == 0 {
		return skip
	}
	return strconv.FormatInt(c.OrganisationID, 10)
}

// column values of one row; nil (nothing counted) is all zero.
func (sh *sheet) values(v []int) []int {
	if v == nil {
		return make([]int, len(sh.periods))
	}
	return v
}

// countRow is a row of counts, with their total when the table has one.
func (sh *sheet) countRow(key, label string, v []int, total bool) Row {
	v = sh.values(v)
	r := Row{Key: key, Label: label}
	sum := 0
	for _, n := range v {
		r.Values = append(r.Values, count(n))
		sum += n
	}
	if total {
		r.Values = append(r.Values, count(sum))
	}
	return r
}

// sumRow adds rows of counts up.
func (sh *sheet) sumRow(label string, rows map[string][]int, total bool) Row {
	sum := make([]int, len(sh.periods))
	for _, v := range rows {
		for i, n := range v {
			sum[i] += n
		}
	}
	r := sh.countRow("totaal", label, sum, total)
	r.Sum = true
	return r
}

// percentRow is num as a share of den, per column and over all.
func (sh *sheet) percentRow(key, label string, num, den []int, total bool) Row {
	num, den = sh.values(num), sh.values(den)
	r := Row{Key: key, Label: label}
	sn, sd := 0, 0
	for i := range den {
		r.Values = append(r.Values, percent(num[i], den[i]))
		sn, sd = sn+num[i], sd+den[i]
	}
	if total {
		r.Values = append(r.Values, percent(sn, sd))
	}
	return r
}

// medianRow is the median of a day-bucket histogram, per column and over
// all.
func (sh *sheet) medianRow(key, label string, hist map[string][]int, total bool) Row {
	r := Row{Key: key, Label: label}
	overall := map[string]int{}
	for i := range sh.periods {
		col := map[string]int{}
		for b, v := range hist {
			col[b] = v[i]
			overall[b] += v[i]
		}
		r.Values = append(r.Values, median(col))
	}
	if total {
		r.Values = append(r.Values, median(overall))
	}
	return r
}

func count(n int) Value { return Value{Kind: Count, N: n, Text: thousands(n)} }

func percent(num, den int) Value {
	if den < MinBase {
		return Value{Kind: None, Text: "–"}
	}
	p := (200*num + den) / (2 * den) // rounded half up
	return Value{Kind: Percent, N: p, Text: strconv.Itoa(p) + "%"}
}

// median reads the median from counts per DayBucket.
func median(hist map[string]int) Value {
	n := 0
	for _, v := range hist {
		n += v
	}
	if n < MinBase {
		return Value{Kind: None, Text: "–"}
	}
	seen := 0
	for _, b := range DayBuckets {
		seen += hist[b]
		if 2*seen >= n {
			low, _, band := strings.Cut(strings.TrimSuffix(b, "+"), "-")
			d, _ := strconv.Atoi(low)
			text := b
			switch {
			case band:
				text = strings.Replace(b, "-", "–", 1)
			case strings.HasSuffix(b, "+"):
				text = low + " of meer"
			}
			if d == 1 && !band && !strings.HasSuffix(b, "+") {
				return Value{Kind: Days, N: d, Text: "1 werkdag"}
			}
			return Value{Kind: Days, N: d, Text: text + " werkdagen"}
		}
	}
	return Value{Kind: None, Text: "–"}
}

// thousands writes 12345 as "12.345".
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}
