package registry

import (
	"context"
	"fmt"
	"time"
)

// deadlineCheck finds the deadlines of the coordinator's job that passed
// (acceptance, agreements, signallers to contact, escalation steps) and tells
// whoever must act, once each: every message has an event key. It returns
// how many messages it sent.
type deadlineCheck struct {
	name  string // for errors and logs
	check func(s *Service, ctx context.Context, now time.Time) (int, error)
}

// deadlineChecks are run by SweepDeadlines, in this order.
var deadlineChecks = []deadlineCheck{
	{"acceptatie verlopen", alertAcceptOverdue},
	{"afspraken verlopen", alertAgreementsOverdue},
	{"signaalgevers bellen", remindSignallers},
	{"escalatiestappen verlopen", alertEscalationsOverdue},
	{"zorgpiramide: bijeenroepen verlopen", alertConveneOverdue},
	{"zorgpiramide: brandpunt verlopen", alertBrandpuntOverdue},
	{"verhuizingen (basisregistratie personen)", (*Service).refreshRegister},
}

// SweepDeadlines runs every deadline check once.
func (s *Service) SweepDeadlines(ctx context.Context) (int, error) {
	total := 0
	for _, d := range deadlineChecks {
		n, err := d.check(s, ctx, s.now())
		total += n
		if err != nil {
			return total, fmt.Errorf("%s: %w", d.name, err)
		}
	}
	return total, nil
}
