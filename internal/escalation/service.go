// Package escalation runs the escalation procedure (doorzettingsmacht) and the
// care pyramid, with their steps and deadlines.
package escalation

import (
	"github.com/jeugdketen/jeugdketen/internal/coordination"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// Service runs the escalation use cases on the shared settings of usecase.Service.
type Service struct {
	*usecase.Service
	Coordinations *coordination.Service
}
