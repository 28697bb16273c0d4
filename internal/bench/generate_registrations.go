package bench

import (
	"context"
	"fmt"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// caseTables are the tables the cases write, with their columns in the
// order writeCase fills them.
var caseTables = []struct {
	table string
	cols  []string
	rows  func(*caseRows) [][]any
}{
	{"youths", []string{"id", "bsn_hash", "reference", "person", "municipality", "created_at"}, func(r *caseRows) [][]any { return r.youths }},
	{"registrations", []string{"id", "youth_id", "organisation_id", "professional_id", "kind", "urgent", "created_at", "expires_on", "ended_at", "end_reason", "ended_by"}, func(r *caseRows) [][]any { return r.regs }},
	{"matches", []string{"youth_id", "organisation_a", "organisation_b", "registration_id", "created_at"}, func(r *caseRows) [][]any { return r.matches }},
	{"coordinations", []string{"id", "youth_id", "organisation_id", "rule", "reason", "started_at", "ended_at", "status", "professional_id", "decided_at", "decided_by",
		"not_needed_reason", "accept_due_at", "end_reason", "ended_by", "accept_alerted_at", "rule_since"}, func(r *caseRows) [][]any { return r.coords }},
	{"signaller_contacts", []string{"coordination_id", "youth_id", "registration_id", "kind", "contacted_on", "recorded_by", "recorded_at"}, func(r *caseRows) [][]any { return r.contacts }},
	{"agreements", []string{"id", "youth_id", "coordination_id", "action", "professional_id", "start_on", "end_on", "status", "created_by", "created_at", "updated_by", "updated_at", "overdue_alerted_at"}, func(r *caseRows) [][]any { return r.agreements }},
	{"handovers", []string{"id", "coordination_id", "youth_id", "to_organisation_id", "proposed_by", "proposed_at", "outcome", "decided_by", "decided_at"}, func(r *caseRows) [][]any { return r.handovers }},
	{"escalations", []string{"id", "youth_id", "coordination_id", "authority", "authority_organisation_id", "started_by", "started_at", "ended_at", "outcome", "ended_by"}, func(r *caseRows) [][]any { return r.escalations }},
	{"escalation_steps", []string{"escalation_id", "step", "due_at", "done_at", "done_by", "outcome", "alerted_at"}, func(r *caseRows) [][]any { return r.steps }},
}

// caseTableNames are the tables the cases fill, for dropping their indexes
// while loading.
func caseTableNames() []string {
	var out []string
	for _, t := range caseTables {
		out = append(out, t.table)
	}
	return out
}

// registrations writes the cases: youths registered at moments spread over
// the history (opt.History, default 25 months) up to now, until
// opt.Registrations registrations are made.
func (g *generator) registrations(ctx context.Context) (n caseCounts, err error) {
	var ids caseIDs
	err = g.db.View(ctx, func(tx *storage.Tx) error {
		for _, t := range []struct {
			table string
			id    *int64
		}{{"youths", &ids.youth}, {"registrations", &ids.reg}, {"coordinations", &ids.coord}, {"agreements", &ids.agreement}, {"handovers", &ids.handover}, {"escalations", &ids.escalation}} {
			if *t.id, err = tx.MaxID(ctx, t.table); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return
	}
	span := g.opt.History
	if span == 0 {
		span = 25
	}
	first := g.opt.Now.AddDate(0, -span, 0)
	window := g.opt.Now.Sub(first)
	since := time.Now()
	order := g.rng.Perm(g.opt.Youth)
	var rows caseRows
	flush := func() error {
		err := g.db.Update(ctx, func(tx *storage.Tx) error {
			for _, t := range caseTables {
				if err := tx.BulkInsert(ctx, t.table, t.cols, t.rows(&rows)); err != nil {
					return fmt.Errorf("bench: %s: %w", t.table, err)
				}
			}
			return nil
		})
		rows = caseRows{}
		return err
	}
	for _, idx := range order {
		if n.regs >= g.opt.Registrations {
			break
		}
		created := first.Add(time.Duration(g.rng.Int64N(int64(window))))
		g.writeCase(&rows, &ids, &n, idx, created, min(g.involvement(), g.opt.Registrations-n.regs, len(g.orgs)))
		if len(rows.regs) >= batch {
			if err = flush(); err != nil {
				return
			}
			g.bar("registraties", n.regs, g.opt.Registrations, since)
		}
	}
	if err = flush(); err != nil {
		return
	}
	g.bar("registraties", n.regs, g.opt.Registrations, since)
	err = g.db.Update(ctx, func(tx *storage.Tx) error {
		for _, t := range caseTableNames() {
			if t == "matches" || t == "signaller_contacts" || t == "escalation_steps" {
				continue // ids are not set by the generator
			}
			if err := tx.ResetIdentity(ctx, t); err != nil {
				return err
			}
		}
		return nil
	})
	return
}

// pro is the professional who acts for organisation id in the cases.
func (g *generator) pro(org int64) int64 {
	if g.pros != nil {
		return g.pros[org]
	}
	return g.firstPro + 2*(org-g.firstOrg) - 1
}

// reference is the J-reference of generated youth id.
func (g *generator) reference(id int64) string {
	return fmt.Sprintf("J-%s%07d", g.opt.ReferencePrefix, id)
}
