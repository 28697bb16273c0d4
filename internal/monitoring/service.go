// Package monitoring gives municipalities aggregate figures, never about one
// youth: small numbers are hidden.
package monitoring

import (
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// Service runs the monitoring use cases on the shared settings of usecase.Service.
type Service struct {
	*usecase.Service
}
