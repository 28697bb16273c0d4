package storage

import (
	"context"
	"fmt"
)

// Setting returns a stored setting, or "" when it is not set.
func (tx *Tx) Setting(ctx context.Context, name string) (string, error) {
	var v string
	err := tx.queryRow(ctx, `SELECT value FROM settings WHERE name = $1`, name).Scan(&v)
	if err = notFound(err); err == ErrNotFound {
		return "", nil
	}
	return v, err
}

// SetSetting stores a setting.
func (tx *Tx) SetSetting(ctx context.Context, name, value string) error {
	_, err := tx.exec(ctx, `INSERT INTO settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = excluded.value`, name, value)
	if err != nil {
		return fmt.Errorf("store: unable to save setting: %w", err)
	}
	return nil
}
