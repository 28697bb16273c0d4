package main

import (
	"flag"
	"fmt"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// retentionFlags are serve's flags for how long data is kept (docs/privacy.md).
type retentionFlags struct {
	maxDuration  model.Period
	archiveYears *int
	auditYears   *int
	err          error
}

func addRetentionFlags(fs *flag.FlagSet) *retentionFlags {
	r := &retentionFlags{maxDuration: usecase.DefaultMaxDuration}
	if v := env("MAX_DURATION", ""); v != "" {
		if r.maxDuration, r.err = model.ParsePeriod(v); r.err != nil {
			r.err = fmt.Errorf("JEUGDKETEN_MAX_DURATION: %w", r.err)
		}
	}
	fs.Func("max-duration", "how long a registration runs unless its organisation renews it, in years (y), months (m) and days (d), such as 2y or 18m; default 2y (JEUGDKETEN_MAX_DURATION)",
		func(s string) error {
			p, err := model.ParsePeriod(s)
			if err == nil {
				r.maxDuration, r.err = p, nil
			}
			return err
		})
	r.archiveYears = fs.Int("archive-years", envInt("ARCHIVE_YEARS", usecase.DefaultArchiveYears), "years an ended registration stays in the historic archive before it is deleted (JEUGDKETEN_ARCHIVE_YEARS)")
	r.auditYears = fs.Int("audit-years", envInt("AUDIT_YEARS", usecase.DefaultAuditYears), "years audit records are kept before the sweep purges them (JEUGDKETEN_AUDIT_YEARS)")
	return r
}

// check reports a bad value, after parsing.
func (r *retentionFlags) check() error {
	switch {
	case r.err != nil:
		return r.err
	case *r.archiveYears < 1:
		return fmt.Errorf("--archive-years must be at least 1, not %d", *r.archiveYears)
	case *r.auditYears < 1:
		return fmt.Errorf("--audit-years must be at least 1, not %d", *r.auditYears)
	}
	return nil
}
