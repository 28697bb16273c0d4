// Package demo fills a fresh database with a demo region: organisations of
// every kind, two professionals each, a regional administrator, a
// municipality with its monitoring account, the RvIG test persons as
// population register, API tokens, and a first few registrations so the
// inboxes are not empty, among them two children of one household with a
// relation to their father. It uses the real use cases, not shortcuts,
// except for the year of history behind the monitoring figures (history.go).
package demo

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/family"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/plan"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/region"
	"github.com/jeugdketen/jeugdketen/internal/registration"
	"github.com/jeugdketen/jeugdketen/internal/registry"
	"github.com/jeugdketen/jeugdketen/internal/secret"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// Login is a demo professional with an API token.
type Login struct {
	Name         string `json:"naam"`
	Email        string `json:"email"`
	Phone        string `json:"telefoon"`
	Organisation string `json:"organisatie"`
	OrgID        int64  `json:"organisatieId"`
	Type         string `json:"type"`
	Role         string `json:"rol"`
	Admin        bool   `json:"regiobeheerder"`
	Monitoring   bool   `json:"monitoring"` // the municipality's monitoring account: figures only
	Token        string `json:"token"`
	Password     string `json:"wachtwoord"`
	TOTPSecret   string `json:"totpGeheim"`
}

// Password is every demo professional's password. The demo's professionals
// have their second factor set up already; demo prints each TOTP secret, and
// "jeugdketen totp SECRET" prints the current code. It counts as their own
// choice, not as an initial password from the administrator, so the printed
// logins keep working and nobody is asked to change it at the first login.
const Password = "jeugdketen-demo"

// ClientSystem is an organisation's client-system token.
type ClientSystem struct {
	Organisation string `json:"organisatie"`
	OrgID        int64  `json:"organisatieId"`
	Token        string `json:"token"`
	ActsFor      string `json:"medewerker"`
}

// Youth is a test person to try registrations with.
type Youth struct {
	BSN       string `json:"burgerservicenummer"`
	Name      string `json:"naam"`
	Born      string `json:"geboortedatum"`
	Note      string `json:"toelichting"`
	Reference string `json:"referentie,omitempty"` // set when the demo registered the youth
}

// Family says where to look at the household of the demo: a professional
// involved with one of its children, and that child's reference.
type Family struct {
	Email     string `json:"email"`
	Token     string `json:"token"`
	Reference string `json:"referentie"`
}

// Region is what Seed made, printed by the demo and saved as demo.json.
type Region struct {
	Professionals []Login        `json:"medewerkers"`
	ClientSystems []ClientSystem `json:"koppelingen"`
	Youths        []Youth        `json:"jeugdigen"`
	Family        Family         `json:"gezin"`
	History       History        `json:"geschiedenis"`
}

// History says what the demo's year of history holds (history.go).
type History struct {
	Municipality  string `json:"gemeente"`
	Registrations int    `json:"registraties"`
	Youths        int    `json:"jeugdigen"`
	Months        int    `json:"maandenGemaakt"` // months whose monitoring figures were made
}

var organisations = []struct {
	name, typ string
	people    [2][2]string // name, e-mail user
}{
	{"Basisschool De Regenboog", "onderwijs", [2][2]string{{"Marieke de Vries", "m.devries"}, {"Ahmed El Amrani", "a.elamrani"}}},
	{"Stedelijk College", "onderwijs", [2][2]string{{"Sanne Bakker", "s.bakker"}, {"Tom Hendriks", "t.hendriks"}}},
	{"Kinderopvang Zonnebloem", "kinderopvang", [2][2]string{{"Lotte Smits", "l.smits"}, {"Fatima Ouali", "f.ouali"}}},
	{"Politie Eenheid Oost-Brabant", "politie", [2][2]string{{"Kees van Dijk", "k.vandijk"}, {"Iris Mulder", "i.mulder"}}},
	{"Leerplicht Regio Eindhoven", "leerplicht", [2][2]string{{"Ruud Verhoeven", "r.verhoeven"}, {"Noor Jacobs", "n.jacobs"}}},
	{"GGD Jeugdgezondheidszorg", "jgz", [2][2]string{{"Anouk Peters", "a.peters"}, {"Bas Willems", "b.willems"}}},
	{"Schoolmaatschappelijk Werk Eindhoven", "smw", [2][2]string{{"Eva van den Berg", "e.vandenberg"}, {"Yusuf Demir", "y.demir"}}},
	{"Algemeen Maatschappelijk Werk De Kempen", "amw", [2][2]string{{"Linda Janssen", "l.janssen"}, {"Mark Vos", "m.vos"}}},
	{"Wijkteam Eindhoven-Centrum", "wijkteam", [2][2]string{{"Sophie Koster", "s.koster"}, {"Daan Meijer", "d.meijer"}}},
	{"Jeugdhulp De Combinatie", "jeugdhulp", [2][2]string{{"Femke Dekker", "f.dekker"}, {"Joost Brouwer", "j.brouwer"}}},
	{"GGZ Kempenland", "ggz", [2][2]string{{"Mirjam de Groot", "m.degroot"}, {"Rik Kuipers", "r.kuipers"}}},
	{"Veilig Thuis Zuidoost-Brabant", "veilig-thuis", [2][2]string{{"Ingrid Maas", "i.maas"}, {"Hans Bosman", "h.bosman"}}},
	{"Gecertificeerde Instelling Brabant", "gi", [2][2]string{{"Karin Visser", "k.visser"}, {"Peter Smeets", "p.smeets"}}},
}

// Seed builds the demo region in an empty database.
func Seed(ctx context.Context, db *storage.DB, keys *secret.Keys, reg *registry.Service, adm *region.Service, people *auth.People) (Region, error) {
	var out Region
	who := audit.Actor{Role: "beheerder", Source: "demo"}
	if err := storage.NewLocalRegister(db, keys).Import(ctx, population.TestPersons(), time.Now()); err != nil {
		return out, err
	}
	actors := map[string]usecase.Actor{}
	for i, o := range organisations {
		org, err := adm.CreateOrganisation(ctx, who, model.Organisation{Name: o.name, Type: model.OrgType(o.typ), Municipality: "Eindhoven"})
		if err != nil {
			return out, err
		}
		domain := strings.ToLower(strings.NewReplacer(" ", "", "-", "").Replace(strings.Fields(o.name)[0])) + ".example"
		for j, person := range o.people {
			p, err := adm.CreateProfessional(ctx, who, model.Professional{
				OrganisationID: org.ID, Name: person[0], Email: person[1] + "@" + domain,
				Phone: fmt.Sprintf("040-%03d %02d %02d", 200+i, 10+j, 30+i), Admin: o.typ == "wijkteam" && j == 0,
			})
			if err != nil {
				return out, err
			}
			token, err := adm.CreateProfessionalToken(ctx, who, p.Email)
			if err != nil {
				return out, err
			}
			if err := people.SetChosenPassword(ctx, who, p.ID, Password); err != nil {
				return out, err
			}
			totp, err := people.EnrolDirectly(ctx, p.ID, p.Email)
			if err != nil {
				return out, err
			}
			actors[p.Email] = usecase.Actor{Professional: p, Organisation: org, Source: "demo"}
			out.Professionals = append(out.Professionals, Login{
				Name: p.Name, Email: p.Email, Phone: p.Phone, Organisation: org.Name, OrgID: org.ID,
				Type: string(org.Type), Role: string(org.Role), Admin: p.Admin, Token: token,
				Password: Password, TOTPSecret: totp,
			})
		}
		if o.typ == "onderwijs" || o.typ == "jgz" {
			token, err := adm.CreateOrganisationToken(ctx, who, org.ID)
			if err != nil {
				return out, err
			}
			out.ClientSystems = append(out.ClientSystems, ClientSystem{Organisation: org.Name, OrgID: org.ID, Token: token, ActsFor: out.Professionals[len(out.Professionals)-2].Email})
		}
	}
	monitor, err := municipality(ctx, adm, people, who)
	if err != nil {
		return out, err
	}
	out.Professionals = append(out.Professionals, monitor)
	out.Youths = youths()
	// A first story: the secondary school worries about Jason (13), school
	// social work already helps him; a primary school worries about Vincent (9).
	// Then a family: Daan (12) and his brother Hein (6) live with their
	// parents at one address. The secondary school and the primary school
	// worry; the wijkteam helps Daan, mental health care helps Hein, so the
	// household has two coordinators, who are told to agree.
	steps := []struct {
		email, bsn string
		kind       model.Kind
	}{
		{"s.bakker@stedelijk.example", population.BSNTeen, model.KindSignaal},
		{"e.vandenberg@schoolmaatschappelijk.example", population.BSNTeen, model.KindKetenregistratie},
		{"m.devries@basisschool.example", population.BSNChild, model.KindSignaal},
		{"t.hendriks@stedelijk.example", population.BSNSibling1, model.KindSignaal},
		{"d.meijer@wijkteam.example", population.BSNSibling1, model.KindKetenregistratie},
		{"a.elamrani@basisschool.example", population.BSNSibling2, model.KindSignaal},
		{"m.degroot@ggz.example", population.BSNSibling2, model.KindKetenregistratie},
	}
	refs := map[string]string{}
	for _, s := range steps {
		r, err := reg.Registrations.Register(ctx, actors[s.email], registration.Registering{BSN: s.bsn, Kind: s.kind})
		if err != nil {
			return out, fmt.Errorf("demo: registering for %s: %w", s.email, err)
		}
		refs[s.bsn] = r.Youth.Reference
	}
	for i := range out.Youths {
		out.Youths[i].Reference = refs[out.Youths[i].BSN]
	}
	// The wijkteam links Daan to his father, whom the register names.
	const familyEmail = "d.meijer@wijkteam.example"
	daan := refs[population.BSNSibling1]
	if _, err := reg.Families.Relate(ctx, actors[familyEmail], daan, family.Relating{BSN: population.BSNParent, Kind: family.RelationParent}); err != nil {
		return out, fmt.Errorf("demo: relation: %w", err)
	}
	// The wijkteam accepts coordinating Daan's care, calls the secondary
	// school that signalled and agrees a talk with the parents within a
	// week: the worklist and the youth page show the coordinator's job.
	// Jason's coordination is left to be accepted.
	if _, err := reg.Coordinations.AcceptCoordination(ctx, actors[familyEmail], daan, ""); err != nil {
		return out, fmt.Errorf("demo: accepting coordination: %w", err)
	}
	// The service's clock, not the wall clock: tests run the demo at a set day.
	today := usecase.Today(reg.Now())
	week := today.AddDate(0, 0, 7)
	if _, err := reg.Plans.CreateAgreement(ctx, actors[familyEmail], daan, plan.Agreeing{
		Action: "gesprek met ouders", Responsible: familyEmail, Start: &today, End: &week,
	}); err != nil {
		return out, fmt.Errorf("demo: agreement: %w", err)
	}
	picture, err := reg.YouthByReference(ctx, actors[familyEmail], daan)
	if err != nil {
		return out, err
	}
	for _, in := range picture.Involved {
		if in.Organisation.Type == model.TypeOnderwijs {
			if _, err := reg.Plans.RecordContact(ctx, actors[familyEmail], daan, in.Registration.ID, &today); err != nil {
				return out, fmt.Errorf("demo: contact: %w", err)
			}
		}
	}
	out.Family = Family{Email: familyEmail, Reference: daan}
	for _, p := range out.Professionals {
		if p.Email == familyEmail {
			out.Family.Token = p.Token
		}
	}
	// Last, so the walkthrough's organisations and youths are made as before.
	g, months, err := history(ctx, db, keys, reg, adm, who)
	if err != nil {
		return out, err
	}
	out.History = History{Municipality: historyMunicipality, Registrations: g.Registrations, Youths: g.Youths, Months: months}
	return out, nil
}

func youths() []Youth {
	list := []struct{ bsn, note string }{
		{population.BSNTeen, "13 jaar; school en schoolmaatschappelijk werk zijn al betrokken"},
		{population.BSNChild, "9 jaar; de basisschool heeft een signaal afgegeven"},
		{population.BSNYoungest, "6 jaar; nog niemand betrokken"},
		{population.BSNSibling1, "12 jaar; broer van de volgende, zelfde adres; het wijkteam coördineert"},
		{population.BSNSibling2, "6 jaar; broer van de vorige, zelfde adres; GGZ coördineert"},
		{population.BSNSecret, "7 jaar; geheim in de BRP (indicatie geheim): geen adresoverzicht, geen huisgenoten"},
		{population.BSNYoungAdult, "19 jaar"},
		{population.BSNTurns24Soon, "23 jaar; wordt binnenkort 24, dan eindigen registraties"},
		{population.BSNAdult, "volwassene (40): registreren wordt geweigerd"},
		{"123456789", "geen geldig BSN (elfproef): registreren wordt geweigerd"},
	}
	byBSN := map[string]model.Person{}
	for _, r := range population.TestPersons() {
		byBSN[r.Person.BSN] = r.Person
	}
	var out []Youth
	for _, y := range list {
		p := byBSN[y.bsn]
		born := ""
		if !p.BirthDate.IsZero() {
			born = p.BirthDate.Format("2006-01-02")
		}
		out = append(out, Youth{BSN: y.bsn, Name: p.FullName(), Born: born, Note: y.note})
	}
	return out
}
