package main

import (
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

func TestRetentionFlagsDefaultToTwoYearsAndFiveYears(t *testing.T) {
	fs := newFlags("serve")
	keep := addRetentionFlags(fs)
	if err := fs.Parse(nil); err != nil || keep.check() != nil {
		t.Fatal(err, keep.check())
	}
	if keep.maxDuration != (model.Period{Years: 2}) || *keep.archiveYears != 5 || *keep.auditYears != 5 {
		t.Fatalf("defaults: %v, %d, %d; want 2y, 5, 5", keep.maxDuration, *keep.archiveYears, *keep.auditYears)
	}
	fs = newFlags("serve")
	keep = addRetentionFlags(fs)
	if err := fs.Parse([]string{"--max-duration", "1y6m", "--archive-years", "7", "--audit-years", "10"}); err != nil || keep.check() != nil {
		t.Fatal(err, keep.check())
	}
	if keep.maxDuration != (model.Period{Years: 1, Months: 6}) || *keep.archiveYears != 7 || *keep.auditYears != 10 {
		t.Fatalf("given: %v, %d, %d", keep.maxDuration, *keep.archiveYears, *keep.auditYears)
	}
}

func TestServeRefusesBadRetentionSettings(t *testing.T) {
	t.Setenv("JEUGDKETEN_MAX_DURATION", "")
	for _, args := range [][]string{{"--max-duration", "2 jaar"}, {"--max-duration", "0d"}, {"--archive-years", "0"}, {"--audit-years", "-1"}} {
		if _, err := jk(t, append([]string{"serve", "--db", t.TempDir() + "/j.db"}, args...)...); err == nil {
			t.Errorf("serve %v started", args)
		}
	}
	t.Setenv("JEUGDKETEN_MAX_DURATION", "twee jaar")
	if _, err := jk(t, "serve", "--db", t.TempDir()+"/j.db"); err == nil {
		t.Error("serve started with a bad JEUGDKETEN_MAX_DURATION")
	}
}
