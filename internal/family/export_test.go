package family

import "testing"

// SetRefreshBatch makes the register refresh look up n youths per sweep
// for the rest of the test.
func SetRefreshBatch(t testing.TB, n int) {
	old := refreshBatch
	refreshBatch = n
	t.Cleanup(func() { refreshBatch = old })
}
