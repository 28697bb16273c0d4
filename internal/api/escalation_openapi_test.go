package api

import (
	"net/http"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/escalation"
	"github.com/jeugdketen/jeugdketen/internal/model"
)

// escalationCases are the answers of the escalation and care-pyramid
// routes, for TestOpenAPIResponsesMatchTheGoStructs: an escalation with the
// alderman's authority waiting at step 4 and overdue, one with the GI's
// authority that ended after agreement (steps skipped), none at all; a
// level-3 pyramid with a late meeting and a stagnation handled, a level-2
// one without deadlines, and a region without the pyramid.
func escalationCases(f fixture) []struct {
	method, path string
	status       int
	body         any
} {
	due := f.now.Add(48 * time.Hour)
	done := f.then
	steps := func(authority string, state func(n int, s *escalation.StepView)) []escalation.StepView {
		var out []escalation.StepView
		for n := 1; n <= 7; n++ {
			s := escalation.StepView{Number: n, Actor: "Zorgcoördinator", Task: "schakelt de eigen directie in"}
			state(n, &s)
			out = append(out, s)
		}
		return out
	}
	running := &escalation.View{
		ID: 4, Reference: f.youth.Reference, Coordinator: f.wijkteamOrg, Authority: model.AuthorityAlderman,
		StartedAt: f.then, StartedBy: f.wijkteam, Workdays: 2,
	}
	running.Steps = steps(running.Authority, func(n int, s *escalation.StepView) {
		switch {
		case n < 4:
			s.Due, s.DoneAt, s.DoneBy, s.DoneFor = &due, &done, &f.wijkteam, f.wijkteamOrg.Name
			if n == 3 {
				s.Outcome = escalation.OutcomeNoAgreement
			}
		case n == 4:
			s.Due, s.Waiting, s.Overdue = &due, true, true
		}
	})
	running.Next = &running.Steps[3]
	gi := model.Organisation{ID: 9, Name: "GI Flevoland", Type: model.TypeGI, Role: model.RoleZorgaanbieder, Active: true}
	ended := f.now
	executed := &escalation.View{
		ID: 5, Reference: f.youth.Reference, Coordinator: gi, Authority: model.AuthorityGI, AuthorityOrganisation: &gi,
		StartedAt: f.then, StartedBy: f.wijkteam, EndedAt: &ended, Outcome: model.EscalationExecuted, Workdays: 2,
	}
	executed.Steps = steps(executed.Authority, func(n int, s *escalation.StepView) {
		if n == 4 || n == 5 {
			s.Skipped = true
			return
		}
		s.DoneAt, s.DoneBy, s.DoneFor = &done, &f.wijkteam, gi.Name
		if n == 3 {
			s.Outcome = escalation.OutcomeAgreement
		}
	})
	withdrawn := *running
	withdrawn.EndedAt, withdrawn.Outcome, withdrawn.Next = &ended, model.EscalationWithdrawn, nil

	on := time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC)
	level3 := &escalation.PyramidView{
		Level: 3, Rule: "niveau-3", RuleText: "niveau 3 van de zorgpiramide", StagnationHours: 48,
		Convene: &escalation.ConveneView{Workdays: 5, Due: due, ConvenedOn: &on, RecordedBy: &f.wijkteam, RecordedAt: &f.now},
		Stagnation: &escalation.StagnationView{
			ID: 2, ReportedAt: f.then, ReportedBy: f.teacher, ReportedFor: f.school.Name, Due: due, Hours: 48,
			ConvenedAt: &f.now, InstructedAt: &f.now, Overdue: true,
		},
	}
	open := &escalation.PyramidView{Level: 3, Rule: "niveau-3", StagnationHours: 48,
		Convene: &escalation.ConveneView{Workdays: 5, Due: due, Overdue: true}}
	level2 := &escalation.PyramidView{Level: 2, Rule: "niveau-2-jgz", StagnationHours: 48}
	gicoordinates := &escalation.PyramidView{Rule: "gi"}

	ref := f.youth.Reference
	esc := func(v *escalation.View) escalationResponse {
		return escalationResponse{Escalatie: newEscalationView(v)}
	}
	pyr := func(p *escalation.PyramidView) pyramidResponse {
		return pyramidResponse{Zorgpiramide: pyramid(ref, p)}
	}
	base := "/api/v1/jeugdigen/{referentie}"
	return []struct {
		method, path string
		status       int
		body         any
	}{
		{"GET", base + "/escalatie", http.StatusOK, esc(running)},
		{"GET", base + "/escalatie", http.StatusOK, esc(nil)},
		{"POST", base + "/escalatie", http.StatusCreated, esc(running)},
		{"POST", base + "/escalatie/stappen", http.StatusOK, esc(executed)},
		{"POST", base + "/escalatie/intrekken", http.StatusOK, esc(&withdrawn)},
		{"GET", base + "/zorgpiramide", http.StatusOK, pyr(level3)},
		{"GET", base + "/zorgpiramide", http.StatusOK, pyr(level2)},
		{"GET", base + "/zorgpiramide", http.StatusOK, pyr(gicoordinates)},
		{"GET", base + "/zorgpiramide", http.StatusOK, pyr(nil)},
		{"POST", base + "/zorgpiramide/overleg", http.StatusOK, pyr(level3)},
		{"POST", base + "/zorgpiramide/stagnatie", http.StatusCreated, pyr(open)},
		{"POST", base + "/zorgpiramide/stagnatie/bijeengeroepen", http.StatusOK, pyr(level3)},
		{"POST", base + "/zorgpiramide/stagnatie/opdracht", http.StatusOK, pyr(level3)},
	}
}
