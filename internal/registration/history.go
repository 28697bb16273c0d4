package registration

import (
	"context"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// History is how the involvement with a youth developed: which organisations
// joined and left, and who coordinated when. Only "that"-information.
type History struct {
	Registrations []HistoryEntry       // oldest first, active and ended
	Coordination  []CoordinationPeriod // oldest first
}

// HistoryEntry is one registration of the youth, active or ended. The
// professional is known only while the registration is active; an ended one
// shows its organisation only.
type HistoryEntry struct {
	Registration model.Registration
	Organisation model.Organisation
	Professional *model.Professional // nil once the registration ended
}

// Active reports whether the organisation is still involved through it.
func (h HistoryEntry) Active() bool { return h.Registration.Active() }

// EndReason is the Dutch reason the registration ended, empty while active.
func (h HistoryEntry) EndReason() string {
	if h.Registration.Active() {
		return ""
	}
	return EndReasonText(h.Registration.EndReason)
}

// EndReasonText is the short Dutch description of why a registration ended.
func EndReasonText(e model.EndReason) string {
	if e == model.EndExpired {
		return "verlopen"
	}
	return e.Label()
}

// CoordinationPeriod is one organisation coordinating from Started until
// Ended (nil while it still coordinates), and by which rule of the covenant.
type CoordinationPeriod struct {
	Organisation model.Organisation
	Rule         string
	Reason       string
	Started      time.Time
	Ended        *time.Time
}

// HistoryOf reads the youth's HistoryOf in the caller's transaction; involved
// are the active involvements, whose professionals may be shown.
func (s *Service) HistoryOf(ctx context.Context, tx *storage.Tx, youthID int64, involved []model.Involvement) (History, error) {
	var h History
	regs, err := tx.RegistrationHistory(ctx, youthID)
	if err != nil {
		return h, err
	}
	active := map[int64]model.Professional{}
	for _, in := range involved {
		active[in.Registration.ID] = in.Professional
	}
	orgs := map[int64]model.Organisation{}
	for _, r := range regs {
		orgs[r.Organisation.ID] = r.Organisation
		e := HistoryEntry{Registration: r.Registration, Organisation: r.Organisation}
		if p, ok := active[r.Registration.ID]; ok && r.Registration.Active() {
			e.Professional = &p
		}
		h.Registrations = append(h.Registrations, e)
	}
	coords, err := tx.CoordinationHistory(ctx, youthID)
	if err != nil {
		return h, err
	}
	for _, c := range coords {
		org, ok := orgs[c.OrganisationID]
		if !ok {
			if org, err = tx.Organisation(ctx, c.OrganisationID); err != nil {
				return h, err
			}
			orgs[org.ID] = org
		}
		h.Coordination = append(h.Coordination, CoordinationPeriod{
			Organisation: org, Rule: c.Rule, Reason: c.Reason, Started: c.StartedAt, Ended: c.EndedAt,
		})
	}
	return h, nil
}
