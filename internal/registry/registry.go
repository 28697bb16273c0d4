// Package registry wires the use cases into the one service the edges (web,
// api, the admin commands) call, and holds what spans all of them: the youth's
// page and the background sweeps. The use cases live in one package per
// concern; a registration is matched in internal/registration/register.go.
package registry

import (
	"github.com/jeugdketen/jeugdketen/internal/coordination"
	"github.com/jeugdketen/jeugdketen/internal/escalation"
	"github.com/jeugdketen/jeugdketen/internal/family"
	"github.com/jeugdketen/jeugdketen/internal/feed"
	"github.com/jeugdketen/jeugdketen/internal/monitoring"
	"github.com/jeugdketen/jeugdketen/internal/plan"
	"github.com/jeugdketen/jeugdketen/internal/registration"
	"github.com/jeugdketen/jeugdketen/internal/synchronisation"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// Service holds every use case, sharing one set of settings: a test that sets
// the clock on it sets it for all.
type Service struct {
	*usecase.Service
	Registrations *registration.Service
	Coordinations *coordination.Service
	Plans         *plan.Service
	Escalations   *escalation.Service
	Families      *family.Service
	Monitoring    *monitoring.Service
	// Synchronisations: a client system's list of registrations (issue 16).
	Synchronisations *synchronisation.Service
	Feed             *feed.Service // events and webhooks for client systems (issue 16)
}

// New wires the use cases on the settings in core. The arrows run one way:
// family ◄ coordination ◄ registration, coordination ◄ escalation, and
// registration, escalation ◄ plan.
func New(core *usecase.Service) *Service {
	families := &family.Service{Service: core}
	coordinations := &coordination.Service{Service: core, Families: families}
	registrations := &registration.Service{Service: core, Coordinations: coordinations, Families: families}
	escalations := &escalation.Service{Service: core, Coordinations: coordinations}
	return &Service{
		Service:       core,
		Registrations: registrations,
		Coordinations: coordinations,
		Plans:         &plan.Service{Service: core, Escalations: escalations, Registrations: registrations},
		Escalations:   escalations,
		Families:      families,
		Monitoring:    &monitoring.Service{Service: core},

		Synchronisations: &synchronisation.Service{Service: core, Registrations: registrations},
		Feed:             &feed.Service{Service: core},
	}
}
