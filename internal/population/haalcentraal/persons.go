package haalcentraal

import (
	"context"
	"regexp"
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
)

// The fields asked for a person: what model.Person holds, and for a whole
// record also the street, town and parents. Nothing more: the register
// logs what each application asks, and the index needs no more.
var (
	personFields = []string{
		"burgerservicenummer", "naam.voornamen", "naam.voorvoegsel", "naam.geslachtsnaam",
		"geboorte.datum", "geslacht", "gemeenteVanInschrijving",
		"verblijfplaats.verblijfadres.postcode", "verblijfplaats.verblijfadres.huisnummer",
		"verblijfplaats.verblijfadres.huisletter", "verblijfplaats.verblijfadres.huisnummertoevoeging",
	}
	recordFields = append(append([]string{}, personFields...),
		"verblijfplaats.verblijfadres.officieleStraatnaam", "verblijfplaats.verblijfadres.korteStraatnaam",
		"verblijfplaats.verblijfadres.woonplaats", "ouders.burgerservicenummer",
	)
)

// maxBSNs is how many persons one RaadpleegMetBurgerservicenummer may ask.
const maxBSNs = 20

// Dutch messages about a person.
const (
	msgUnknown    = "Deze persoon staat niet in de basisregistratie personen (BRP). Controleer het burgerservicenummer."
	msgSuspended  = "De basisregistratie personen (BRP) houdt deze persoon niet meer bij (bijvoorbeeld overleden of naar het buitenland vertrokken); registreren kan niet."
	msgBirthDate  = "De geboortedatum van deze persoon is in de basisregistratie personen (BRP) onvolledig, dus de leeftijd is niet te bepalen; registreren kan niet."
	msgPostcode   = "Vul een postcode in als 1234AB."
	msgHouseNumbr = "Vul een huisnummer in als 12, 12A of 12-2."
)

// The answer's parts the client reads.
type (
	answer struct {
		Personen []persoon `json:"personen"`
	}
	persoon struct {
		Burgerservicenummer string `json:"burgerservicenummer"`
		Naam                struct {
			Voornamen     string `json:"voornamen"`
			Voorvoegsel   string `json:"voorvoegsel"`
			Geslachtsnaam string `json:"geslachtsnaam"`
		} `json:"naam"`
		Geboorte struct {
			Datum datum `json:"datum"`
		} `json:"geboorte"`
		Geslacht                waardetabel `json:"geslacht"`
		GemeenteVanInschrijving waardetabel `json:"gemeenteVanInschrijving"`
		Verblijfplaats          struct {
			Type          string `json:"type"`
			Verblijfadres struct {
				OfficieleStraatnaam  string `json:"officieleStraatnaam"`
				KorteStraatnaam      string `json:"korteStraatnaam"`
				Huisnummer           int    `json:"huisnummer"`
				Huisletter           string `json:"huisletter"`
				Huisnummertoevoeging string `json:"huisnummertoevoeging"`
				Postcode             string `json:"postcode"`
				Woonplaats           string `json:"woonplaats"`
			} `json:"verblijfadres"`
		} `json:"verblijfplaats"`
		Ouders []struct {
			Burgerservicenummer string `json:"burgerservicenummer"`
		} `json:"ouders"`
		Kinderen []struct {
			Burgerservicenummer string `json:"burgerservicenummer"`
		} `json:"kinderen"`
		// Delivered by the register by itself, never asked in fields: true
		// when the person's data may not be given to third parties
		// (indicatie geheim), left out otherwise.
		GeheimhoudingPersoonsgegevens bool `json:"geheimhoudingPersoonsgegevens"`
		// Delivered by the register by itself when it no longer keeps the
		// person list (deceased, emigrated, …).
		OpschortingBijhouding *struct {
			Reden waardetabel `json:"reden"`
		} `json:"opschortingBijhouding"`
	}
	datum struct {
		Type  string `json:"type"` // Datum, JaarMaandDatum, JaarDatum, DatumOnbekend
		Datum string `json:"datum"`
	}
	waardetabel struct {
		Code string `json:"code"`
	}
)

// Lookup finds a person by BSN: the registry's PopulationRegister.
func (c *Client) Lookup(ctx context.Context, bsn string) (model.Person, error) {
	r, err := c.find(ctx, bsn, personFields)
	return r.Person, err
}

// Find finds a person by BSN with their address in parts and their parents.
func (c *Client) Find(ctx context.Context, bsn string) (population.Record, error) {
	return c.find(ctx, bsn, recordFields)
}

func (c *Client) find(ctx context.Context, bsn string, fields []string) (population.Record, error) {
	if err := model.CheckBSN("burgerservicenummer", bsn); err != nil {
		return population.Record{}, err
	}
	found, err := c.raadpleeg(ctx, []string{bsn}, fields)
	if err != nil {
		return population.Record{}, err
	}
	for _, p := range found {
		if p.Burgerservicenummer == bsn {
			return p.record()
		}
	}
	return population.Record{}, model.InvalidField("burgerservicenummer", msgUnknown)
}

func (c *Client) raadpleeg(ctx context.Context, bsns, fields []string) ([]persoon, error) {
	var a answer
	err := c.post(ctx, map[string]any{"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": bsns, "fields": fields}, &a)
	return a.Personen, err
}

// The contract's patterns for a postcode and a house number addition.
var (
	postcodePattern = regexp.MustCompile(`^[1-9][0-9]{3} ?[A-Za-z]{2}$`)
	additionPattern = regexp.MustCompile(`^[a-zA-Z0-9 \-]{1,4}$`)
)

// AtAddress returns everyone the register has at a Dutch address, with
// their parents: a household. houseNumber is written as model.Person writes
// it (12, 12A, 12-2). The search answers only BSNs (its answer schema,
// PersoonBeperkt, has no address or parents), so the persons are then
// looked up, twenty at a time. Persons the register no longer keeps are
// left out.
func (c *Client) AtAddress(ctx context.Context, postcode, houseNumber string) ([]population.Record, error) {
	var bad []model.InvalidParam
	if !postcodePattern.MatchString(strings.TrimSpace(postcode)) {
		bad = append(bad, model.InvalidParam{Name: "postcode", Reason: msgPostcode})
	}
	number, letter, addition, ok := population.SplitHouseNumber(houseNumber)
	if !ok || number > 99999 || addition != "" && !additionPattern.MatchString(addition) {
		bad = append(bad, model.InvalidParam{Name: "huisnummer", Reason: msgHouseNumbr})
	}
	if err := model.Invalid("Het adres is niet compleet of niet goed geschreven.", bad...); err != nil {
		return nil, err
	}
	q := map[string]any{
		"type": "ZoekMetPostcodeEnHuisnummer", "fields": []string{"burgerservicenummer"},
		"postcode": strings.TrimSpace(postcode), "huisnummer": number,
	}
	if letter != "" {
		q["huisletter"] = letter
	}
	if addition != "" {
		q["huisnummertoevoeging"] = addition
	}
	var a answer
	if err := c.post(ctx, q, &a); err != nil {
		return nil, err
	}
	var bsns []string
	for _, p := range a.Personen {
		if p.Burgerservicenummer != "" {
			bsns = append(bsns, p.Burgerservicenummer)
		}
	}
	var out []population.Record
	for len(bsns) > 0 {
		n := min(len(bsns), maxBSNs)
		found, err := c.raadpleeg(ctx, bsns[:n], recordFields)
		if err != nil {
			return nil, err
		}
		for _, p := range found {
			if r, err := p.record(); err == nil {
				out = append(out, r)
			}
		}
		bsns = bsns[n:]
	}
	return out, nil
}

// record turns the register's person into the index's. A person whose list
// is no longer kept, or whose birth date is incomplete, cannot be
// registered, and the local register leaves such persons out too.
func (p persoon) record() (population.Record, error) {
	if p.OpschortingBijhouding != nil {
		return population.Record{}, model.InvalidField("burgerservicenummer", msgSuspended)
	}
	birth, err := time.Parse("2006-01-02", p.Geboorte.Datum.Datum)
	if p.Geboorte.Datum.Type != "Datum" || err != nil {
		return population.Record{}, model.InvalidField("burgerservicenummer", msgBirthDate)
	}
	adres := p.Verblijfplaats.Verblijfadres
	r := population.Record{
		Person: model.Person{
			BSN:          p.Burgerservicenummer,
			GivenNames:   p.Naam.Voornamen,
			Prefix:       p.Naam.Voorvoegsel,
			FamilyName:   p.Naam.Geslachtsnaam,
			BirthDate:    birth,
			Sex:          sex(p.Geslacht.Code),
			Municipality: p.GemeenteVanInschrijving.Code,
			Secret:       p.GeheimhoudingPersoonsgegevens,
		},
		Address: population.Address{
			Street: adres.OfficieleStraatnaam, ShortStreet: adres.KorteStraatnaam,
			Number: adres.Huisnummer, Letter: adres.Huisletter, Addition: adres.Huisnummertoevoeging,
			Town: adres.Woonplaats,
		},
	}
	if p.Verblijfplaats.Type == "Adres" { // not abroad, not unknown
		r.Person.Postcode = strings.ToUpper(strings.ReplaceAll(adres.Postcode, " ", ""))
		r.Person.HouseNumber = r.Address.HouseNumber()
	}
	for _, o := range p.Ouders {
		if model.ValidBSN(o.Burgerservicenummer) {
			r.ParentBSNs = append(r.ParentBSNs, o.Burgerservicenummer)
		}
	}
	return r, nil
}

func sex(code string) string {
	switch code {
	case "M", "V":
		return code
	}
	return "O"
}
