package api

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// coordinationCases are the answers of the coordination actions, for
// TestOpenAPIResponsesMatchTheGoStructs: assigned (with its deadline),
// accepted with an open handover, not needed, and closed.
func coordinationCases(f fixture) []struct {
	method, path string
	status       int
	body         any
} {
	assigned := *f.picture.Coordinator
	assigned.Status, assigned.Professional, assigned.DecidedAt, assigned.AcceptDue = "toegewezen", nil, nil, &f.now
	assigned.May = usecase.CoordinatorOptions{Accept: true, NotNeeded: true}

	handingOver := *f.picture.Coordinator
	handingOver.Handover = &usecase.OpenHandover{ID: 1, To: f.wijkteamOrg, ProposedBy: f.teacher, ProposedAt: f.now}
	handingOver.May = usecase.CoordinatorOptions{Accept: true, Close: true, WithdrawHandover: true, Candidates: []model.Organisation{f.wijkteamOrg}}

	notNeeded := *f.picture.Coordinator
	notNeeded.Status, notNeeded.Professional, notNeeded.NotNeeded = "niet-nodig", nil, model.NotNeededMutualAlignment
	notNeeded.May = usecase.CoordinatorOptions{Accept: true}

	answer := func(c *usecase.Coordinator) coordinationResponse {
		return coordinationResponse{Referentie: f.youth.Reference, Coordinator: coordinator(c, true), Bericht: "Vastgelegd."}
	}
	base := "/api/v1/jeugdigen/{referentie}/coordinatie"
	return []struct {
		method, path string
		status       int
		body         any
	}{
		{"POST", base + "/accepteren", http.StatusOK, answer(f.picture.Coordinator)},
		{"POST", base + "/niet-nodig", http.StatusOK, answer(&notNeeded)},
		{"POST", base + "/overdracht", http.StatusOK, answer(&handingOver)},
		{"POST", base + "/overdracht/accepteren", http.StatusOK, answer(f.picture.Coordinator)},
		{"POST", base + "/overdracht/weigeren", http.StatusOK, answer(&assigned)},
		{"POST", base + "/overdracht/intrekken", http.StatusOK, answer(&assigned)},
		{"POST", base + "/afsluiten", http.StatusOK, closedResponse{Referentie: f.youth.Reference, Status: "afgesloten", BeeindigdeRegistraties: 3, Bericht: "Afgesloten."}},
	}
}
