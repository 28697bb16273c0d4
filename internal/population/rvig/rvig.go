// Package rvig holds the government's public test data: the test set of person
// lists that the Rijksdienst voor Identiteitsgegevens (RvIG) publishes for the
// acceptance environment of the population register (BRP), in GBA-V column
// form. It is embedded in the binary for the demo and for tests; none of the
// persons in it exist.
package rvig

import (
	"bytes"
	_ "embed"
	"io"
)

//go:embed testset-persoonslijsten-gba-v-20220502.csv
var testSet []byte

// TestSet returns a fresh reader over the whole test set, exactly as RvIG
// published it (UTF-8 with byte order mark, `;`-separated).
func TestSet() io.Reader {
	return bytes.NewReader(testSet)
}
