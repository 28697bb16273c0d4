package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

// combinedMail stores two messages to one professional, the second urgent,
// and queues them as one e-mail filed under the first.
func combinedMail(t *testing.T, db *storage.DB, now time.Time) (mail int64) {
	t.Helper()
	ctx := context.Background()
	err := db.Update(ctx, func(tx *storage.Tx) error {
		o := model.Organisation{Name: "Wijkteam", Type: model.TypeWijkteam, Role: model.RoleZorgaanbieder, Municipality: "0772", Active: true}
		if err := tx.CreateOrganisation(ctx, &o, now); err != nil {
			return err
		}
		p := model.Professional{OrganisationID: o.ID, Name: "Medewerker", Email: "m@wijkteam.example", Phone: "040-1234567", Active: true}
		if err := tx.CreateProfessional(ctx, &p, now); err != nil {
			return err
		}
		first := model.Message{ProfessionalID: p.ID, Kind: "match", Subject: "Eerste", Body: "een", EventKey: "match:1", CreatedAt: now, Urgent: true}
		second := model.Message{ProfessionalID: p.ID, Kind: "coordinator", Subject: "Tweede", Body: "twee", EventKey: "coordinator:1", CreatedAt: now}
		for _, m := range []*model.Message{&first, &second} {
			if _, err := tx.AddMessage(ctx, m, ""); err != nil {
				return err
			}
		}
		var err error
		mail, err = tx.QueueMail(ctx, p.Email, "Samen", "een en twee", now, first.ID, second.ID)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return mail
}

func TestACombinedMailIsSentAsCombinedWithSpoedWhenItLeadsWithAnUrgentMessage(t *testing.T) {
	db, _ := testenv.MustOpenDB(t)
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	id := combinedMail(t, db, now)
	var mails []storage.Mail
	err := db.Update(context.Background(), func(tx *storage.Tx) error {
		var err error
		mails, err = tx.LeaseMail(context.Background(), "A", now, time.Minute, 10)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(mails) != 1 || mails[0].ID != id || mails[0].Subject != storage.UrgentSubject+"Samen" || mails[0].Body != "een en twee" {
		t.Fatalf("leased %+v, want the one combined mail %d, subject %q", mails, id, storage.UrgentSubject+"Samen")
	}
}

// Withdrawing any message a combined mail carries, not only the one it is
// filed under, withdraws the unsent mail: its text holds that message too.
func TestDeletingASecondMessageDeletesTheCombinedMailCarryingIt(t *testing.T) {
	db, path := testenv.MustOpenDB(t)
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	combinedMail(t, db, now)
	raw := testenv.OpenRaw(t, path)

	err := db.Update(context.Background(), func(tx *storage.Tx) error {
		return tx.DeleteMessagesByEvent(context.Background(), "coordinator:1")
	})
	if err != nil {
		t.Fatal(err)
	}

	var n int
	if err := raw.QueryRow(`SELECT count(*) FROM outbox`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Fatalf("%d mails left after the second message was withdrawn, want 0", n)
	}
}
