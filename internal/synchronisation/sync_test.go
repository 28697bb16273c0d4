package synchronisation_test

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/synchronisation"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

func TestSameListTwiceChangesNothingAndSendsNothingTheSecondTime(t *testing.T) {
	env := testenv.New(t)
	care := newSyncCase(t, env, "Jeugdhulp De Brug", model.TypeJeugdhulp)
	var lines []synchronisation.Line
	for _, bsn := range youthBSNs(t, 4) {
		lines = append(lines, line(bsn, model.KindKetenregistratie, care.pros[0]))
	}
	first := care.sync(t, complete(lines...))
	wantCounts(t, first.Counts, model.SyncCounts{Created: 4})

	raw := testenv.RawDB(t, env)
	messages, mails, audits := testenv.Count(t, raw, "messages"), testenv.Count(t, raw, "outbox"), testenv.Count(t, raw, "audit_log")
	second := care.sync(t, complete(lines...))
	wantCounts(t, second.Counts, model.SyncCounts{Unchanged: 4})
	if second.ID == first.ID {
		t.Fatalf("the second synchronisation has the first one's id %d: a finished one is not resumed", first.ID)
	}
	if n := testenv.Count(t, raw, "messages"); n != messages {
		t.Errorf("messages %d → %d: the same list sent again told someone something", messages, n)
	}
	if n := testenv.Count(t, raw, "outbox"); n != mails {
		t.Errorf("e-mails %d → %d: the same list sent again mailed someone", mails, n)
	}
	if n := testenv.Count(t, raw, "audit_log"); n != audits+1 {
		t.Errorf("audit records %d → %d, want only the synchronisation's own", audits, n)
	}
}

func TestCompleteListEndsWhatIsNotOnItByTheClientSystem(t *testing.T) {
	env := testenv.New(t)
	care := newSyncCase(t, env, "Jeugdhulp De Brug", model.TypeJeugdhulp)
	y := youthBSNs(t, 5)
	kept := env.Register(t, care.pros[0], y[0], model.KindKetenregistratie)
	gone := env.Register(t, care.pros[0], y[1], model.KindKetenregistratie)
	refusedLine := env.Register(t, care.pros[1], y[2], model.KindKetenregistratie)
	otherKind := env.Register(t, care.pros[0], y[3], model.KindSignaal)

	lines := []synchronisation.Line{
		line(y[0], model.KindKetenregistratie, care.pros[0]),
		line(y[2], model.KindKetenregistratie, care.pros[1]),
		line(y[4], model.KindKetenregistratie, care.pros[1]),
	}
	lines[1].BirthDate = "2001-01-01" // not theirs: refused, and so not ended either
	res := care.sync(t, complete(lines...))
	wantCounts(t, res.Counts, model.SyncCounts{Created: 1, Unchanged: 1, Ended: 1, Refused: 1})

	reg := func(id int64) model.Registration {
		var r model.Registration
		err := env.DB.View(ctx, func(tx *storage.Tx) error {
			var err error
			r, err = tx.Registration(ctx, id)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	if r := reg(gone.Registration.ID); r.Active() || r.EndReason != model.EndByClientSystem {
		t.Errorf("registration absent from the complete list: active=%v reason=%q, want ended with %q", r.Active(), r.EndReason, model.EndByClientSystem)
	}
	for name, id := range map[string]int64{"on the list": kept.Registration.ID, "on a refused line": refusedLine.Registration.ID, "of a kind not on the list": otherKind.Registration.ID} {
		if !reg(id).Active() {
			t.Errorf("the registration %s was ended", name)
		}
	}
	if n := testenv.CountWhere(t, testenv.RawDB(t, env), `SELECT count(*) FROM audit_log WHERE action = 'end' AND object_id = $1 AND client_system = $2`,
		testenv.Itoa(gone.Registration.ID), "koppeling:"+testenv.Itoa(care.token)); n != 1 {
		t.Errorf("%d audit records of the ending by the client system, want 1", n)
	}
}

func TestListThatDidNotArriveWholeIsRefusedAndChangesNothing(t *testing.T) {
	env := testenv.New(t)
	care := newSyncCase(t, env, "Jeugdhulp De Brug", model.TypeJeugdhulp)
	y := youthBSNs(t, 3)
	env.Register(t, care.pros[0], y[0], model.KindKetenregistratie)
	lines := []synchronisation.Line{line(y[1], model.KindKetenregistratie, care.pros[0]), line(y[2], model.KindKetenregistratie, care.pros[0])}
	sum := synchronisation.Checksum(lines)
	raw := testenv.RawDB(t, env)
	before := testenv.Count(t, raw, "registrations")

	three := 3
	cut := []synchronisation.Request{
		{Complete: true, Lines: lines[:1], LineCount: &three},               // the count says more arrived
		{Complete: true, Lines: lines[:1], Checksum: sum},                   // the checksum is of the whole
		{Complete: true, Lines: lines},                                      // nothing proves it is whole
		{Complete: false, Lines: lines[:1], Checksum: strings.ToUpper(sum)}, // also an addition is checked
	}
	for i, req := range cut {
		_, err := env.Registry.Synchronisations.Apply(ctx, care.caller, req)
		testenv.WantCode(t, err, model.EINVALID)
		if n := testenv.Count(t, raw, "registrations"); n != before {
			t.Fatalf("case %d: registrations %d → %d for a list that was not whole", i, before, n)
		}
	}
	if n := testenv.Count(t, raw, "sync_reports"); n != 0 {
		t.Errorf("%d reports kept of refused lists", n)
	}
	two := 2
	res := care.sync(t, synchronisation.Request{Complete: true, Lines: lines, LineCount: &two, Checksum: sum})
	wantCounts(t, res.Counts, model.SyncCounts{Created: 2, Ended: 1})
}

func TestDryRunAnswersAsTheSynchronisationAndChangesNothing(t *testing.T) {
	c := newEquivalenceCase(t)
	n := len(c.lines)
	req := synchronisation.Request{Complete: true, Lines: c.lines[:len(c.lines)-1], LineCount: &n}
	n = len(req.Lines)
	raw := testenv.RawDB(t, c.env)
	count := func() [5]int {
		return [5]int{testenv.Count(t, raw, "registrations"), testenv.Count(t, raw, "messages"), testenv.Count(t, raw, "outbox"),
			testenv.Count(t, raw, "matches"), testenv.Count(t, raw, "sync_reports")}
	}
	before := count()
	dry, err := c.env.Registry.Synchronisations.DryRun(ctx, c.care.caller, req)
	if err != nil {
		t.Fatal(err)
	}
	if after := count(); after != before {
		t.Fatalf("registrations, messages, e-mails, matches, reports %v → %v after a dry run", before, after)
	}
	if !dry.DryRun || dry.ID != 0 {
		t.Errorf("dry run answered DryRun=%v id=%d", dry.DryRun, dry.ID)
	}
	real := c.care.sync(t, req)
	if dry.Counts != real.Counts || len(dry.Refusals) != len(real.Refusals) {
		t.Fatalf("dry run said %+v %v, the synchronisation did %+v %v", dry.Counts, dry.Refusals, real.Counts, real.Refusals)
	}
	if real.Counts.Created == 0 || real.Counts.Refused == 0 {
		t.Fatalf("counts %+v: the case proves nothing", real.Counts)
	}
}

func TestBadLineIsRefusedWithItsFieldAndTheOthersGoThrough(t *testing.T) {
	env := testenv.New(t)
	care := newSyncCase(t, env, "Jeugdhulp De Brug", model.TypeJeugdhulp)
	school := newSyncCase(t, env, "Stedelijk College", model.TypeOnderwijs)
	y := youthBSNs(t, 3)
	lines := []synchronisation.Line{
		line(y[0], model.KindKetenregistratie, care.pros[0]),
		{BSN: "123456789", Kind: "ketenregistratie", Professional: care.pros[0].Professional.Email},
		{BSN: y[1], Kind: "zorg", Professional: care.pros[0].Professional.Email},
		line(y[1], model.KindKetenregistratie, school.pros[0]), // another organisation's professional
		{BSN: y[1], Kind: "signaal", Professional: care.pros[0].Professional.Email, EndDate: "30-06-2027"},
		line(y[0], model.KindKetenregistratie, care.pros[1]), // twice on the list
		line(y[2], model.KindKetenregistratie, care.pros[1]),
	}
	res := care.sync(t, synchronisation.Request{Lines: lines})
	wantCounts(t, res.Counts, model.SyncCounts{Created: 2, Refused: 5})
	want := map[int]string{2: "burgerservicenummer", 3: "soort", 4: "medewerker", 5: "einddatum", 6: "burgerservicenummer"}
	if len(res.Refusals) != len(want) {
		t.Fatalf("refusals %+v, want lines 2-6", res.Refusals)
	}
	for _, r := range res.Refusals {
		if len(r.Problems) == 0 || r.Problems[0].Field != want[r.Line] || r.Problems[0].Reason == "" {
			t.Errorf("line %d refused for %+v, want field %q with a reason", r.Line, r.Problems, want[r.Line])
		}
	}
	if !strings.Contains(res.Refusals[4].Problems[0].Reason, "regel 1") {
		t.Errorf("the second line of a youth does not name the first: %q", res.Refusals[4].Problems[0].Reason)
	}
}

func TestReportIsKeptForTheOrganisationOnlyAndTheLastThirty(t *testing.T) {
	env := testenv.New(t)
	care := newSyncCase(t, env, "Jeugdhulp De Brug", model.TypeJeugdhulp)
	other := newSyncCase(t, env, "Stedelijk College", model.TypeOnderwijs)
	y := youthBSNs(t, 1)
	var first int64
	for i := 0; i < synchronisation.Keep+1; i++ {
		res := care.sync(t, synchronisation.Request{Lines: []synchronisation.Line{line(y[0], model.KindKetenregistratie, care.pros[0])}})
		if i == 0 {
			first = res.ID
		}
	}
	last := care.sync(t, synchronisation.Request{Lines: []synchronisation.Line{line(y[0], model.KindKetenregistratie, care.pros[0])}})
	rep, err := env.Registry.Synchronisations.Report(ctx, care.org.ID, last.ID)
	if err != nil || rep.Counts != last.Counts || rep.Status != model.SyncDone {
		t.Fatalf("report again: %+v %v, want %+v done", rep, err, last.Counts)
	}
	_, err = env.Registry.Synchronisations.Report(ctx, other.org.ID, last.ID)
	testenv.WantCode(t, err, model.ENOTFOUND)
	_, err = env.Registry.Synchronisations.Report(ctx, care.org.ID, first)
	testenv.WantCode(t, err, model.ENOTFOUND)
	if n := testenv.CountWhere(t, testenv.RawDB(t, env), `SELECT count(*) FROM sync_reports WHERE organisation_id = $1`, care.org.ID); n != synchronisation.Keep {
		t.Errorf("%d reports kept, want %d", n, synchronisation.Keep)
	}
}

// failingRegister is the population register until it has answered n
// look-ups; then it fails as a register that went down does.
type failingRegister struct {
	usecase.PopulationRegister
	left atomic.Int64
}

var errRegisterDown = errors.New("population register down")

func (f *failingRegister) Lookup(ctx context.Context, bsn string) (model.Person, error) {
	if f.left.Add(-1) < 0 {
		return model.Person{}, errRegisterDown
	}
	return f.PopulationRegister.Lookup(ctx, bsn)
}

// TestSynchronisationCutOffIsCompletedByTheSameRequest: a synchronisation
// that stops halfway (here the register goes down after four lines) keeps
// its whole batches, ends nothing yet, and the same request again goes on
// from there, to the end state of one that never stopped.
func TestSynchronisationCutOffIsCompletedByTheSameRequest(t *testing.T) {
	uninterrupted := newEquivalenceCase(t)
	n := len(uninterrupted.lines)
	want := uninterrupted.care.sync(t, synchronisation.Request{Complete: true, Lines: uninterrupted.lines, LineCount: &n})

	c := newEquivalenceCase(t)
	register := &failingRegister{PopulationRegister: c.env.Registry.Population}
	register.left.Store(7) // batches of 3: two commit, the third fails on its first line
	c.env.Registry.Population = register
	req := synchronisation.Request{Complete: true, Lines: c.lines, LineCount: &n}
	if _, err := c.env.Registry.Synchronisations.Apply(ctx, c.care.caller, req); !errors.Is(err, errRegisterDown) {
		t.Fatalf("first attempt: %v, want the register's failure", err)
	}
	raw := testenv.RawDB(t, c.env)
	if done := testenv.CountWhere(t, raw, `SELECT done_lines FROM sync_reports`); done != 6 {
		t.Fatalf("after the cut-off %d lines done, want the two whole batches (6)", done)
	}
	if ended := testenv.CountWhere(t, raw, `SELECT count(*) FROM registrations WHERE end_reason = 'koppeling'`); ended != 0 {
		t.Fatalf("%d registrations ended by a list not wholly applied", ended)
	}
	register.left.Store(1 << 30)
	got := c.care.sync(t, req)
	if got.Counts != want.Counts || got.ID != 1 {
		t.Errorf("resumed synchronisation %d counted %+v, want synchronisation 1 with %+v", got.ID, got.Counts, want.Counts)
	}
	for _, q := range []string{`SELECT * FROM registrations ORDER BY id`, `SELECT * FROM matches ORDER BY id`, `SELECT * FROM coordinations ORDER BY id`,
		`SELECT professional_id, youth_id, kind, subject, body, event_key FROM messages ORDER BY id`} {
		if a, b := dump(t, testenv.RawDB(t, uninterrupted.env), q), dump(t, raw, q); strings.Join(a, "\n") != strings.Join(b, "\n") {
			t.Errorf("%s differs after the resumed synchronisation:\n%v\n%v", q, a, b)
		}
	}
}
