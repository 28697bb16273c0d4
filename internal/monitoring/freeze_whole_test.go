package monitoring_test

import (
	"errors"
	"sync"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/monitoring"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

func monthsMade(t *testing.T, env *testenv.Env) []string {
	t.Helper()
	var made []string
	if err := env.DB.View(ctx, func(tx *storage.Tx) error {
		var err error
		made, err = tx.MonitoringMonthsMade(ctx)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return made
}

// failCellsOf makes the database refuse the cells of registrations of
// month, halfway through saving that month (its month row and the cells
// that sort before it are written by then).
func failCellsOf(t *testing.T, env *testenv.Env, month string) (undo func()) {
	t.Helper()
	db := testenv.RawDB(t, env)
	create := []string{`CREATE TRIGGER fail_cells BEFORE INSERT ON monitoring_cells
		WHEN NEW.month = '` + month + `' AND NEW.measure = 'registraties' BEGIN SELECT RAISE(ABORT, 'injected failure'); END`}
	drop := []string{`DROP TRIGGER fail_cells`}
	if testenv.Postgres() {
		create = []string{`CREATE FUNCTION fail_cells() RETURNS trigger LANGUAGE plpgsql AS $$
			BEGIN
				IF NEW.month = '` + month + `' AND NEW.measure = 'registraties' THEN RAISE EXCEPTION 'injected failure'; END IF;
				RETURN NEW;
			END $$`,
			`CREATE TRIGGER fail_cells BEFORE INSERT ON monitoring_cells FOR EACH ROW EXECUTE FUNCTION fail_cells()`}
		drop = []string{`DROP TRIGGER fail_cells ON monitoring_cells`, `DROP FUNCTION fail_cells()`}
	}
	for _, q := range create {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	return func() {
		for _, q := range drop {
			if _, err := db.Exec(q); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestAMonthIsWholeOrAbsent: a failure while December is saved leaves
// November made and nothing of December, not even its month row; the next
// run makes December whole.
func TestAMonthIsWholeOrAbsent(t *testing.T) {
	c := testenv.NewCareCase(t)
	env := c.Env
	at(env, "2026-12-02 10:00")
	env.Register(t, c.School, population.BSNTeen, model.KindSignaal)
	undo := failCellsOf(t, env, "2026-12")

	at(env, "2027-01-04 07:00")
	n, err := env.Registry.Monitoring.MakeMonths(ctx)
	if err == nil || n != 1 {
		t.Fatalf("with December failing: %d months made, %v; want November made and December's error", n, err)
	}
	if made := monthsMade(t, env); len(made) != 1 || made[0] != "2026-11" {
		t.Fatalf("months made %v, want November only", made)
	}
	raw := testenv.RawDB(t, env)
	if n := testenv.CountWhere(t, raw, `SELECT count(*) FROM monitoring_cells WHERE month = '2026-12'`); n != 0 {
		t.Fatalf("%d cells of December after its failure, want none", n)
	}
	nov := testenv.CountWhere(t, raw, `SELECT count(*) FROM monitoring_cells WHERE month = '2026-11'`)
	if nov == 0 {
		t.Fatal("November has no cells")
	}

	undo()
	makeMonthsAt(t, env, "2027-01-04 08:00", 1)
	if got := monthCounts(t, env, "2026-12"); got[cellKey(townOf(t, env, c.Ref), c.School.Organisation.ID, monitoring.MeasureRegistrations, "signaal")] != 1 {
		t.Errorf("December remade: %v", got)
	}
	if n := testenv.CountWhere(t, raw, `SELECT count(*) FROM monitoring_cells WHERE month = '2026-11'`); n != nov {
		t.Errorf("November has %d cells after the rerun, had %d: a made month changed", n, nov)
	}
	makeMonthsAt(t, env, "2027-01-04 09:00", 0)
}

// TestTwoInstancesMakeEachMonthOnce: two services on one database make
// the months together; each month is made by one of them, and neither
// fails.
func TestTwoInstancesMakeEachMonthOnce(t *testing.T) {
	c := testenv.NewCareCase(t)
	env := c.Env
	at(env, "2027-03-01 07:00") // November to February are due
	other := *env.Registry.Monitoring
	var wg sync.WaitGroup
	made := make([]int, 2)
	errs := make([]error, 2)
	for i, s := range []*monitoring.Service{env.Registry.Monitoring, &other} {
		wg.Go(func() { made[i], errs[i] = s.MakeMonths(ctx) })
	}
	wg.Wait()
	if errs[0] != nil || errs[1] != nil || made[0]+made[1] != 4 {
		t.Fatalf("made %v, errors %v; want 4 months between them and no error", made, errs)
	}
	if got := monthsMade(t, env); len(got) != 4 || got[0] != "2026-11" || got[3] != "2027-02" {
		t.Errorf("months made %v", got)
	}
}

// TestASecondSaveOfAMonthIsRefusedAndWritesNothing: what the instance that
// comes second meets; MakeMonths takes it as made.
func TestASecondSaveOfAMonthIsRefusedAndWritesNothing(t *testing.T) {
	env := testenv.New(t)
	cell := func(n int) []model.MonitoringCell {
		return []model.MonitoringCell{{Month: "2026-11", Municipality: "0772", Measure: monitoring.MeasureRegistrations, Category: "signaal", N: n, Shown: 5}}
	}
	save := func(cells []model.MonitoringCell) error {
		return env.DB.Update(ctx, func(tx *storage.Tx) error { return tx.SaveMonitoringMonth(ctx, "2026-11", cells, env.Clock.Now()) })
	}
	if err := save(cell(4)); err != nil {
		t.Fatal(err)
	}
	if err := save(cell(6)); !errors.Is(err, storage.ErrMonthMade) {
		t.Fatalf("second save: %v, want ErrMonthMade", err)
	}
	var cells []model.MonitoringCell
	if err := env.DB.View(ctx, func(tx *storage.Tx) error {
		var err error
		cells, err = tx.MonitoringMonthCells(ctx, "2026-11")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if len(cells) != 1 || cells[0].N != 4 {
		t.Errorf("cells %+v, want the first save's only", cells)
	}
}

// TestMonthsAreMadeAtMostThreeYearsBack: a region that starts with a long
// history gets its last 36 months, all at once, and nothing later than the
// month before the running one.
func TestMonthsAreMadeAtMostThreeYearsBack(t *testing.T) {
	c := testenv.NewCareCase(t) // registrations since November 2026
	env := c.Env
	makeMonthsAt(t, env, "2030-06-03 07:00", monitoring.MaxBackfill) // Monday, the first working day of June
	made := monthsMade(t, env)
	if len(made) != 36 || made[0] != "2027-06" || made[35] != "2030-05" {
		t.Errorf("made %d months, %s to %s; want June 2027 to May 2030", len(made), made[0], made[len(made)-1])
	}
	makeMonthsAt(t, env, "2030-06-30 23:00", 0) // June is still running
}
