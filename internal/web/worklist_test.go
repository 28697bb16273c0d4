package web_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/plan"
)

// TestWebWorklistShowsWhatTheCoordinatorMustDo: the coordinator's worklist
// lists the youth, the signallers still to call with their phone numbers,
// an agreement by due date, and marks what is overdue; the responsible
// professional of another organisation sees the agreement as theirs.
func TestWebWorklistShowsWhatTheCoordinatorMustDo(t *testing.T) {
	a := startPlanApp(t)
	c := a.login(t, a.wijkteam)

	p := get(t, c, a.base+"/werklijst")
	if p.StatusCode != http.StatusOK {
		t.Fatalf("GET /werklijst = %d", p.StatusCode)
	}
	mustContain(t, p, "Werklijst", `href="/jeugdigen/`+a.ref+`"`, "geaccepteerd", "Signaalgevers nog niet gebeld",
		a.school.Professional.Phone, a.police.Professional.Phone, "Er zijn geen open afspraken", "Er loopt geen escalatie")
	if strings.Contains(p.Body, "jk-overdue") {
		t.Error("something overdue on the day of acceptance")
	}

	if _, err := a.env.Registry.Plans.CreateAgreement(t.Context(), a.wijkteam.Actor, a.ref, plan.Agreeing{
		Action: "huisbezoek", Responsible: a.wijkteam.Professional.Email, Start: dayPtr("2026-11-23"), End: dayPtr("2026-11-25"),
	}); err != nil {
		t.Fatal(err)
	}
	// Monday 30 November: the visit (until Wednesday 25th) and both calls
	// (due Wednesday 25th, two working days after Monday's acceptance) are overdue.
	a.env.Clock.Set(time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC))
	c = a.login(t, a.wijkteam) // the session of a week ago has expired
	p = get(t, c, a.base+"/werklijst")
	mustContain(t, p, "3 termijnen zijn verstreken", "huisbezoek", "25 november 2026 (verlopen)", "woensdag 25 november 2026 (verstreken)")

	// Another organisation, not coordinating: nothing of this youth.
	other := get(t, a.login(t, a.school), a.base+"/werklijst")
	mustContain(t, other, "Uw organisatie coördineert nu voor geen enkele jeugdige", "Er zijn geen open afspraken")
	if strings.Contains(other.Body, a.ref) {
		t.Error("the school's worklist names the youth")
	}
}

func dayPtr(s string) *time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return &d
}
