package escalation

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/coordination"
	"github.com/jeugdketen/jeugdketen/internal/covenant"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/nltime"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
	"github.com/jeugdketen/jeugdketen/internal/workday"
)

// Almere's care pyramid (seed 001 appendix 3.1, preset almere): the level
// follows from the covenant rule that assigned the coordination (rule ids
// "niveau-1", "niveau-2-jgz", "niveau-3" ...). At level 3 the process
// coordinator convenes everyone within the rule's working days
// (bijeenroepenWerkdagen); when care stagnates, the brandpunt officer
// convenes everyone within the region's hours (brandpuntUren) and may
// instruct (level 4). The regional administrator records the brandpunt
// officer's steps.

// Message kinds of the care pyramid.
const (
	KindConveneOverdue   = "bijeenroepen-verlopen" // a level-3 coordinator did not record convening everyone in time
	KindStagnation       = "stagnatie"             // care stagnates; the brandpunt officer acts
	KindBrandpuntOverdue = "brandpunt-verlopen"    // the brandpunt officer did not convene in time
)

// PyramidView is the care pyramid on a youth's page.
type PyramidView struct {
	Level    int    // from the rule: 1, 2 or 3; 0 when the rule names no level (the GI coordinates)
	Rule     string // the covenant rule's id
	RuleText string
	// Convene is the level-3 duty to convene everyone; nil without it.
	Convene *ConveneView
	// StagnationHours is the brandpunt officer's deadline; 0: the region
	// has no brandpunt officer.
	StagnationHours int
	// Stagnation is the latest stagnation report of the running
	// coordination; nil when there was none.
	Stagnation *StagnationView
	// MayReportStagnation: the viewer is involved, there is a coordination
	// and no report waits to be convened.
	MayReportStagnation bool
}

// Escalated reports whether care was reported stagnating: level 4.
func (p *PyramidView) Escalated() bool { return p.Stagnation != nil }

// LevelLabel names the level in Dutch.
func (p *PyramidView) LevelLabel() string {
	if p.Escalated() {
		return PyramidLevelLabel(4)
	}
	return PyramidLevelLabel(p.Level)
}

// PyramidLevelLabel names a level of the care pyramid in Dutch.
func PyramidLevelLabel(level int) string {
	switch level {
	case 1:
		return "Niveau 1: motorkapoverleg, de professionals stemmen onderling af"
	case 2:
		return "Niveau 2: zorgcoördinatie"
	case 3:
		return "Niveau 3: procescoördinatie, de procescoördinator roept alle betrokkenen bijeen"
	case 4:
		return "Niveau 4: de hulp stagneert, de brandpuntfunctionaris is ingeschakeld"
	case 5:
		return "Niveau 5: levensbedreigende situatie"
	}
	return "De gecertificeerde instelling coördineert, op elk niveau van de zorgpiramide"
}

// ConveneView is the level-3 duty to convene everyone involved.
type ConveneView struct {
	Workdays   int
	Due        time.Time
	ConvenedOn *time.Time // the day of the meeting, as recorded
	RecordedBy *model.Professional
	RecordedAt *time.Time
	Overdue    bool // not recorded and past the deadline
	MayRecord  bool
}

// Late reports whether the recorded meeting falls after the deadline.
func (c *ConveneView) Late() bool {
	return c.ConvenedOn != nil && c.ConvenedOn.Format(time.DateOnly) > c.Due.In(nltime.Amsterdam).Format(time.DateOnly)
}

// StagnationView is a stagnation report and the brandpunt officer's steps.
type StagnationView struct {
	ID           int64
	ReportedAt   time.Time
	ReportedBy   model.Professional
	ReportedFor  string // the reporter's organisation
	Due          time.Time
	Hours        int
	ConvenedAt   *time.Time
	ConvenedBy   *model.Professional
	InstructedAt *time.Time
	InstructedBy *model.Professional
	Overdue      bool // not convened and past the deadline
	MayConvene   bool // the viewer records for the brandpunt officer
	MayInstruct  bool
}

// Open reports whether the brandpunt officer has yet to convene everyone.
func (s *StagnationView) Open() bool { return s.ConvenedAt == nil }

// pyramidRegion reports whether the covenant knows the care pyramid.
func (s *Service) pyramidRegion() bool {
	if s.Covenant.Coordination.StagnationHours > 0 {
		return true
	}
	for _, r := range s.Covenant.Rules {
		if pyramidLevel(r.ID) > 0 || r.ConveneWorkdays > 0 {
			return true
		}
	}
	return false
}

// pyramidLevel reads the level from a rule id: "niveau-3-jgz" is 3; 0 for a
// rule that names no level.
func pyramidLevel(ruleID string) int {
	rest, ok := strings.CutPrefix(ruleID, "niveau-")
	if !ok {
		return 0
	}
	digits, _, _ := strings.Cut(rest, "-")
	n, err := strconv.Atoi(digits)
	if err != nil || n < 1 {
		return 0
	}
	return n
}

func (s *Service) rule(id string) covenant.Rule {
	for _, r := range s.Covenant.Rules {
		if r.ID == id {
			return r
		}
	}
	return covenant.Rule{ID: id}
}

// pyramidView is the care pyramid for a youth as actor sees it; nil when the
// region has no care pyramid.
func (s *Service) pyramidView(ctx context.Context, tx *storage.Tx, y model.Youth, actor usecase.Actor, involved bool, now time.Time) (*PyramidView, error) {
	if !s.pyramidRegion() {
		return nil, nil
	}
	p := &PyramidView{StagnationHours: s.Covenant.Coordination.StagnationHours}
	c, err := tx.CurrentCoordination(ctx, y.ID)
	if err == storage.ErrNotFound {
		// No coordinator: the level follows from who is involved now
		// (level 1, the professionals align themselves).
		yv, err := s.ViewYouth(y)
		if err != nil {
			return nil, err
		}
		all, err := tx.Involvements(ctx, y.ID)
		if err != nil {
			return nil, err
		}
		d := s.Covenant.Decide(coordination.Situation(yv.Age, all))
		p.Rule, p.Level, p.RuleText = d.RuleID, pyramidLevel(d.RuleID), s.rule(d.RuleID).Text
		return p, nil
	}
	if err != nil {
		return nil, err
	}
	r := s.rule(c.Rule)
	p.Rule, p.Level, p.RuleText = c.Rule, pyramidLevel(c.Rule), r.Text
	coordinates := involved && actor.Organisation.ID == c.OrganisationID && c.Status == model.CoordinationAccepted && !actor.Professional.Monitoring
	if r.ConveneWorkdays > 0 {
		cv := &ConveneView{Workdays: r.ConveneWorkdays, Due: workday.Deadline(c.RuleStart(), r.ConveneWorkdays)}
		v, err := tx.Convening(ctx, c.ID)
		if err != nil && err != storage.ErrNotFound {
			return nil, err
		}
		cv.ConvenedOn, cv.RecordedAt = v.ConvenedOn, v.RecordedAt
		if v.RecordedBy != 0 {
			by, err := tx.Professional(ctx, v.RecordedBy)
			if err != nil {
				return nil, err
			}
			cv.RecordedBy = &by
		}
		cv.Overdue = cv.ConvenedOn == nil && now.After(cv.Due)
		cv.MayRecord = coordinates && cv.ConvenedOn == nil
		p.Convene = cv
	}
	if p.StagnationHours > 0 {
		st, err := tx.LatestStagnation(ctx, c.ID)
		switch err {
		case nil:
			if p.Stagnation, err = s.stagnationView(ctx, tx, st, actor, now); err != nil {
				return nil, err
			}
		case storage.ErrNotFound:
		default:
			return nil, err
		}
		p.MayReportStagnation = involved && !actor.Professional.Monitoring && (p.Stagnation == nil || !p.Stagnation.Open())
	}
	return p, nil
}

func (s *Service) stagnationView(ctx context.Context, tx *storage.Tx, st model.Stagnation, actor usecase.Actor, now time.Time) (*StagnationView, error) {
	v := &StagnationView{
		ID: st.ID, ReportedAt: st.ReportedAt, Due: st.DueAt, Hours: s.Covenant.Coordination.StagnationHours,
		ConvenedAt: st.ConvenedAt, InstructedAt: st.InstructedAt,
	}
	person := func(id int64) (*model.Professional, error) {
		if id == 0 {
			return nil, nil
		}
		p, err := tx.Professional(ctx, id)
		return &p, err
	}
	by, err := person(st.ReportedBy)
	if err != nil {
		return nil, err
	}
	v.ReportedBy = *by
	org, err := tx.Organisation(ctx, by.OrganisationID)
	if err != nil {
		return nil, err
	}
	v.ReportedFor = org.Name
	if v.ConvenedBy, err = person(st.ConvenedBy); err != nil {
		return nil, err
	}
	if v.InstructedBy, err = person(st.InstructedBy); err != nil {
		return nil, err
	}
	v.Overdue = st.ConvenedAt == nil && now.After(st.DueAt)
	v.MayConvene = isAdministrator(actor) && st.ConvenedAt == nil
	v.MayInstruct = isAdministrator(actor) && st.ConvenedAt != nil && st.InstructedAt == nil
	return v, nil
}

// adminMayActOnPyramid reports whether the youth's running coordination has
// something for the regional administrator: a stagnation report (the
// brandpunt officer's) or a duty to convene.
func (s *Service) adminMayActOnPyramid(ctx context.Context, tx *storage.Tx, y model.Youth) (bool, error) {
	c, err := tx.CurrentCoordination(ctx, y.ID)
	if err == storage.ErrNotFound {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if s.rule(c.Rule).ConveneWorkdays > 0 {
		return true, nil
	}
	_, err = tx.LatestStagnation(ctx, c.ID)
	if err == storage.ErrNotFound {
		return false, nil
	}
	return err == nil, err
}

// Pyramid returns the care pyramid of a youth: its level and the deadlines
// to convene. Involved professionals may read it, and a regional
// administrator when there is something for them to act on. It is nil when
// the region has no care pyramid.
func (s *Service) Pyramid(ctx context.Context, actor usecase.Actor, ref string) (*PyramidView, error) {
	var out *PyramidView
	err := s.DB.Update(ctx, func(tx *storage.Tx) error {
		y, involved, err := s.escalationYouth(ctx, tx, actor, ref, func(y model.Youth) (bool, error) { return s.adminMayActOnPyramid(ctx, tx, y) })
		if err != nil {
			return err
		}
		if out, err = s.pyramidView(ctx, tx, y, actor, involved, s.Now()); err != nil {
			return err
		}
		return s.logEscalationRead(ctx, tx, actor, involved, "zorgpiramide", y.Reference)
	})
	return out, err
}
