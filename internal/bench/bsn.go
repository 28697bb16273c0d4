// Package bench measures Jeugdketen at national scale: it generates a
// synthetic region or country straight into a database, and drives a running
// server over HTTP with a mix of what professionals do, reporting throughput
// and latency percentiles next to the database's own raw write rate.
package bench

import "github.com/jeugdketen/jeugdketen/internal/model"

// bsnBase is where synthetic BSNs start: far from the RvIG test persons (999…).
const bsnBase = 100_000_000

// BSNs returns n valid citizen service numbers, the same every time: the
// generator gives them to youths in this order, so the load harness knows
// them without reading the database.
func BSNs(n int) []string {
	out := make([]string, 0, n)
	for c := bsnBase; len(out) < n; c++ {
		s := itoa9(c)
		if model.ValidBSN(s) {
			out = append(out, s)
		}
	}
	return out
}

func itoa9(n int) string {
	var b [9]byte
	for i := 8; i >= 0; i-- {
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[:])
}
