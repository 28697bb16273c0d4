package synchronisation

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/registration"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// checked is one line after its checks: ready to register, or refused.
type checked struct {
	index   int // from 0
	prep    registration.Prepared
	actor   usecase.Actor
	refusal *model.SyncRefusal
}

// listFacts is what is known of the whole list before any line is applied.
type listFacts struct {
	// onList holds the BSN hash and kind of every line whose BSN passes the
	// 11-check and whose kind is known, refused or not: a complete list
	// never ends a registration because its line was refused.
	onList map[string]bool
	kinds  map[model.Kind]bool
	// earlier maps a line to the earlier line with the same BSN and kind.
	earlier map[int]int
}

func listKey(hash []byte, kind model.Kind) string { return string(kind) + "\x00" + string(hash) }

func (s *Service) facts(lines []Line) listFacts {
	f := listFacts{onList: map[string]bool{}, kinds: map[model.Kind]bool{}, earlier: map[int]int{}}
	first := map[string]int{}
	for i, l := range lines {
		kind := model.Kind(strings.TrimSpace(l.Kind))
		bsn := strings.TrimSpace(l.BSN)
		if !kind.Valid() || model.CheckBSN("burgerservicenummer", bsn) != nil {
			continue
		}
		key := listKey(s.Keys.Hash("bsn", bsn), kind)
		f.onList[key], f.kinds[kind] = true, true
		if j, ok := first[key]; ok {
			f.earlier[i] = j
		} else {
			first[key] = i
		}
	}
	return f
}

// professionals resolves the responsible professional of each line, once
// per address, as the API does for one registration (auth.ActingProfessional).
type professionals struct {
	s      *Service
	caller Caller
	known  map[string]professionalOrErr
}

type professionalOrErr struct {
	p   model.Professional
	err error
}

func (ps *professionals) get(ctx context.Context, email string) (model.Professional, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	if up := ps.caller.Uploader; email == "" && up != nil && up.OrganisationID == ps.caller.Organisation.ID {
		return *up, nil
	}
	if email == "" {
		return model.Professional{}, model.InvalidField("medewerker", "Een koppeling moet de verantwoordelijke medewerker noemen: vul 'medewerker' met het e-mailadres van een medewerker van uw organisatie.")
	}
	if r, ok := ps.known[email]; ok {
		return r.p, r.err
	}
	var p model.Professional
	err := ps.s.view(ctx, func(tx *storage.Tx) error {
		var err error
		p, err = tx.ProfessionalByEmail(ctx, email)
		if err == storage.ErrNotFound || (err == nil && (p.OrganisationID != ps.caller.Organisation.ID || !p.Active)) {
			return model.InvalidField("medewerker", "Er is geen actieve medewerker van uw organisatie met dit e-mailadres.")
		}
		return err
	})
	if err == nil || isLineFault(err) {
		ps.known[email] = professionalOrErr{p, err}
	}
	return p, err
}

// check runs every check of line i that needs no transaction, as one
// registration sent by itself gets them (registration.Prepare). A line's
// own fault refuses it; any other error stops the synchronisation.
func (s *Service) check(ctx context.Context, c Caller, ps *professionals, f listFacts, lines []Line, i int) (checked, error) {
	out := checked{index: i}
	l := lines[i]
	if j, dup := f.earlier[i]; dup {
		out.refusal = refusal(i, model.InvalidField("burgerservicenummer",
			fmt.Sprintf("Deze jeugdige staat met dezelfde soort al op regel %d van de lijst.", j+1)))
		return out, nil
	}
	in, err := registering(l, c.RequireBirthDate)
	if err == nil {
		var p model.Professional
		if p, err = ps.get(ctx, l.Professional); err == nil {
			out.actor = usecase.Actor{Professional: p, Organisation: c.Organisation, TokenID: c.TokenID, Source: c.Source}
			out.prep, err = s.Registrations.Prepare(ctx, out.actor, in)
		}
	}
	if err != nil && isLineFault(err) {
		out.refusal = refusal(i, err)
		return out, nil
	}
	return out, err
}

// registering reads a line's text into a registration, with the Dutch
// messages the API gives for one registration.
func registering(l Line, birthDateRequired bool) (registration.Registering, error) {
	in := registration.Registering{
		BSN: strings.TrimSpace(l.BSN), Kind: model.Kind(strings.TrimSpace(l.Kind)), BirthDateRequired: birthDateRequired,
		Parents: model.Informed(strings.TrimSpace(l.Parents)), Youth: model.Informed(strings.TrimSpace(l.Youth)),
	}
	var inv []model.InvalidParam
	if d, ok := day(l.BirthDate); !ok {
		inv = append(inv, model.InvalidParam{Name: "geboortedatum", Reason: "Geef de geboortedatum als jjjj-mm-dd, bijvoorbeeld 2012-12-30."})
	} else {
		in.BirthDate = d
	}
	if d, ok := day(l.EndDate); !ok {
		inv = append(inv, model.InvalidParam{Name: "einddatum", Reason: "Geef de einddatum als jjjj-mm-dd, bijvoorbeeld 2027-06-30."})
	} else {
		in.EndDate = d
	}
	return in, model.Invalid("De regel is niet verwerkt: controleer de gemarkeerde velden.", inv...)
}

// day reads an optional date: nil for none, false when it is no date.
func day(s string) (*time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, true
	}
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		return nil, false
	}
	return &d, true
}

// refusal is line i refused for err, field by field.
func refusal(i int, err error) *model.SyncRefusal {
	r := &model.SyncRefusal{Line: i + 1}
	for _, p := range model.ErrorParams(err) {
		r.Problems = append(r.Problems, model.SyncProblem{Field: p.Name, Reason: p.Reason})
	}
	if len(r.Problems) == 0 {
		field := "regel"
		if model.ErrorCode(err) == model.EFORBIDDEN {
			field = "medewerker" // a monitoring account cannot register
		}
		r.Problems = []model.SyncProblem{{Field: field, Reason: model.ErrorMessage(err)}}
	}
	return r
}
