package registry

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/registration"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// deadlineCheck finds the deadlines of the coordinator's job that passed
// (acceptance, agreements, signallers to contact, escalation steps) and tells
// whoever must act, once each: every message has an event key. It returns
// how many messages it sent.
type deadlineCheck struct {
	name  string // for errors and logs
	check func(ctx context.Context, now time.Time) (int, error)
}

// deadlineChecks are run by SweepDeadlines, in this order.
func (s *Service) deadlineChecks() []deadlineCheck {
	return []deadlineCheck{
		{"acceptatie verlopen", s.Coordinations.AlertAcceptOverdue},
		{"afspraken verlopen", s.Plans.AlertAgreementsOverdue},
		{"signaalgevers bellen", s.Plans.RemindSignallers},
		{"escalatiestappen verlopen", s.Escalations.AlertEscalationsOverdue},
		{"zorgpiramide: bijeenroepen verlopen", s.Escalations.AlertConveneOverdue},
		{"zorgpiramide: brandpunt verlopen", s.Escalations.AlertBrandpuntOverdue},
		{"verhuizingen (basisregistratie personen)", s.Families.RefreshRegister},
	}
}

// SweepDeadlines runs every deadline check once.
func (s *Service) SweepDeadlines(ctx context.Context) (int, error) {
	total := 0
	for _, d := range s.deadlineChecks() {
		n, err := d.check(ctx, s.Now())
		total += n
		if err != nil {
			return total, fmt.Errorf("%s: %w", d.name, err)
		}
	}
	return total, nil
}

// RunSweeps runs every sweep (SweepAll) every interval while this instance
// holds the sweep lease, until ctx ends.
func (s *Service) RunSweeps(ctx context.Context, owner string, interval time.Duration, log *slog.Logger) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		var mine bool
		err := s.DB.Update(ctx, func(tx *storage.Tx) error {
			var err error
			mine, err = tx.TakeLease(ctx, "sweep", owner, s.Now(), 2*interval)
			return err
		})
		if err == nil && mine {
			n, err := s.SweepAll(ctx)
			if err != nil {
				log.Error("sweep failed", "error", err)
			}
			if n != (Swept{}) {
				log.Info("sweep done", "einddatum", n.EndDate, "leeftijdsgrens", n.AgeLimit, "verlopen", n.Expired, "gewaarschuwd", n.Warned,
					"archief_registraties", n.Archive.Registrations, "archief_jeugdigen", n.Archive.Youths, "archief_berichten", n.Archive.Messages,
					"archief_bezwaren", n.Archive.Objections, "logboek_records", n.AuditRecords, "termijnberichten", n.Deadlines, "monitoringmaanden", n.MonitoringMonths,
					"maandrapporten", n.MonthlyReports)
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Swept counts what one round of every sweep did.
type Swept struct {
	EndDate, AgeLimit, Expired, Warned int
	Archive                            registration.Purged
	AuditRecords                       int64
	Deadlines                          int // messages about passed deadlines of the coordinator's job
	MonitoringMonths                   int // months whose monitoring figures were made
	MonthlyReports                     int // monitoring reports made for the month before (issue 15)
}

// SweepAll runs every sweep once, in order: endings first, then the
// warnings, then the deletions.
func (s *Service) SweepAll(ctx context.Context) (Swept, error) {
	var out Swept
	var err error
	if out.EndDate, err = s.Registrations.Sweep(ctx); err != nil {
		return out, fmt.Errorf("einddatum: %w", err)
	}
	if out.AgeLimit, err = s.Registrations.SweepAgeLimit(ctx); err != nil {
		return out, fmt.Errorf("leeftijdsgrens: %w", err)
	}
	if out.Expired, err = s.Registrations.SweepExpired(ctx); err != nil {
		return out, fmt.Errorf("verlopen: %w", err)
	}
	if out.Warned, err = s.Registrations.WarnExpiring(ctx); err != nil {
		return out, fmt.Errorf("waarschuwing verloop: %w", err)
	}
	if out.Archive, err = s.Registrations.SweepArchive(ctx); err != nil {
		return out, fmt.Errorf("archief: %w", err)
	}
	if out.AuditRecords, err = s.Registrations.PurgeAudit(ctx); err != nil {
		return out, fmt.Errorf("logboek: %w", err)
	}
	if out.Deadlines, err = s.SweepDeadlines(ctx); err != nil {
		return out, fmt.Errorf("termijnen: %w", err)
	}
	if out.MonitoringMonths, err = s.Monitoring.MakeMonths(ctx); err != nil {
		return out, fmt.Errorf("monitoring: %w", err)
	}
	// After the month's figures are made: the report is read from them.
	if out.MonthlyReports, err = s.Monitoring.MakeMonthlyReports(ctx); err != nil {
		return out, fmt.Errorf("maandrapporten: %w", err)
	}
	return out, nil
}
