package bench

import (
	"context"
	"fmt"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/covenant"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

func (g *generator) registrations(ctx context.Context) (youths, regs, matches, coords int, err error) {
	var firstYouth, firstReg int64
	err = g.db.View(ctx, func(tx *storage.Tx) error {
		if firstYouth, err = tx.MaxID(ctx, "youths"); err != nil {
			return err
		}
		firstReg, err = tx.MaxID(ctx, "registrations")
		return err
	})
	if err != nil {
		return
	}
	since := time.Now()
	order := g.rng.Perm(g.opt.Youth)
	var youthRows, regRows, matchRows, coordRows [][]any
	flush := func() error {
		err := g.db.Update(ctx, func(tx *storage.Tx) error {
			for _, t := range []struct {
				table string
				cols  []string
				rows  [][]any
			}{
				{"youths", []string{"id", "bsn_hash", "reference", "person", "municipality", "created_at"}, youthRows},
				{"registrations", []string{"id", "youth_id", "organisation_id", "professional_id", "kind", "urgent", "created_at", "expires_on"}, regRows},
				{"matches", []string{"youth_id", "organisation_a", "organisation_b", "registration_id", "created_at"}, matchRows},
				{"coordinations", []string{"youth_id", "organisation_id", "rule", "reason", "started_at"}, coordRows},
			} {
				if err := tx.BulkInsert(ctx, t.table, t.cols, t.rows); err != nil {
					return err
				}
			}
			return nil
		})
		youthRows, regRows, matchRows, coordRows = nil, nil, nil, nil
		return err
	}
	for _, idx := range order {
		if regs >= g.opt.Registrations {
			break
		}
		p := g.persons[idx]
		youths++
		yid := firstYouth + int64(youths)
		created := g.opt.Now.Add(-time.Duration(g.rng.Int64N(int64(700 * 24 * time.Hour))))
		youthRows = append(youthRows, []any{yid, g.hashes[idx], fmt.Sprintf("J-B%07d", yid), g.sealed[idx], p.Municipality, created.UnixMilli()})
		n := min(g.involvement(), g.opt.Registrations-regs, len(g.orgs))
		chosen := map[int]bool{}
		sit := covenant.Situation{Age: model.AgeOn(p.BirthDate, g.opt.Now)}
		var orgIDs []int64
		for len(orgIDs) < n {
			oi := g.rng.IntN(len(g.orgs))
			if chosen[oi] {
				continue
			}
			chosen[oi] = true
			o := g.orgs[oi]
			kind := model.KindSignaal
			if o.Role == model.RoleZorgaanbieder && g.rng.IntN(3) > 0 {
				kind = model.KindKetenregistratie
			}
			regs++
			at := created.Add(time.Duration(len(orgIDs)) * 24 * time.Hour)
			expires := at.AddDate(2, 0, -1).Format("2006-01-02") // the default maximum term
			regRows = append(regRows, []any{firstReg + int64(regs), yid, o.ID, g.firstPro + 2*(o.ID-g.firstOrg) - 1, string(kind), 0, at.UnixMilli(), expires})
			for _, other := range orgIDs {
				a, b := min(other, o.ID), max(other, o.ID)
				matchRows = append(matchRows, []any{yid, a, b, firstReg + int64(regs), at.UnixMilli()})
				matches++
			}
			orgIDs = append(orgIDs, o.ID)
			sit.Involved = append(sit.Involved, covenant.Involved{OrganisationID: o.ID, Type: o.Type, Role: o.Role, Since: at, Professionals: 1})
		}
		if d := g.cov.Decide(sit); d.OrganisationID != 0 {
			coordRows = append(coordRows, []any{yid, d.OrganisationID, d.RuleID, d.Reason, created.UnixMilli()})
			coords++
		}
		if len(regRows) >= batch {
			if err = flush(); err != nil {
				return
			}
			g.bar("registraties", regs, g.opt.Registrations, since)
		}
	}
	if err = flush(); err != nil {
		return
	}
	g.bar("registraties", regs, g.opt.Registrations, since)
	err = g.db.Update(ctx, func(tx *storage.Tx) error {
		for _, t := range []string{"youths", "registrations", "matches", "coordinations"} {
			if err := tx.ResetIdentity(ctx, t); err != nil {
				return err
			}
		}
		return nil
	})
	return
}
