// Package coordination assigns the coordinating organisation by the covenant,
// and follows it: accept, state that none is needed, hand over, close, and the
// alerts when the coordinator's job stays undone.
package coordination

import (
	"github.com/jeugdketen/jeugdketen/internal/family"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// Service runs the coordination use cases on the shared settings of usecase.Service.
type Service struct {
	*usecase.Service
	Families *family.Service
}
