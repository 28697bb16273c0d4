package report

import (
	"io"
	"strconv"
	"time"

	"github.com/go-pdf/fpdf"

	"github.com/jeugdketen/jeugdketen/internal/registration"
)

// PDF writes the report as an A4 PDF. It uses the PDF core font Helvetica,
// so text is written in Windows-1252: every Dutch letter is in it; a letter
// outside it (rare in names) prints as a question mark.
func PDF(w io.Writer, r registration.Report) error {
	v := newView(r)
	d := newDoc(v.Title, "inzagerapport opgesteld op "+v.MadeAt, r.MadeAt)
	p := d.pdf

	p.SetFont("Helvetica", "B", 16)
	d.text(8, v.Title)
	p.SetFont("Helvetica", "", 9)
	d.text(5, "Opgesteld op "+v.MadeAt+" door de regiobeheerder, op verzoek van de ouders of wettelijk vertegenwoordigers of van de jeugdige.")

	d.heading("Jeugdige")
	if v.Found {
		d.pairs([][2]string{{"Naam", v.Youth.Name}, {"Geboortedatum", v.Youth.BirthDate}, {"Referentie", v.Youth.Reference}})
		p.Ln(2)
		d.text(5, v.Intro)

		d.heading("Registraties")
		if len(v.Rows) == 0 {
			d.text(5, "Er zijn geen registraties meer bewaard.")
		} else {
			var rows [][]string
			for _, x := range v.Rows {
				rows = append(rows, []string{x.Number, x.Organisation, x.Kind, x.Since, x.Status, x.Parents, x.Youth})
			}
			d.table([]float64{8, 36, 25, 19, 40, 26, 26}, []string{"Nr.", "Organisatie", "Soort", "Sinds", "Stand", "Ouders", "Jeugdige"}, rows)
			p.SetFont("Helvetica", "", 8)
			d.text(4, "Ouders: of de ouders of wettelijk vertegenwoordigers zijn geïnformeerd. Jeugdige: of de jeugdige zelf is geïnformeerd (vanaf 12 jaar).")
		}

		d.heading("Wie heeft de gegevens ingezien")
		if len(v.Accesses) == 0 {
			d.text(5, "In de bewaartermijn van het logboek heeft niemand de gegevens van de jeugdige ingezien.")
		} else {
			var rows [][]string
			for _, a := range v.Accesses {
				rows = append(rows, []string{a.When, a.Professional, a.Organisation, a.What})
			}
			d.table([]float64{34, 40, 56, 50}, []string{"Wanneer", "Medewerker", "Organisatie", "Wat"}, rows)
		}

		if len(v.Objections) > 0 {
			d.heading("Bezwaren")
			var rows [][]string
			for _, o := range v.Objections {
				rows = append(rows, []string{o.Received, o.Municipality, o.Decision})
			}
			d.table([]float64{40, 60, 80}, []string{"Ontvangen", "Gemeente", "Besluit"}, rows)
		}
	} else {
		d.text(5, v.NotFound)
	}

	d.heading("Bewaartermijnen en bezwaar")
	for _, t := range v.Terms {
		d.text(5, "- "+t)
	}
	return p.Output(w)
}

// doc wraps the PDF with the few layouts the report needs.
// newDoc starts an A4 report in Jeugdketen's layout: its title, margins, a
// footer "Verwijsindex Jeugdketen · <footer> · pagina n/m" and a first page.
func newDoc(title, footer string, at time.Time) *doc {
	d := &doc{pdf: fpdf.New("P", "mm", "A4", "")}
	p := d.pdf
	d.tr = p.UnicodeTranslatorFromDescriptor("")
	p.SetCompression(false) // small anyway; readable text is easier to check
	p.SetTitle(title, true)
	p.SetCreator("Jeugdketen", true)
	p.SetCreationDate(at)
	p.SetModificationDate(at)
	p.SetMargins(15, 18, 15)
	p.SetAutoPageBreak(true, 18)
	p.AliasNbPages("")
	p.SetFooterFunc(func() {
		p.SetY(-13)
		p.SetFont("Helvetica", "", 8)
		p.SetTextColor(90, 90, 90)
		p.CellFormat(0, 5, d.tr("Verwijsindex Jeugdketen · "+footer+" · pagina ")+strconv.Itoa(p.PageNo())+"/{nb}", "", 0, "C", false, 0, "")
		p.SetTextColor(0, 0, 0)
	})
	p.AddPage()
	return d
}

type doc struct {
	pdf *fpdf.Fpdf
	tr  func(string) string
}

func (d *doc) text(h float64, s string) {
	d.pdf.MultiCell(0, h, d.tr(s), "", "L", false)
}

func (d *doc) heading(s string) {
	p := d.pdf
	p.Ln(4)
	p.SetFont("Helvetica", "B", 12)
	p.CellFormat(0, 7, d.tr(s), "B", 1, "L", false, 0, "")
	p.Ln(2)
	p.SetFont("Helvetica", "", 9)
}

func (d *doc) pairs(kv [][2]string) {
	p := d.pdf
	for _, x := range kv {
		p.SetFont("Helvetica", "B", 9)
		p.CellFormat(35, 5, d.tr(x[0]), "", 0, "L", false, 0, "")
		p.SetFont("Helvetica", "", 9)
		p.MultiCell(0, 5, d.tr(x[1]), "", "L", false)
	}
}

// table draws rows whose cells wrap, repeating the header on every new page.
func (d *doc) table(widths []float64, header []string, rows [][]string) {
	p := d.pdf
	_, pageHeight := p.GetPageSize()
	_, _, _, bottom := p.GetMargins()
	p.SetDrawColor(170, 170, 170)
	d.row(widths, header, true)
	for _, r := range rows {
		p.SetFont("Helvetica", "", 8)
		if p.GetY()+d.rowHeight(widths, r) > pageHeight-bottom {
			p.AddPage()
			d.row(widths, header, true)
		}
		d.row(widths, r, false)
	}
	p.SetFont("Helvetica", "", 9)
	p.Ln(1)
}

const lineHeight = 4.2

func (d *doc) lines(widths []float64, cells []string) [][]string {
	out := make([][]string, len(cells))
	for i, c := range cells {
		// SplitLines measures bytes, as the translated (Windows-1252) text is.
		for _, l := range d.pdf.SplitLines([]byte(d.tr(c)), widths[i]-2) {
			out[i] = append(out[i], string(l))
		}
	}
	return out
}

func (d *doc) rowHeight(widths []float64, cells []string) float64 {
	n := 1
	for _, l := range d.lines(widths, cells) {
		n = max(n, len(l))
	}
	return float64(n)*lineHeight + 1.5
}

// row draws one row at the current position, and moves below it.
func (d *doc) row(widths []float64, cells []string, header bool) {
	p := d.pdf
	if header {
		p.SetFont("Helvetica", "B", 8)
		p.SetFillColor(235, 235, 235)
	} else {
		p.SetFont("Helvetica", "", 8)
	}
	h := d.rowHeight(widths, cells)
	left, _, _, _ := p.GetMargins()
	x, y := left, p.GetY()
	for i, lines := range d.lines(widths, cells) {
		style := "D"
		if header {
			style = "FD"
		}
		p.Rect(x, y, widths[i], h, style)
		for j, l := range lines {
			p.SetXY(x+1, y+0.8+float64(j)*lineHeight)
			p.CellFormat(widths[i]-2, lineHeight, l, "", 0, "L", false, 0, "")
		}
		x += widths[i]
	}
	p.SetXY(left, y+h)
}
