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

func TestSearchProfessionalsPagesInTheDatabase(t *testing.T) {
	db, _ := testenv.MustOpenDB(t)
	ctx := context.Background()
	now := time.Now()
	err := db.Update(ctx, func(tx *storage.Tx) error {
		for _, org := range []string{"Wijkteam Noord", "GGD 100% Zuid"} {
			o := model.Organisation{Name: org, Type: model.TypeJGZ, Role: model.RoleZorgaanbieder, Municipality: "Eindhoven", Active: true}
			if err := tx.CreateOrganisation(ctx, &o, now); err != nil {
				return err
			}
			for i := 1; i <= 7; i++ {
				p := model.Professional{OrganisationID: o.ID, Name: fmt.Sprintf("%s %d", org[:3], i), Email: fmt.Sprintf("p%d@%d.example", i, o.ID), Phone: "040", Active: true}
				if err := tx.CreateProfessional(ctx, &p, now); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	search := func(q string, limit, offset int) ([]model.Professional, int) {
		t.Helper()
		var list []model.Professional
		var total int
		if err := db.View(ctx, func(tx *storage.Tx) error {
			var err error
			list, total, err = tx.SearchProfessionals(ctx, q, limit, offset)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return list, total
	}

	// Pages of 5 from 14: 5, 5, 4, by organisation name then name.
	var names []string
	for offset := 0; offset < 15; offset += 5 {
		list, total := search("", 5, offset)
		if total != 14 || len(list) != min(5, 14-offset) {
			t.Fatalf("offset %d: %d of %d, want %d of 14", offset, len(list), total, min(5, 14-offset))
		}
		for _, p := range list {
			names = append(names, p.Name)
		}
	}
	if names[0] != "GGD 1" || names[6] != "GGD 7" || names[7] != "Wij 1" || names[13] != "Wij 7" {
		t.Errorf("not by organisation and name: %v", names)
	}

	for _, c := range []struct {
		q    string
		want int
	}{
		{"wijkteam", 7}, // the organisation's name, any case
		{"GGD 3", 1},    // the name
		{"P2@", 2},      // the e-mail address, any case
		{"%", 7},        // a % in the query is a percent sign, not "anything"
		{"_", 0},        // and _ is an underscore
		{"  ggd  ", 7},  // spaces around are ignored
		{"niemand", 0},
	} {
		if _, total := search(c.q, 5, 0); total != c.want {
			t.Errorf("search %q: %d, want %d", c.q, total, c.want)
		}
	}
}
