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

// TestLeaseMailTakesAtMostTheLimit: a worker takes its batch, not every due
// mail, so that other instances get the rest. On PostgreSQL the due rows
// were once chosen in a subquery that ran again for each row updated.
func TestLeaseMailTakesAtMostTheLimit(t *testing.T) {
	db, _ := testenv.MustOpenDB(t)
	ctx := context.Background()
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	err := db.Update(ctx, func(tx *storage.Tx) error {
		o := model.Organisation{Name: "Wijkteam", Type: model.TypeWijkteam, Role: model.RoleZorgaanbieder, Municipality: "0772", Active: true}
		if err := tx.CreateOrganisation(ctx, &o, now); err != nil {
			return err
		}
		p := model.Professional{OrganisationID: o.ID, Name: "Medewerker", Email: "m@wijkteam.example", Phone: "040-1234567", Active: true}
		if err := tx.CreateProfessional(ctx, &p, now); err != nil {
			return err
		}
		for i := range 7 {
			m := model.Message{ProfessionalID: p.ID, Kind: "match", Subject: "s", Body: "b", EventKey: fmt.Sprint("e", i), CreatedAt: now}
			if _, err := tx.AddMessage(ctx, &m, p.Email); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[int64]string{}
	for _, c := range []struct {
		owner string
		want  int
	}{{"A", 3}, {"B", 3}, {"C", 1}, {"D", 0}} {
		err := db.Update(ctx, func(tx *storage.Tx) error {
			mails, err := tx.LeaseMail(ctx, c.owner, now, time.Minute, 3)
			if err != nil {
				return err
			}
			if len(mails) != c.want {
				return fmt.Errorf("%s leased %d mails, want %d", c.owner, len(mails), c.want)
			}
			for _, m := range mails {
				if seen[m.ID] != "" {
					return fmt.Errorf("%s leased mail %d, which %s holds", c.owner, m.ID, seen[m.ID])
				}
				seen[m.ID] = c.owner
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
