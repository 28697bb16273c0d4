package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

func TestPanicInATransactionRollsBackAndFreesTheWriter(t *testing.T) {
	db, _ := testenv.MustOpenDB(t)
	ctx := context.Background()
	func() {
		defer func() { recover() }()
		db.Update(ctx, func(tx *storage.Tx) error {
			o := model.Organisation{Name: "Half", Type: model.TypeJGZ, Role: model.RoleZorgaanbieder, Municipality: "Eindhoven", Active: true}
			tx.CreateOrganisation(ctx, &o, time.Now())
			panic("boom")
		})
	}()
	done := make(chan error, 1)
	go func() {
		done <- db.Update(ctx, func(tx *storage.Tx) error {
			list, err := tx.Organisations(ctx)
			if err == nil && len(list) != 0 {
				t.Errorf("the panicking transaction was committed: %+v", list)
			}
			return err
		})
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the write connection is still held after a panic")
	}
}

func TestMigrationsApplyOnceAndReopenKeepsData(t *testing.T) {
	db, path := testenv.MustOpenDB(t)
	ctx := context.Background()
	o := model.Organisation{Name: "GGD", Type: model.TypeJGZ, Role: model.RoleZorgaanbieder, Municipality: "Eindhoven", Active: true}
	if err := db.Update(ctx, func(tx *storage.Tx) error { return tx.CreateOrganisation(ctx, &o, time.Now()) }); err != nil {
		t.Fatal(err)
	}
	db.Close()
	again, err := storage.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	again.View(ctx, func(tx *storage.Tx) error {
		got, err := tx.Organisation(ctx, o.ID)
		if err != nil || got.Name != "GGD" {
			t.Fatalf("after reopening: %+v, %v", got, err)
		}
		return nil
	})
}

func TestSchemaRefusesWhatTheDomainForbids(t *testing.T) {
	db, _ := testenv.MustOpenDB(t)
	ctx := context.Background()
	bad := model.Organisation{Name: "X", Type: "bakker", Role: model.RoleZorgaanbieder, Municipality: "Eindhoven", Active: true}
	if err := db.Update(ctx, func(tx *storage.Tx) error { return tx.CreateOrganisation(ctx, &bad, time.Now()) }); err == nil {
		t.Fatal("the schema accepted an unknown organisation type")
	}
	if _, err := storage.Open(ctx, "postgres://localhost/jeugdketen"); err == nil {
		t.Fatal("a PostgreSQL address was accepted although PostgreSQL is not supported yet")
	}
}
