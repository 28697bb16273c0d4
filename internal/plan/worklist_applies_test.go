package plan_test

import (
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// TestWorklistIsOnlyForThoseWithWork: the worklist is offered to the
// coordinating organisation and to a professional responsible for an open
// agreement, not to a signaller without one, a care organisation that
// coordinates nothing, or a monitoring account, even one inside the
// coordinating organisation.
func TestWorklistIsOnlyForThoseWithWork(t *testing.T) {
	w := newPlanWorld(t)
	monitor := w.env.Monitor(t, w.wijkteam.Organisation)
	has := func(a usecase.Actor) bool {
		t.Helper()
		ok, err := w.env.Registry.Plans.HasWorklist(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	if !has(w.wijkteam) {
		t.Error("the organisation assigned to coordinate has no worklist")
	}
	for name, a := range map[string]usecase.Actor{"school": w.school, "jgz, not involved": w.jgz, "monitoring account": monitor} {
		if has(a) {
			t.Errorf("%s has a worklist before anything is theirs", name)
		}
	}
	w.accept(t)
	w.agree(t, "overleg", w.school, "2026-11-30", "2026-12-04")
	if !has(w.school) {
		t.Error("the school, responsible for an open agreement, has no worklist")
	}
	if has(w.police) {
		t.Error("the police, responsible for nothing, has a worklist")
	}
}
