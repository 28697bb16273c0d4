// Package family is the youth's household as the population register shows it:
// the address view, families, relations between youths, and moves.
package family

import (
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// Service runs the family use cases on the shared settings of usecase.Service.
type Service struct {
	*usecase.Service
}
