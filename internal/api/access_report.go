package api

import (
	"bytes"
	"net/http"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/registration"
	"github.com/jeugdketen/jeugdketen/internal/report"
)

// The BSN travels in the body, not in the URL, so that it appears in no
// access log.
type accessReportRequest struct {
	Burgerservicenummer string `json:"burgerservicenummer"`
	Formaat             string `json:"formaat"`
}

type accessYouthView struct {
	Referentie    string `json:"referentie"`
	Naam          string `json:"naam"`
	Geboortedatum string `json:"geboortedatum"`
}

type accessRegistrationView struct {
	ID          int64            `json:"id"`
	Organisatie organisationView `json:"organisatie"`
	Soort       model.Kind       `json:"soort"`
	Urgent      bool             `json:"urgent"`
	Sinds       time.Time        `json:"sinds"`
	Status      string           `json:"status"`
	GeldigTot   string           `json:"geldigTot"`
	BeeindigdOp *time.Time       `json:"beeindigdOp"`
	RedenEinde  *string          `json:"redenEinde"`
	Informatie  informedView     `json:"informatie"`
}

type accessEntryView struct {
	Op          time.Time `json:"op"`
	Handeling   string    `json:"handeling"`
	Object      string    `json:"object"`
	Medewerker  string    `json:"medewerker"`
	Organisatie string    `json:"organisatie"`
	Koppeling   bool      `json:"koppeling"`
}

type accessObjectionView struct {
	Gemeente     string  `json:"gemeente"`
	Ontvangen    string  `json:"ontvangen"`
	Uitkomst     *string `json:"uitkomst"`
	Besluitdatum *string `json:"besluitdatum"`
}

type retentionPeriodsView struct {
	Looptijd     string `json:"looptijd"`
	ArchiefJaren int    `json:"archiefJaren"`
	LogboekJaren int    `json:"logboekJaren"`
}

type accessReportView struct {
	OpgesteldOp     time.Time                `json:"opgesteldOp"`
	Jeugdige        *accessYouthView         `json:"jeugdige"`
	Registraties    []accessRegistrationView `json:"registraties"`
	Inzages         []accessEntryView        `json:"inzages"`
	Bezwaren        []accessObjectionView    `json:"bezwaren"`
	Bewaartermijnen retentionPeriodsView     `json:"bewaartermijnen"`
	Bericht         string                   `json:"bericht"`
}

func accessReport(rep registration.Report) accessReportView {
	out := accessReportView{
		OpgesteldOp: rep.MadeAt, Registraties: []accessRegistrationView{}, Inzages: []accessEntryView{}, Bezwaren: []accessObjectionView{},
		Bewaartermijnen: retentionPeriodsView{Looptijd: rep.MaxDuration.String(), ArchiefJaren: rep.ArchiveYears, LogboekJaren: rep.AuditYears},
		Bericht:         "Over deze jeugdige zijn geen registraties bekend in de verwijsindex; er is dus ook niets ingezien.",
	}
	if !rep.Found {
		return out
	}
	out.Bericht = "Alle registraties die de verwijsindex over deze jeugdige bewaart, ook beëindigde (historisch archief), en iedereen die de gegevens inzag in de bewaartermijn van het logboek."
	p := rep.Youth.Person
	out.Jeugdige = &accessYouthView{Referentie: rep.Youth.Reference, Naam: p.FullName(), Geboortedatum: p.BirthDate.Format("2006-01-02")}
	for _, x := range rep.Registrations {
		r := x.Registration
		item := accessRegistrationView{
			ID: r.ID, Organisatie: organisation(x.Organisation), Soort: r.Kind, Urgent: r.Urgent, Sinds: r.CreatedAt, Status: "actief",
			GeldigTot: r.ExpiresOn.Format("2006-01-02"), Informatie: informedView{Ouders: r.ParentsInformed, Jeugdige: r.YouthInformed},
		}
		if r.EndedAt != nil {
			reason := string(r.EndReason)
			item.Status, item.BeeindigdOp, item.RedenEinde = "beeindigd", r.EndedAt, &reason
		}
		out.Registraties = append(out.Registraties, item)
	}
	for _, a := range rep.Accesses {
		handeling := "ingezien"
		if a.Action == "export" {
			handeling = "inzagerapport"
		}
		out.Inzages = append(out.Inzages, accessEntryView{
			Op: a.At, Handeling: handeling, Object: a.ObjectType, Medewerker: a.ProfessionalName, Organisatie: a.OrganisationName,
			Koppeling: a.ClientSystem != "",
		})
	}
	for _, o := range rep.Objections {
		item := accessObjectionView{Gemeente: o.Municipality, Ontvangen: o.ReceivedOn.Format("2006-01-02")}
		if o.Outcome != "" {
			outcome, day := o.Outcome, o.DecidedOn.Format("2006-01-02")
			item.Uitkomst, item.Besluitdatum = &outcome, &day
		}
		out.Bezwaren = append(out.Bezwaren, item)
	}
	return out
}

// createAccessReport: POST /api/v1/inzage (regional administrator), the
// access report for one youth as JSON, a printable HTML page or a PDF.
func (h *Handler) createAccessReport(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	var req accessReportRequest
	if err := decode(w, r, &req); err != nil {
		h.fail(w, r, err)
		return
	}
	if req.Formaat == "" {
		req.Formaat = "json"
	}
	if req.Formaat != "json" && req.Formaat != "html" && req.Formaat != "pdf" {
		h.fail(w, r, model.InvalidField("formaat", "Kies het formaat: 'json', 'html' (afdrukbare pagina) of 'pdf'."))
		return
	}
	actor, err := h.actor(r, c, "")
	if err != nil {
		h.fail(w, r, err)
		return
	}
	rep, err := h.Registry.Registrations.AccessReport(r.Context(), actor, req.Burgerservicenummer, req.Formaat)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	name := "inzagerapport"
	if rep.Found {
		name += "-" + rep.Youth.Reference
	}
	var b bytes.Buffer
	switch req.Formaat {
	case "json":
		writeJSON(w, http.StatusOK, accessReport(rep))
		return
	case "html":
		err = report.HTML(&b, rep)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Security-Policy", report.ContentSecurityPolicy)
		w.Header().Set("Content-Disposition", `inline; filename="`+name+`.html"`)
	case "pdf":
		err = report.PDF(&b, rep)
		w.Header().Set("Content-Type", "application/pdf")
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.pdf"`)
	}
	if err != nil {
		w.Header().Del("Content-Disposition")
		w.Header().Del("Content-Security-Policy")
		h.fail(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	w.Write(b.Bytes())
}
