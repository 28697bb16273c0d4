// Package plan is the coordinator's plan: agreements with their deadlines,
// contacts with the signallers, signals reported wrong, and the worklist.
package plan

import (
	"github.com/jeugdketen/jeugdketen/internal/escalation"
	"github.com/jeugdketen/jeugdketen/internal/registration"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// Service runs the plan use cases on the shared settings of usecase.Service.
type Service struct {
	*usecase.Service
	Escalations   *escalation.Service
	Registrations *registration.Service
}
