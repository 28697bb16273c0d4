package report

import (
	"io"
	"strconv"

	"github.com/go-pdf/fpdf"

	"github.com/jeugdketen/jeugdketen/internal/monitoring"
	"github.com/jeugdketen/jeugdketen/internal/nltime"
)

// MonitoringPDF writes a municipality's monthly monitoring report as an A4
// PDF: every table with a column for the month itself, one for each
// quarter of the year so far and, when there is more than one quarter, the
// year's total up to the month. It holds counts only, each a sum of the
// cells rounded when their month was made, and dates only from the report
// itself, so it is the same file every time it is made again.
func MonitoringPDF(w io.Writer, r monitoring.MonthlyReport) error {
	d := &doc{pdf: fpdf.New("P", "mm", "A4", "")}
	p := d.pdf
	d.tr = p.UnicodeTranslatorFromDescriptor("")
	p.SetCompression(false) // small anyway; readable text is easier to check
	title := r.Title()
	made := nltime.Date(r.MadeAt)
	p.SetTitle(title, true)
	p.SetCreator("Jeugdketen", true)
	p.SetCreationDate(r.MadeAt)
	p.SetModificationDate(r.MadeAt)
	p.SetMargins(15, 18, 15)
	p.SetAutoPageBreak(true, 18)
	p.AliasNbPages("")
	p.SetFooterFunc(func() {
		p.SetY(-13)
		p.SetFont("Helvetica", "", 8)
		p.SetTextColor(90, 90, 90)
		p.CellFormat(0, 5, d.tr("Verwijsindex Jeugdketen · "+title+" · pagina ")+strconv.Itoa(p.PageNo())+"/{nb}", "", 0, "C", false, 0, "")
		p.SetTextColor(0, 0, 0)
	})
	p.AddPage()

	p.SetFont("Helvetica", "B", 16)
	d.text(8, title)
	p.SetFont("Helvetica", "", 9)
	d.text(5, "Gemaakt op "+made+" uit de cijfers van "+r.ReportEntry.Month.Label()+", die sindsdien niet meer veranderen.")

	d.heading("Waarover")
	d.text(5, r.Month.Scope+": jeugdigen die volgens de basisregistratie personen in deze gemeente wonen. "+
		"Elke tabel geeft "+r.ReportEntry.Month.Label()+" en, per kwartaal, het jaar tot en met die maand"+
		yearTotalNote(r.Year)+". Aantallen tellen wat in de periode gebeurde; een stand is die aan het eind van de periode.")
	d.heading("Afronding")
	d.text(5, monitoring.RoundingNote)
	if !r.Month.Ready || len(r.Month.Tables) == 0 {
		d.text(5, "Er zijn nog geen cijfers.")
		return p.Output(w)
	}

	header := monthlyHeader(r)
	widths := columnWidths(len(header))
	for _, yt := range r.Year.Tables {
		d.keepTogether(40)
		d.heading(yt.Title)
		p.SetFont("Helvetica", "", 8)
		d.text(4, yt.Description)
		p.Ln(1)
		d.table(widths, header, monthlyRows(tableOf(r.Month, yt.ID), yt, len(header)))
	}
	return p.Output(w)
}

// keepTogether starts a new page when less than h millimetres are left, so
// that a table's heading does not stand alone at the foot of a page.
func (d *doc) keepTogether(h float64) {
	_, pageHeight := d.pdf.GetPageSize()
	_, _, _, bottom := d.pdf.GetMargins()
	if d.pdf.GetY()+h > pageHeight-bottom {
		d.pdf.AddPage()
	}
}

func yearTotalNote(year monitoring.Report) string {
	if len(year.Periods) > 1 {
		return ", met het totaal van het jaar tot dan"
	}
	return ""
}

// monthlyHeader is the first row: the month, the quarters, the total.
func monthlyHeader(r monitoring.MonthlyReport) []string {
	out := []string{"", r.ReportEntry.Month.Label()}
	for _, p := range r.Year.Periods {
		out = append(out, p.Label)
	}
	if len(r.Year.Periods) > 1 {
		out = append(out, "Totaal "+strconv.Itoa(r.ReportEntry.Month.Year))
	}
	return out
}

// columnWidths gives the label a wide first column and shares the rest of
// the 180 mm line among the figures.
func columnWidths(n int) []float64 {
	out := []float64{60}
	for i := 1; i < n; i++ {
		out = append(out, 120/float64(n-1))
	}
	return out
}

func tableOf(r monitoring.Report, id string) monitoring.Table {
	for _, t := range r.Tables {
		if t.ID == id {
			return t
		}
	}
	return monitoring.Table{ID: id}
}

// monthlyRows puts a table's rows of the month beside those of the year.
// A row only the year has (a type of organisation that registered earlier
// in the year) counted nothing in the month: 0 for a count, "–" else.
func monthlyRows(month, year monitoring.Table, columns int) [][]string {
	byKey := map[string]monitoring.Row{}
	for _, r := range month.Rows {
		byKey[r.Key] = r
	}
	var out [][]string
	seen := map[string]bool{}
	for _, yr := range year.Rows {
		seen[yr.Key] = true
		row := []string{yr.Label, missing(yr)}
		if mr, ok := byKey[yr.Key]; ok && len(mr.Values) > 0 {
			row[1] = mr.Values[0].Text
		}
		for _, v := range yr.Values {
			row = append(row, v.Text)
		}
		for len(row) < columns { // a stock has no total
			row = append(row, "")
		}
		out = append(out, row)
	}
	for _, mr := range month.Rows {
		if seen[mr.Key] || len(mr.Values) == 0 {
			continue
		}
		// Counted in the month, so in its quarter and year too: the year's
		// tables list every row the month's do; this is only a safeguard.
		row := make([]string, columns)
		row[0], row[1] = mr.Label, mr.Values[0].Text
		out = append(out, row)
	}
	return out
}

func missing(r monitoring.Row) string {
	if len(r.Values) > 0 && r.Values[0].Kind == monitoring.Count {
		return "0"
	}
	return "–"
}
