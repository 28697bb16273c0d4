package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/rekey"
	"github.com/jeugdketen/jeugdketen/internal/secret"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// keysRotate moves the database from the key file --keys to --new-keys. The
// new file must exist already: made with 'keys generate' and copied to a
// safe place first, so the data never depends on a key file that was made
// in passing and is kept nowhere else.
func keysRotate(ctx context.Context, args []string, out io.Writer) error {
	fs := newFlags("keys rotate")
	dbPath := dbFlag(fs)
	keysPath := keysFlag(fs)
	newPath := fs.String("new-keys", "", "the new key file, made beforehand with 'jeugdketen keys generate --keys FILE'")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *newPath == "" {
		return errors.New("give the new key file with --new-keys; make it first with 'jeugdketen keys generate --keys FILE'")
	}
	to, err := secret.LoadFile(*newPath)
	if errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("new key file %s does not exist; make it with 'jeugdketen keys generate --keys %s', keep a copy safe, then rotate", *newPath, *newPath)
	}
	if err != nil {
		return err
	}
	db, err := storage.Open(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	from, err := loadKeys(ctx, db, *keysPath)
	if err != nil {
		return err
	}
	c, err := rekey.Rotate(ctx, db, from, to, operator(), time.Now())
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "keys rotated: %d youths, %d persons of the population register, %d parent links\n", c.Youths, c.Persons, c.ParentLinks)
	if c.ParentLinksDropped > 0 {
		fmt.Fprintf(out, "  dropped %d parent links to parents who are not in the population register (their BSN is unknown); importing the register again restores them\n", c.ParentLinksDropped)
	}
	if err := db.ReclaimSpace(ctx); err != nil {
		return fmt.Errorf("keys rotated, but the space of the replaced values was not cleared: %w", err)
	}
	fmt.Fprintf(out, "the database now belongs to %s: start the server with --keys %s\n", *newPath, *newPath)
	fmt.Fprintf(out, "backups made before now still need %s; destroy it together with them\n", *keysPath)
	return nil
}
