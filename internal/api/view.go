package api

import (
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// The JSON shapes of the API, Dutch as the OpenAPI document describes them.

type organisationView struct {
	ID   int64  `json:"id"`
	Naam string `json:"naam"`
	Type string `json:"type"`
}

type professionalView struct {
	Naam     string `json:"naam"`
	Telefoon string `json:"telefoon"`
	Email    string `json:"email"`
}

type involvementView struct {
	Registratie int64            `json:"registratie"`
	Organisatie organisationView `json:"organisatie"`
	Medewerker  professionalView `json:"medewerker"`
	Soort       model.Kind       `json:"soort"`
	Urgent      bool             `json:"urgent"`
	Sinds       time.Time        `json:"sinds"`
}

// coordinatorView is the coordinating organisation and how far its job got;
// mogelijkheden only where the caller's options are known (the youth's page
// and the answers to the coordination actions).
type coordinatorView struct {
	Organisatie    organisationView  `json:"organisatie"`
	Regel          string            `json:"regel"`
	Reden          string            `json:"reden"`
	Sinds          time.Time         `json:"sinds"`
	Status         string            `json:"status"`
	Medewerker     *professionalView `json:"medewerker"`
	AccepterenVoor *time.Time        `json:"accepterenVoor"`
	BesluitOp      *time.Time        `json:"besluitOp"`
	RedenNietNodig *model.NotNeeded  `json:"redenNietNodig"`
	Overdracht     *handoverView     `json:"overdracht"`
	Mogelijkheden  *optionsView      `json:"mogelijkheden,omitempty"`
}

// handoverView is an open proposal to hand coordination over.
type handoverView struct {
	Naar            organisationView `json:"naar"`
	VoorgesteldDoor professionalView `json:"voorgesteldDoor"`
	VoorgesteldOp   time.Time        `json:"voorgesteldOp"`
}

// optionsView says what the caller may do about the coordination.
type optionsView struct {
	Accepteren           bool               `json:"accepteren"`
	NietNodig            bool               `json:"nietNodig"`
	Overdragen           bool               `json:"overdragen"`
	OverdrachtAccepteren bool               `json:"overdrachtAccepteren"`
	OverdrachtWeigeren   bool               `json:"overdrachtWeigeren"`
	OverdrachtIntrekken  bool               `json:"overdrachtIntrekken"`
	Afsluiten            bool               `json:"afsluiten"`
	Kandidaten           []organisationView `json:"kandidaten"`
}

func contactPerson(p model.Professional) professionalView {
	return professionalView{Naam: p.Name, Telefoon: p.Phone, Email: p.Email}
}

// coordinator is the JSON of a coordinator, nil for none; options adds what
// the caller may do.
func coordinator(c *usecase.Coordinator, options bool) *coordinatorView {
	if c == nil {
		return nil
	}
	out := &coordinatorView{
		Organisatie: organisation(c.Organisation), Regel: c.Rule, Reden: c.Reason, Sinds: c.Since,
		Status: c.Status, AccepterenVoor: c.AcceptDue, BesluitOp: c.DecidedAt,
	}
	if c.Professional != nil {
		m := contactPerson(*c.Professional)
		out.Medewerker = &m
	}
	if c.NotNeeded != "" {
		reason := c.NotNeeded
		out.RedenNietNodig = &reason
	}
	if h := c.Handover; h != nil {
		out.Overdracht = &handoverView{Naar: organisation(h.To), VoorgesteldDoor: contactPerson(h.ProposedBy), VoorgesteldOp: h.ProposedAt}
	}
	if options {
		m := c.May
		out.Mogelijkheden = &optionsView{
			Accepteren: m.Accept, NietNodig: m.NotNeeded, Overdragen: m.ProposeHandover,
			OverdrachtAccepteren: m.DecideHandover, OverdrachtWeigeren: m.DecideHandover, OverdrachtIntrekken: m.WithdrawHandover,
			Afsluiten: m.Close, Kandidaten: make([]organisationView, 0, len(m.Candidates)),
		}
		for _, o := range m.Candidates {
			out.Mogelijkheden.Kandidaten = append(out.Mogelijkheden.Kandidaten, organisation(o))
		}
	}
	return out
}

type youthView struct {
	Referentie    string `json:"referentie"`
	Naam          string `json:"naam"`
	Geboortedatum string `json:"geboortedatum"`
	Leeftijd      int    `json:"leeftijd"`
	Gemeente      string `json:"gemeente"`
}

// informedView says whether the parents and the youth were informed.
type informedView struct {
	Ouders   model.Informed `json:"ouders"`
	Jeugdige model.Informed `json:"jeugdige"`
}

type registrationView struct {
	ID          int64             `json:"id"`
	Soort       model.Kind        `json:"soort"`
	Urgent      bool              `json:"urgent"`
	Status      string            `json:"status"`
	Sinds       time.Time         `json:"sinds"`
	Einddatum   *string           `json:"einddatum"`
	GeldigTot   string            `json:"geldigTot"`
	VerlengdOp  *time.Time        `json:"verlengdOp"`
	BeeindigdOp *time.Time        `json:"beeindigdOp"`
	RedenEinde  *string           `json:"redenEinde"`
	Informatie  informedView      `json:"informatie"`
	Jeugdige    youthView         `json:"jeugdige"`
	Match       *bool             `json:"match,omitempty"`
	Betrokkenen []involvementView `json:"betrokkenen,omitzero"`
	Coordinator *coordinatorView  `json:"coordinator,omitempty"`
	Bericht     string            `json:"bericht,omitempty"`
}

func organisation(o model.Organisation) organisationView {
	return organisationView{ID: o.ID, Naam: o.Name, Type: string(o.Type)}
}

func youth(y usecase.Youth) youthView {
	return youthView{
		Referentie: y.Reference, Naam: y.Person.FullName(), Geboortedatum: y.Person.BirthDate.Format("2006-01-02"),
		Leeftijd: y.Age, Gemeente: y.Person.Municipality,
	}
}

func newRegistrationView(r model.Registration, y usecase.Youth) registrationView {
	out := registrationView{
		ID: r.ID, Soort: r.Kind, Urgent: r.Urgent, Status: "actief", Sinds: r.CreatedAt, Jeugdige: youth(y),
		GeldigTot: r.ExpiresOn.Format("2006-01-02"), VerlengdOp: r.RenewedAt,
		Informatie: informedView{Ouders: r.ParentsInformed, Jeugdige: r.YouthInformed},
	}
	if r.EndDate != nil {
		d := r.EndDate.Format("2006-01-02")
		out.Einddatum = &d
	}
	if r.EndedAt != nil {
		reason := string(r.EndReason)
		out.Status, out.BeeindigdOp, out.RedenEinde = "beeindigd", r.EndedAt, &reason
	}
	return out
}

// withPicture adds who is involved and who coordinates; betrokkenen is then
// always a list, empty when the caller may not see it.
func withPicture(out registrationView, p usecase.Picture, visible bool) registrationView {
	out.Betrokkenen = []involvementView{}
	if !visible {
		return out
	}
	out.Betrokkenen = involvements(p.Involved)
	out.Coordinator = coordinator(p.Coordinator, false)
	return out
}

func involvements(in []model.Involvement) []involvementView {
	out := make([]involvementView, 0, len(in))
	for _, i := range in {
		out = append(out, involvementView{
			Registratie: i.Registration.ID,
			Organisatie: organisation(i.Organisation),
			Medewerker:  professionalView{Naam: i.Professional.Name, Telefoon: i.Professional.Phone, Email: i.Professional.Email},
			Soort:       i.Registration.Kind, Urgent: i.Registration.Urgent, Sinds: i.Registration.CreatedAt,
		})
	}
	return out
}
