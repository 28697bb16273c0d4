package storage_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

// TestRequeueTouchesOnlyOneProfessionalsRefusedMail: two professionals'
// mail is refused; queueing one's again leaves the other's undelivered,
// and only refused mail is queued, never one still being tried.
func TestRequeueTouchesOnlyOneProfessionalsRefusedMail(t *testing.T) {
	db, _ := testenv.MustOpenDB(t)
	ctx := context.Background()
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	var ann, bob model.Professional
	err := db.Update(ctx, func(tx *storage.Tx) error {
		o := model.Organisation{Name: "Wijkteam", Type: model.TypeWijkteam, Role: model.RoleZorgaanbieder, Municipality: "0772", Active: true}
		if err := tx.CreateOrganisation(ctx, &o, now); err != nil {
			return err
		}
		for i, p := range []*model.Professional{&ann, &bob} {
			*p = model.Professional{OrganisationID: o.ID, Name: fmt.Sprint("Medewerker ", i), Email: fmt.Sprintf("m%d@wijkteam.example", i), Phone: "040-1234567", Active: true}
			if err := tx.CreateProfessional(ctx, p, now); err != nil {
				return err
			}
			for j := range 2 {
				m := model.Message{ProfessionalID: p.ID, Kind: "match", Subject: "s", Body: "b", EventKey: fmt.Sprint("e", i, j), CreatedAt: now}
				if _, err := tx.AddMessage(ctx, &m, p.Email); err != nil {
					return err
				}
			}
		}
		// Three of the four mails are refused; Ann's second is still being tried.
		mails, err := tx.LeaseMail(ctx, "w", now, time.Minute, 10)
		if err != nil || len(mails) != 4 {
			return fmt.Errorf("leased %d (%v), want 4", len(mails), err)
		}
		for _, m := range mails[1:] {
			if err := tx.MailUndelivered(ctx, m.ID, "w", now, "550 5.1.1 No such user"); err != nil {
				return err
			}
		}
		return tx.MailFailed(ctx, mails[0].ID, "w", now.Add(time.Hour), "451 later")
	})
	if err != nil {
		t.Fatal(err)
	}
	refusedTo := func(p model.Professional) (refused bool) {
		db.View(ctx, func(tx *storage.Tx) error {
			refused, err = tx.MailRefusedTo(ctx, p.ID, p.Email)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return refused
	}
	if !refusedTo(ann) || !refusedTo(bob) {
		t.Fatal("both professionals' mail was refused")
	}

	var ids []int64
	err = db.Update(ctx, func(tx *storage.Tx) error {
		ids, err = tx.RequeueUndeliveredMail(ctx, bob.ID, "bob@wijkteam.example", now)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) != 2 {
		t.Fatalf("queued %d mails again, want Bob's 2", len(ids))
	}
	if !refusedTo(ann) || refusedTo(bob) {
		t.Error("queueing Bob's mail again changed whose mail is refused")
	}
	var list []model.UndeliveredMail
	err = db.View(ctx, func(tx *storage.Tx) error {
		list, err = tx.UndeliveredMail(ctx, 10)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].ProfessionalID != ann.ID {
		t.Errorf("undelivered now %+v, want Ann's one refused mail", list)
	}
	err = db.View(ctx, func(tx *storage.Tx) error {
		pending, _, err := tx.OutboxStats(ctx)
		if err == nil && pending != 3 {
			err = fmt.Errorf("pending %d, want Ann's retried mail and Bob's 2", pending)
		}
		return err
	})
	if err != nil {
		t.Error(err)
	}
}
