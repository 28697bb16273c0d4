package plan

import (
	"context"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
	"github.com/jeugdketen/jeugdketen/internal/workday"
)

// Worklist is the coordinator's work across youths (issue 4, item 9): the
// youths the professional's organisation coordinates, the open agreements by
// due date, the signallers not yet contacted, handovers offered to the
// organisation and running escalations with their next deadline. Overdue
// items are marked.
type Worklist struct {
	Youths      []WorkYouth
	Agreements  []WorkAgreement
	Signallers  []WorkSignaller
	Handovers   []WorkHandover
	Escalations []WorkEscalation
	Overdue     int // items past their deadline, over all lists
}

// WorkYouth is a youth the organisation coordinates.
type WorkYouth struct {
	Youth        usecase.Youth
	Coordination model.Coordination
	Coordinator  *model.Professional // the named coordinating professional, once accepted
	// Overdue: still to be accepted after the acceptance deadline.
	Overdue bool
}

// WorkAgreement is an open agreement of a plan of action.
type WorkAgreement struct {
	Youth       usecase.Youth
	Agreement   model.DueAgreement
	Responsible model.Professional
	Mine        bool // the caller is the responsible professional
	Overdue     bool
}

// WorkSignaller is a signaller the coordinator has not recorded as contacted.
type WorkSignaller struct {
	Registration int64
	Youth        usecase.Youth
	Organisation model.Organisation
	Professional model.Professional
	Due          time.Time // remind after this moment
	Overdue      bool
}

// WorkHandover is a handover of coordination offered to the organisation.
type WorkHandover struct {
	Youth usecase.Youth
	From  model.Organisation
	Since time.Time
}

// WorkEscalation is a running escalation with its next step.
type WorkEscalation struct {
	Youth   usecase.Youth
	Step    string     // the next step, in Dutch
	Actor   string     // who must take it, in Dutch
	Due     *time.Time // nil: the step has no deadline (the coordinator executes the decision)
	Overdue bool
}

// worklistLimit bounds each list; a coordinator with more has a bigger problem.
const worklistLimit = 500

// Worklist returns the actor's worklist. A monitoring account has none.
func (s *Service) Worklist(ctx context.Context, actor usecase.Actor) (Worklist, error) {
	var w Worklist
	if actor.Professional.Monitoring {
		return w, nil
	}
	now := s.Now()
	today := workday.Day(now)
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		r := worklistReader{s: s, tx: tx, ctx: ctx, youths: map[int64]usecase.Youth{}, orgs: map[int64]model.Organisation{}, people: map[int64]model.Professional{}}

		coords, err := tx.CoordinationsOf(ctx, actor.Organisation.ID)
		if err != nil {
			return err
		}
		for _, c := range coords {
			wy := WorkYouth{Coordination: c}
			if wy.Youth, err = r.youth(c.YouthID); err != nil {
				return err
			}
			if c.ProfessionalID != 0 {
				p, err := r.professional(c.ProfessionalID)
				if err != nil {
					return err
				}
				wy.Coordinator = &p
			}
			wy.Overdue = c.Status == model.CoordinationAssigned && c.AcceptDueAt != nil && now.After(*c.AcceptDueAt)
			w.Youths = append(w.Youths, wy)
		}

		agreements, err := tx.OpenAgreementsFor(ctx, actor.Professional.ID, actor.Organisation.ID, worklistLimit)
		if err != nil {
			return err
		}
		for _, a := range agreements {
			wa := WorkAgreement{Agreement: a, Mine: a.ProfessionalID == actor.Professional.ID}
			if wa.Youth, err = r.youth(a.YouthID); err != nil {
				return err
			}
			if wa.Responsible, err = r.professional(a.ProfessionalID); err != nil {
				return err
			}
			wa.Overdue = a.EndOn.Format(time.DateOnly) < today.Format(time.DateOnly)
			w.Agreements = append(w.Agreements, wa)
		}

		uncontacted, err := tx.UncontactedSignallers(ctx, actor.Organisation.ID, worklistLimit)
		if err != nil {
			return err
		}
		for _, u := range uncontacted {
			ws := WorkSignaller{Registration: u.Registration}
			if ws.Youth, err = r.youth(u.YouthID); err != nil {
				return err
			}
			if ws.Organisation, err = r.organisation(u.OrganisationID); err != nil {
				return err
			}
			if ws.Professional, err = r.professional(u.ProfessionalID); err != nil {
				return err
			}
			from := u.CreatedAt
			if u.AcceptedAt.After(from) {
				from = u.AcceptedAt
			}
			ws.Due = workday.Deadline(from, s.Covenant.Coordination.ContactWorkdays)
			ws.Overdue = now.After(ws.Due)
			w.Signallers = append(w.Signallers, ws)
		}

		offers, err := tx.HandoversOfferedTo(ctx, actor.Organisation.ID)
		if err != nil {
			return err
		}
		for _, h := range offers {
			wh := WorkHandover{Since: h.ProposedAt}
			if wh.Youth, err = r.youth(h.YouthID); err != nil {
				return err
			}
			if wh.From, err = r.organisation(h.FromOrganisationID); err != nil {
				return err
			}
			w.Handovers = append(w.Handovers, wh)
		}

		if w.Escalations, err = s.worklistEscalations(ctx, tx, actor, r.youth); err != nil {
			return err
		}

		for _, y := range w.Youths {
			w.Overdue += count(y.Overdue)
		}
		for _, a := range w.Agreements {
			w.Overdue += count(a.Overdue)
		}
		for _, x := range w.Signallers {
			w.Overdue += count(x.Overdue)
		}
		for _, e := range w.Escalations {
			w.Overdue += count(e.Overdue)
		}
		return s.LogRead(ctx, tx, actor, "werklijst", usecase.Itoa(actor.Professional.ID), "")
	})
	return w, err
}

func count(b bool) int {
	if b {
		return 1
	}
	return 0
}

// worklistReader reads each youth, organisation and professional once.
type worklistReader struct {
	s      *Service
	tx     *storage.Tx
	ctx    context.Context
	youths map[int64]usecase.Youth
	orgs   map[int64]model.Organisation
	people map[int64]model.Professional
}

func (r *worklistReader) youth(id int64) (usecase.Youth, error) {
	if y, ok := r.youths[id]; ok {
		return y, nil
	}
	y, err := r.tx.Youth(r.ctx, id)
	if err != nil {
		return usecase.Youth{}, err
	}
	yv, err := r.s.ViewYouth(y)
	if err != nil {
		return usecase.Youth{}, err
	}
	r.youths[id] = yv
	return yv, nil
}

func (r *worklistReader) organisation(id int64) (model.Organisation, error) {
	if o, ok := r.orgs[id]; ok {
		return o, nil
	}
	o, err := r.tx.Organisation(r.ctx, id)
	r.orgs[id] = o
	return o, err
}

func (r *worklistReader) professional(id int64) (model.Professional, error) {
	if p, ok := r.people[id]; ok {
		return p, nil
	}
	p, err := r.tx.Professional(r.ctx, id)
	r.people[id] = p
	return p, err
}
