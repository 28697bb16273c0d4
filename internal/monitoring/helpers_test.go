package monitoring_test

import (
	"context"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

// ctx is the context of every call in these tests.
var ctx = context.Background()

// monthCells are a made month's cells, with their true counts.
func monthCells(t *testing.T, env *testenv.Env, month string) []model.MonitoringCell {
	t.Helper()
	var cells []model.MonitoringCell
	if err := env.DB.View(ctx, func(tx *storage.Tx) error {
		var err error
		cells, err = tx.MonitoringMonthCells(ctx, month)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return cells
}
