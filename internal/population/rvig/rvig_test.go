package rvig

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"testing"
)

// The README promises an unchanged copy of RvIG's file.
func TestTestSetIsTheUnchangedRvIGFile(t *testing.T) {
	const want = "e134e98e5f49df842622c229243c7335a0b0136afb34c0662ee25526bb36e824"
	for i := 0; i < 2; i++ { // every call starts at the beginning
		h := sha256.New()
		if _, err := io.Copy(h, TestSet()); err != nil {
			t.Fatal(err)
		}
		if got := hex.EncodeToString(h.Sum(nil)); got != want {
			t.Fatalf("sha256 = %s, want %s", got, want)
		}
	}
}
