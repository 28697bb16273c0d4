// Package registration holds the registrations: register (and match, in
// register.go: the one place where matching happens), end, renew, remove,
// read, inform, object, and the retention and archive rules that end them.
package registration

import (
	"github.com/jeugdketen/jeugdketen/internal/coordination"
	"github.com/jeugdketen/jeugdketen/internal/family"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// Service runs the registration use cases on the shared settings of usecase.Service.
type Service struct {
	*usecase.Service
	Coordinations *coordination.Service
	Families      *family.Service
}
