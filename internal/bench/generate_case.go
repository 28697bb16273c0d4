package bench

import (
	"time"

	"github.com/jeugdketen/jeugdketen/internal/covenant"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/workday"
)

// A case is one youth's path through the chain, written as the registry
// would have left it: registrations by one or more organisations, days
// apart; the matches between them; a coordinator assigned by the covenant,
// who accepts (mostly within the deadline), states that coordination is not
// needed, or has not answered yet; contact with the signallers (mostly on
// time); agreements in the plan, kept or not; now and then a handover or an
// escalation; and, for older cases, the case closed. Whatever would have
// happened after now is left out, so recent cases are still running. The
// monitoring measures are counted from exactly these rows.

// caseRows collects the rows of many cases for one transaction.
type caseRows struct {
	youths, regs, matches, coords, contacts, agreements, handovers, escalations, steps [][]any
}

// caseIDs are the last ids used per table.
type caseIDs struct {
	youth, reg, coord, agreement, handover, escalation int64
}

// caseCounts are what the cases made.
type caseCounts struct {
	youths, regs, endedRegs, matches, coords, endedCoords, contacts, agreements, handovers, escalations int
}

type involved struct {
	org   model.Organisation
	regID int64
	at    time.Time
}

// writeCase adds one youth's case, begun at created, to rows.
func (g *generator) writeCase(rows *caseRows, ids *caseIDs, n *caseCounts, idx int, created time.Time, regs int) {
	p := g.persons[idx]
	now := g.opt.Now
	ids.youth++
	yid := ids.youth
	n.youths++
	rows.youths = append(rows.youths, []any{yid, g.hashes[idx], g.reference(yid), g.sealed[idx], p.Municipality, created.UnixMilli()})

	sit := covenant.Situation{Age: model.AgeOn(p.BirthDate, now)}
	var in []involved
	chosen := map[int]bool{}
	at := created
	for len(in) < regs {
		oi := g.rng.IntN(len(g.orgs))
		if chosen[oi] {
			continue
		}
		chosen[oi] = true
		o := g.orgs[oi]
		if len(in) > 0 {
			at = at.Add(time.Duration(g.rng.Int64N(int64(20 * 24 * time.Hour))))
			if at.After(now) {
				break
			}
		}
		kind := model.KindSignaal
		if o.Role == model.RoleZorgaanbieder && g.rng.IntN(3) > 0 {
			kind = model.KindKetenregistratie
		}
		ids.reg++
		n.regs++
		rows.regs = append(rows.regs, []any{ids.reg, yid, o.ID, g.pro(o.ID), string(kind), 0, at.UnixMilli(),
			at.AddDate(2, 0, -1).Format("2006-01-02"), nil, nil, nil}) // the default maximum term
		for _, other := range in {
			a, b := min(other.org.ID, o.ID), max(other.org.ID, o.ID)
			rows.matches = append(rows.matches, []any{yid, a, b, ids.reg, at.UnixMilli()})
			n.matches++
		}
		in = append(in, involved{org: o, regID: ids.reg, at: at})
		sit.Involved = append(sit.Involved, covenant.Involved{OrganisationID: o.ID, Type: o.Type, Role: o.Role, Since: at, Professionals: 1})
	}
	d := g.cov.Decide(sit)
	if d.OrganisationID == 0 {
		return
	}
	g.coordination(rows, ids, n, yid, in, d, in[len(in)-1].at)
}

// coordination writes the coordinator's part of a case, assigned at started.
func (g *generator) coordination(rows *caseRows, ids *caseIDs, n *caseCounts, yid int64, in []involved, d covenant.Decision, started time.Time) {
	now, cc := g.opt.Now, g.cov.Coordination
	ids.coord++
	n.coords++
	cid, coordinator := ids.coord, d.OrganisationID
	pro := g.pro(coordinator)
	due := workday.Deadline(started, cc.AcceptWorkdays)
	row := []any{cid, yid, coordinator, d.RuleID, d.Reason, started.UnixMilli(), nil, "toegewezen", nil, nil, nil, nil, due.UnixMilli(), nil, nil, nil, started.UnixMilli()}
	defer func() { rows.coords = append(rows.coords, row) }()

	// Most answer within the deadline, some late; a recent case may still wait.
	days := g.rng.IntN(cc.AcceptWorkdays + 1)
	if g.rng.Float64() < 0.15 {
		days = cc.AcceptWorkdays + 1 + g.rng.IntN(8)
	}
	decided := workday.Add(started, days).Add(time.Duration(9+g.rng.IntN(8)) * time.Hour)
	if decided.Before(started) {
		decided = started.Add(time.Hour)
	}
	if decided.After(now) {
		if due.Before(now) {
			row[15] = due.UnixMilli() // accept_alerted_at: the sweep told them long ago
		}
		return
	}
	row[8], row[9], row[10] = pro, decided.UnixMilli(), pro
	if g.rng.Float64() < 0.15 {
		row[7] = "niet-nodig"
		row[11] = string(model.NotNeededCodes[g.rng.IntN(len(model.NotNeededCodes))].Code)
		return
	}
	row[7] = "geaccepteerd"
	// contact with every signaller: mostly within the covenant's days
	for _, s := range in {
		if s.org.ID == coordinator {
			continue
		}
		from := decided
		if s.at.After(from) {
			from = s.at
		}
		wd := g.rng.IntN(cc.ContactWorkdays + 1)
		if g.rng.Float64() < 0.2 {
			wd = cc.ContactWorkdays + 1 + g.rng.IntN(10)
		}
		on := workday.Add(from, wd)
		if on.After(now) {
			continue
		}
		rows.contacts = append(rows.contacts, []any{cid, yid, s.regID, "contact", on.Format("2006-01-02"), pro, on.Add(15 * time.Hour).UnixMilli()})
		n.contacts++
	}
	g.agreements(rows, ids, n, yid, cid, pro, decided)
	end := decided.Add(time.Duration(30+g.rng.IntN(210)) * 24 * time.Hour)
	switch r := g.rng.Float64(); {
	case r < 0.06:
		g.handover(rows, ids, n, yid, cid, pro, in, decided, row)
	case r < 0.085:
		g.escalation(rows, ids, n, yid, cid, pro, decided)
	case r < 0.45 && end.Before(now):
		// the case closed: the coordination and every registration end
		row[6], row[13], row[14] = end.UnixMilli(), "afgesloten", pro
		n.endedCoords++
		for _, r := range rows.regs[len(rows.regs)-len(in):] {
			r[8], r[9], r[10] = end.UnixMilli(), "afgesloten", pro
			n.endedRegs++
		}
	}
}

func (g *generator) agreements(rows *caseRows, ids *caseIDs, n *caseCounts, yid, cid, pro int64, from time.Time) {
	today := workday.Day(g.opt.Now)
	for range g.rng.IntN(3) {
		start := workday.Day(from)
		end := start.AddDate(0, 0, 7+g.rng.IntN(50))
		status, alerted, updated := "open", any(nil), any(nil)
		if end.Before(today) {
			switch r := g.rng.Float64(); {
			case r < 0.72:
				status, updated = "gedaan", end.Add(14*time.Hour).UnixMilli()
			case r < 0.87:
				status, updated = "niet-nagekomen", end.Add(14*time.Hour).UnixMilli()
			default:
				alerted = end.AddDate(0, 0, 1).UnixMilli() // the sweep told them
			}
		}
		ids.agreement++
		n.agreements++
		rows.agreements = append(rows.agreements, []any{ids.agreement, yid, cid, agreementActions[g.rng.IntN(len(agreementActions))], pro,
			start.Format("2006-01-02"), end.Format("2006-01-02"), status, pro, from.UnixMilli(), nilIf(updated == nil, pro), updated, alerted})
	}
}

var agreementActions = []string{"gesprek met ouders", "intake jeugdhulp", "overleg school", "huisbezoek", "evaluatie plan"}

func nilIf(cond bool, v any) any {
	if cond {
		return nil
	}
	return v
}

// handover: the coordinator proposes another involved organisation; when it
// accepts, this coordination ends and the other's begins, accepted.
func (g *generator) handover(rows *caseRows, ids *caseIDs, n *caseCounts, yid, cid, pro int64, in []involved, from time.Time, coord []any) {
	now := g.opt.Now
	var to *model.Organisation
	for i := range in {
		if in[i].org.ID != coord[2].(int64) && in[i].org.Role == model.RoleZorgaanbieder {
			to = &in[i].org
		}
	}
	if to == nil {
		return
	}
	proposed := from.Add(time.Duration(10+g.rng.IntN(50)) * 24 * time.Hour)
	decided := proposed.Add(time.Duration(1+g.rng.IntN(5)) * 24 * time.Hour)
	if decided.After(now) {
		return
	}
	outcome := []string{"geaccepteerd", "geaccepteerd", "geaccepteerd", "geweigerd", "geweigerd", "ingetrokken", "vervallen"}[g.rng.IntN(7)]
	ids.handover++
	n.handovers++
	rows.handovers = append(rows.handovers, []any{ids.handover, cid, yid, to.ID, pro, proposed.UnixMilli(), outcome, g.pro(to.ID), decided.UnixMilli()})
	if outcome != "geaccepteerd" {
		return
	}
	coord[6], coord[13], coord[14] = decided.UnixMilli(), "overdracht", pro
	n.endedCoords++
	ids.coord++
	n.coords++
	next := g.pro(to.ID)
	rows.coords = append(rows.coords, []any{ids.coord, yid, to.ID, "overdracht", "Overgedragen door de vorige coördinator.", decided.UnixMilli(), nil, "geaccepteerd",
		next, decided.UnixMilli(), next, nil, decided.UnixMilli(), nil, nil, nil, decided.UnixMilli()})
}

// escalation: the coordinator starts the procedure, steps follow each
// other within the covenant's days, and it ends, unless it is recent.
func (g *generator) escalation(rows *caseRows, ids *caseIDs, n *caseCounts, yid, cid, pro int64, from time.Time) {
	now := g.opt.Now
	started := from.Add(time.Duration(14+g.rng.IntN(70)) * 24 * time.Hour)
	if started.After(now) {
		return
	}
	authority := "wethouder"
	ids.escalation++
	n.escalations++
	eid := ids.escalation
	last := 1 + g.rng.IntN(7)
	at := started
	ended := true
	for step := 1; step <= last; step++ {
		due := workday.Deadline(at, g.cov.Coordination.EscalationWorkdays)
		done := workday.Add(at, 1+g.rng.IntN(g.cov.Coordination.EscalationWorkdays)).Add(11 * time.Hour)
		if done.After(now) {
			rows.steps = append(rows.steps, []any{eid, step, due.UnixMilli(), nil, nil, nil, nilIf(due.After(now), due.UnixMilli())})
			ended = false
			break
		}
		outcome := "geen-overeenstemming"
		if step == last {
			outcome = "overeenstemming"
		}
		rows.steps = append(rows.steps, []any{eid, step, due.UnixMilli(), done.UnixMilli(), pro, outcome, nil})
		at = done
	}
	row := []any{eid, yid, cid, authority, nil, pro, started.UnixMilli(), nil, nil, nil}
	if ended {
		row[7], row[8], row[9] = at.UnixMilli(), []string{"uitgevoerd", "uitgevoerd", "ingetrokken", "vervallen"}[g.rng.IntN(4)], pro
	}
	rows.escalations = append(rows.escalations, row)
}
