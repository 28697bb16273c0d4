package synchronisation

import "context"

// DryRun answers what Apply would answer for the request, and changes
// nothing: each batch runs as Apply runs it, and is rolled back. No message
// is sent and no report is kept; only an audit record says it was done.
func (s *Service) DryRun(ctx context.Context, c Caller, req Request) (Result, error) {
	return s.run(ctx, c, req, true)
}
