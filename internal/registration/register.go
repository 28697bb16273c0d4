package registration

import (
	"context"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/coordination"
	"github.com/jeugdketen/jeugdketen/internal/family"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// Registering is what a professional or client system submits.
type Registering struct {
	BSN string
	// BirthDate, when given, must be the birth date the population register
	// has for the BSN: a typo in the BSN then finds no other child.
	BirthDate *time.Time
	// BirthDateRequired refuses a registration without a birth date: the web
	// form always, the API when the region asks it (--require-birth-date).
	BirthDateRequired bool
	Kind              model.Kind
	Urgent            bool
	EndDate           *time.Time // optional planned last day
	// Whether the parents and the youth were informed; empty: the default
	// for the youth's age (model.DefaultParentsInformed, DefaultYouthInformed).
	Parents model.Informed
	Youth   model.Informed
}

// Registered is the answer to a registration: the registration, everyone
// involved now, the coordinator and a Dutch message for the caller.
type Registered struct {
	Registration model.Registration
	Created      bool // false: an active registration of this kind already existed
	// EndDateChanged: the registration existed, and the end date sent with
	// it again replaced the one it had.
	EndDateChanged bool
	// InformedChanged: the registration existed, and the informing sent with
	// it again replaced what was recorded.
	InformedChanged bool
	usecase.Picture
	Match   bool // another organisation is involved
	Message string
}

// Register records that the actor's organisation is involved with or worried
// about a youth. In one transaction it stores the registration, records the
// match when another organisation is involved, (re)assigns the coordinator by
// the covenant, writes the audit record and queues the messages.
func (s *Service) Register(ctx context.Context, actor usecase.Actor, in Registering) (Registered, error) {
	p, err := s.Prepare(ctx, actor, in)
	if err != nil {
		return Registered{}, err
	}
	var out Registered
	var y model.Youth
	// One registration is one event: each professional it concerns gets
	// one e-mail, and the actor none for what the answer told them.
	ev := usecase.ActorSees(actor, KindMatch, KindAlone, coordination.KindCoordinator)
	ev.Lead = []string{KindMatch}
	err = s.DB.Update(ctx, func(tx *storage.Tx) error {
		return s.OneMailEach(ctx, tx, ev, func(ctx context.Context) error {
			var err error
			out, y, err = s.RegisterInTx(ctx, tx, actor, p, s.Now())
			return err
		})
	})
	if err != nil {
		return Registered{}, err
	}
	// The picture for the answer is read after the commit, so that the one
	// writer (storage/group_commit.go) spends its time on writing only. Should
	// this read fail, a client that sends again gets the registration it made.
	err = s.DB.View(ctx, func(tx *storage.Tx) error {
		var err error
		out.Picture, err = s.PictureOf(ctx, tx, y)
		return err
	})
	if err != nil {
		return Registered{}, err
	}
	out.Match = out.OtherOrganisations(actor.Organisation.ID) > 0
	out.Message = registeredMessage(out, actor)
	return out, nil
}

// Prepared is a registration that passed every check that needs no
// transaction: the fields, the population register, the age and the
// informing. RegisterInTx stores it.
type Prepared struct {
	in, given Registering // given: the informing as sent, before the defaults fill it in
	person    model.Person
	sealed    []byte
}

// Kind is the kind of registration prepared.
func (p Prepared) Kind() model.Kind { return p.in.Kind }

// Prepare checks a registration for the actor's organisation and looks the
// youth up in the population register. It changes nothing.
func (s *Service) Prepare(ctx context.Context, actor usecase.Actor, in Registering) (Prepared, error) {
	if actor.Professional.Monitoring {
		return Prepared{}, model.Errorf(model.EFORBIDDEN, "Een monitoringsaccount kan niet registreren.")
	}
	today := usecase.Today(s.Now())
	if err := s.checkRegistering(actor, in, today); err != nil {
		return Prepared{}, err
	}
	person, err := s.identify(ctx, in, today)
	if err != nil {
		return Prepared{}, err
	}
	age := model.AgeOn(person.BirthDate, today)
	if err := model.Invalid("De registratie is niet opgeslagen: controleer de gemarkeerde velden.", model.CheckInformed(in.Parents, in.Youth, age)...); err != nil {
		return Prepared{}, err
	}
	p := Prepared{in: in, given: in, person: person}
	if p.in.Parents == "" {
		p.in.Parents = model.DefaultParentsInformed(age)
	}
	if p.in.Youth == "" {
		p.in.Youth = model.DefaultYouthInformed(age)
	}
	if p.sealed, err = s.Keys.SealJSON(person); err != nil {
		return Prepared{}, err
	}
	return p, nil
}

// RegisterInTx stores a prepared registration in tx: the one place where a
// registration is made, for one registration (Register) and for a client
// system's list (internal/synchronisation) alike. It records the match when
// another organisation is involved, (re)assigns the coordinator by the
// covenant, writes the audit record and sends the messages; run it inside
// OneMailEach. A registration that exists already is answered as it is,
// its end date and informing updated to what was sent.
func (s *Service) RegisterInTx(ctx context.Context, tx *storage.Tx, actor usecase.Actor, p Prepared, now time.Time) (Registered, model.Youth, error) {
	var out Registered
	in, given, person := p.in, p.given, p.person
	y, err := s.findOrCreateYouth(ctx, tx, in.BSN, p.sealed, person.Municipality, storage.PersonAddressKey(s.Keys, person), now)
	if err != nil {
		return out, y, err
	}
	existing, err := tx.ActiveRegistrationOf(ctx, y.ID, actor.Organisation.ID, in.Kind)
	switch err {
	case nil:
		// A client system resends: answer with what exists, send
		// nothing. An end date sent along is applied, as SetEndDate
		// would, and the answer says so.
		out.Registration = existing
		if in.EndDate != nil && !sameDay(existing.EndDate, in.EndDate) {
			if err := s.changeEndDate(ctx, tx, actor, y, &out.Registration, in.EndDate, now); err != nil {
				return out, y, err
			}
			out.EndDateChanged = true
		}
		if out.InformedChanged, err = s.applyInformed(ctx, tx, actor, y, &out.Registration, given.Parents, given.Youth, now); err != nil {
			return out, y, err
		}
	case storage.ErrNotFound:
		if out.Registration, err = s.add(ctx, tx, actor, y, in, now); err != nil {
			return out, y, err
		}
		out.Created = true
	default:
		return out, y, err
	}
	return out, y, nil
}

// add stores a new registration and does what follows from it.
func (s *Service) add(ctx context.Context, tx *storage.Tx, actor usecase.Actor, y model.Youth, in Registering, now time.Time) (model.Registration, error) {
	before, err := tx.Involvements(ctx, y.ID)
	if err != nil {
		return model.Registration{}, err
	}
	r := model.Registration{
		YouthID: y.ID, OrganisationID: actor.Organisation.ID, ProfessionalID: actor.Professional.ID,
		Kind: in.Kind, Urgent: in.Urgent, CreatedAt: now, EndDate: in.EndDate,
		ParentsInformed: in.Parents, YouthInformed: in.Youth, ExpiresOn: s.TermEnd(usecase.Today(now)),
	}
	if err := tx.CreateRegistration(ctx, &r); err != nil {
		return r, err
	}
	audit.Write(ctx, tx, now, audit.Entry{
		Actor: actor.AuditActor(), Action: audit.ActionCreate, ObjectType: "registratie", ObjectID: usecase.Itoa(r.ID),
		YouthReference: y.Reference, Purpose: "Jeugdwet 7.1.4: melding in de verwijsindex",
	})
	after, err := tx.Involvements(ctx, y.ID)
	if err != nil {
		return r, err
	}
	decision, err := s.Coordinations.Coordinate(ctx, tx, y, after, now)
	if err != nil {
		return r, err
	}
	if err := s.match(ctx, tx, y, r, before, after, coordinationLine(decision, after), now); err != nil {
		return r, err
	}
	return r, s.notifyArchive(ctx, tx, y, r, after, now)
}

// match records a match for each organisation already involved when the
// registering organisation is new to this youth, and tells everyone. When
// nobody else is involved the registering professional is told the
// initiative is theirs (seed 002).
func (s *Service) match(ctx context.Context, tx *storage.Tx, y model.Youth, r model.Registration, before, after []model.Involvement, status string, now time.Time) error {
	for _, in := range before {
		if in.Organisation.ID == r.OrganisationID {
			return nil // the organisation was involved already: no newcomer
		}
	}
	var newcomer model.Involvement
	for _, in := range after {
		if in.Registration.ID == r.ID {
			newcomer = in
		}
	}
	if len(before) == 0 {
		return s.Send(ctx, tx, aloneMessage(y, newcomer, s.BaseURL, now))
	}
	paired := map[int64]bool{}
	for _, in := range before {
		if paired[in.Organisation.ID] {
			continue
		}
		paired[in.Organisation.ID] = true
		if _, err := tx.RecordMatch(ctx, y.ID, in.Organisation.ID, r.OrganisationID, r.ID, now); err != nil {
			return err
		}
	}
	return s.Send(ctx, tx, matchMessages(y, newcomer, after, status, s.BaseURL, now)...)
}

// findOrCreateYouth finds the youth or records it, and holds it until the
// transaction ends (see storage.LockYouth).
func (s *Service) findOrCreateYouth(ctx context.Context, tx *storage.Tx, bsn string, sealed []byte, municipality string, addressHash []byte, now time.Time) (model.Youth, error) {
	y, created, err := tx.LockYouth(ctx, model.Youth{
		BSNHash: s.Keys.Hash("bsn", bsn), Reference: usecase.NewReference(), Person: sealed, Municipality: municipality, AddressHash: addressHash,
	}, now)
	if err != nil || created {
		return y, err
	}
	// Keep the snapshot and the address as the register has them now.
	if err := tx.UpdateYouthPerson(ctx, y.ID, sealed, municipality, addressHash); err != nil {
		return y, err
	}
	from := y.Municipality
	y.Person, y.Municipality, y.AddressHash = sealed, municipality, addressHash
	if family.Moved(from, municipality) { // those involved before this registration are told (move.go)
		if _, err := s.Families.NoticeMove(ctx, tx, y, from, municipality, now); err != nil {
			return y, err
		}
	}
	return y, nil
}

func (s *Service) checkRegistering(actor usecase.Actor, in Registering, today time.Time) error {
	var inv []model.InvalidParam
	if err := model.CheckBSN("burgerservicenummer", in.BSN); err != nil {
		inv = append(inv, model.ErrorParams(err)...)
	}
	if in.BirthDate == nil && in.BirthDateRequired {
		inv = append(inv, model.InvalidParam{Name: "geboortedatum", Reason: "Vul de geboortedatum van de jeugdige in."})
	}
	if !in.Kind.Valid() {
		inv = append(inv, model.InvalidParam{Name: "soort", Reason: "Kies de soort registratie: 'signaal' of 'ketenregistratie'."})
	} else if err := model.MayRegister(actor.Organisation, in.Kind); model.ErrorCode(err) == model.EINVALID {
		inv = append(inv, model.ErrorParams(err)...)
	} else if err != nil {
		return err
	}
	if in.Urgent && in.Kind == model.KindKetenregistratie {
		inv = append(inv, model.InvalidParam{Name: "urgent", Reason: "Alleen een signaal kan urgent zijn, een ketenregistratie niet."})
	}
	if in.EndDate != nil {
		if p := endDateProblem(*in.EndDate, today, s.TermEnd(today)); p != nil {
			inv = append(inv, *p)
		}
	}
	inv = append(inv, model.CheckInformed(in.Parents, in.Youth, -1)...)
	return model.Invalid("De registratie is niet opgeslagen: controleer de gemarkeerde velden.", inv...)
}
