package population

import (
	"context"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/secret"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// This file is the one bridge left from package population to storage, for
// internal/registry (register.go, family.go and move_refresh.go call
// AddressKey; family_test.go and move_test.go build a Local), which another
// change is splitting and this one may not edit. Once those use
// storage.AddressKey and storage.NewLocalRegister, delete this file and
// population no longer imports storage.

// Local is the local register under its old name.
//
// Deprecated: use storage.NewLocalRegister.
type Local struct {
	DB   *storage.DB
	Keys *secret.Keys
}

// Lookup is storage.LocalRegister.Lookup.
//
// Deprecated: use storage.NewLocalRegister.
func (l *Local) Lookup(ctx context.Context, bsn string) (model.Person, error) {
	return storage.NewLocalRegister(l.DB, l.Keys).Lookup(ctx, bsn)
}

// Import is storage.LocalRegister.Import.
//
// Deprecated: use storage.NewLocalRegister.
func (l *Local) Import(ctx context.Context, records []Record, now time.Time) error {
	return storage.NewLocalRegister(l.DB, l.Keys).Import(ctx, records, now)
}

// Relatives is storage.LocalRegister.Relatives.
//
// Deprecated: use storage.NewLocalRegister.
func (l *Local) Relatives(ctx context.Context, bsn string) (Relatives, error) {
	return storage.NewLocalRegister(l.DB, l.Keys).Relatives(ctx, bsn)
}

// AddressKey is storage.AddressKey.
//
// Deprecated: use storage.AddressKey.
func AddressKey(keys *secret.Keys, postcode, houseNumber string) []byte {
	return storage.AddressKey(keys, postcode, houseNumber)
}
