package escalation

import (
	"context"
	"strconv"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// RecordEscalationStep records that step of the youth's running escalation
// was taken, now, by the actor; outcome is the managements' ruling in step 3
// (overeenstemming goes straight to step 6; geen-overeenstemming to the
// alderman or the GI) and empty for every other step. Steps go strictly in
// order: recording one out of turn or twice is a conflict. The coordinating
// organisation records its own and its management's steps; the regional
// administrator records the alderman's ruling on the alderman's behalf; with
// the GI's authority, the GI records its ruling. Step 7 ends the escalation.
func (s *Service) RecordEscalationStep(ctx context.Context, actor usecase.Actor, ref string, step int, outcome string) (*View, error) {
	var out *View
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		now := s.Now()
		y, involved, err := s.escalationYouth(ctx, tx, actor, ref, func(y model.Youth) (bool, error) { return tx.HasEscalation(ctx, y.ID) })
		if err != nil {
			return err
		}
		e, err := tx.RunningEscalation(ctx, y.ID)
		if err == storage.ErrNotFound {
			return errNoEscalation
		}
		if err != nil {
			return err
		}
		if err := checkEscalationStep(step, outcome); err != nil {
			return err
		}
		c, err := tx.Coordination(ctx, e.CoordinationID)
		if err != nil {
			return err
		}
		if !mayRecordStep(actor, e, c, step) {
			return escalationStepForbidden(e, step)
		}
		if err := escalationStepOrder(e, step); err != nil {
			return err
		}
		var waiting model.EscalationStep
		for _, st := range e.Steps {
			if st.Step == step {
				waiting = st
			}
		}
		done, err := tx.CompleteEscalationStep(ctx, waiting.ID, now, actor.Professional.ID, outcome)
		if err != nil {
			return err
		}
		if !done {
			return escalationStepOrder(e, step)
		}
		if step == StepCoordinatorExecutes {
			if err := tx.EndEscalation(ctx, e.ID, now, model.EscalationExecuted, actor.Professional.ID); err != nil {
				return err
			}
		} else {
			next, due := s.nextEscalationStep(step, outcome, now)
			if err := tx.AddEscalationStep(ctx, &model.EscalationStep{EscalationID: e.ID, Step: next, DueAt: due}); err != nil {
				return err
			}
		}
		purpose := "escalatie stap " + strconv.Itoa(step) + " vastgelegd"
		if outcome != "" {
			purpose += ": " + outcome
		}
		audit.Write(ctx, tx, now, audit.Entry{
			Actor: actor.AuditActor(), Action: audit.ActionUpdate, ObjectType: "escalatie", ObjectID: usecase.Itoa(e.ID),
			YouthReference: y.Reference, Purpose: purpose,
		})
		if e, err = tx.Escalation(ctx, e.ID); err != nil {
			return err
		}
		if out, err = s.escalationView(ctx, tx, y, e, actor, involved, now); err != nil {
			return err
		}
		msgs, err := s.escalationStepMessages(ctx, tx, y, out, step, now)
		if err != nil {
			return err
		}
		return s.Send(ctx, tx, msgs...)
	})
	return out, err
}

// checkEscalationStep checks the input: a step number, and an outcome with
// step 3 only.
func checkEscalationStep(step int, outcome string) error {
	if step < 1 || step > escalationSteps {
		return model.InvalidField("stap", "Kies een stap van 1 tot en met 7.")
	}
	if step == StepManagementsRuling {
		if outcome != OutcomeAgreement && outcome != OutcomeNoAgreement {
			return model.InvalidField("uitkomst", "Kies de uitkomst van stap 3: 'overeenstemming' of 'geen-overeenstemming'.")
		}
		return nil
	}
	if outcome != "" {
		return model.InvalidField("uitkomst", "Alleen stap 3, de uitspraak van de directies, heeft een uitkomst. Laat de uitkomst leeg.")
	}
	return nil
}

// escalationStepForbidden says who records a step.
func escalationStepForbidden(e model.Escalation, step int) error {
	if step == StepAuthorityRuling {
		if e.Authority == model.AuthorityGI {
			return model.Errorf(model.EFORBIDDEN, "Stap 5, het besluit met doorzettingsmacht, legt de gecertificeerde instelling (GI) zelf vast.")
		}
		return model.Errorf(model.EFORBIDDEN, "Stap 5, de uitspraak van de wethouder, legt de regiobeheerder namens de wethouder vast.")
	}
	return model.Errorf(model.EFORBIDDEN, "Stap %d legt de coördinerende organisatie vast, namens haar directie.", step)
}
