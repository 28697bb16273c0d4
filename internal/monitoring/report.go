package monitoring

// Report is the monitoring figures for one query, as the page, the CSV
// files, the monthly PDF and the API show them. Every count in it is a sum
// of cells rounded to a multiple of 5 when their month was made; every
// share and median is computed from such sums. Nothing in it names a youth,
// a J-reference or a professional.
type Report struct {
	Query Query
	// Scope says whose youths the figures are about, in Dutch: "Gemeente
	// Eindhoven (0772)" or "Alle gemeenten".
	Scope string
	// Municipalities are those the reader may choose: only its own for a
	// municipality's monitoring account, every one for the regional
	// administrator.
	Municipalities []Municipality
	// Made is the last month whose figures are made (the figures of a month
	// are made on the first working day after it); Ready is false when none
	// is made yet.
	Made  Month
	Ready bool
	// Periods are the columns, in order, as Query.Group splits the months.
	Periods []Period
	// Tables are the figures, in the order the page shows them.
	Tables []Table
}

// Municipality is a municipality as people know it.
type Municipality struct {
	Code string // CBS code, "0772"
	Name string // "Eindhoven"
}

// Label is "Eindhoven (0772)", or the code alone for an unknown code.
func (m Municipality) Label() string {
	if m.Name == "" {
		return m.Code
	}
	return m.Name + " (" + m.Code + ")"
}

// Period is one column: whole months From to To.
type Period struct {
	Label    string // "maart 2026", "1e kwartaal 2026", "2026"
	From, To Month
}

// Table is one table of figures. Its columns are the report's periods (or
// its own Columns) and, when Total is set, a last column "Totaal" over all
// of them.
type Table struct {
	ID          string // stable, for CSV file names and the API: "registraties-soort"
	Title       string // Dutch
	Description string // what is counted and how, in Dutch, one or two sentences
	Total       bool
	// Columns are the table's own columns when they are not the report's
	// periods: the whole period at once for the table per organisation.
	Columns []Period
	Rows    []Row
}

// ColumnsOf are the columns of t: its own, or the report's periods.
func (r Report) ColumnsOf(t Table) []Period {
	if t.Columns != nil {
		return t.Columns
	}
	return r.Periods
}

// Row is one line of a table: one category and its value per column.
type Row struct {
	Key    string // stable code of the category: "signaal", "onderwijs", "op-tijd"; "totaal" for a sum row
	Label  string // Dutch
	Sum    bool   // a sum of the rows above it
	Values []Value
}

// Value is one figure.
type Value struct {
	Kind ValueKind
	// N is the count, the percentage (0 to 100) or the median in working
	// days. For a median in a band of days ("11-15") it is the band's lower
	// end and Text says the band.
	N    int
	Text string // as shown: "15", "80 %", "3 werkdagen", "–"
}

// ValueKind says what a Value is.
type ValueKind string

const (
	Count   ValueKind = "aantal"
	Percent ValueKind = "percentage"
	Days    ValueKind = "werkdagen"
	// None: too few to say (a share or median over fewer than MinBase).
	None ValueKind = "onbekend"
)

// MinBase is the smallest rounded count a share or a median is given for:
// over fewer, one youth's case would weigh too much.
const MinBase = 10
