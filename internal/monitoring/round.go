package monitoring

import (
	"crypto/rand"
	"encoding/binary"
	"io"
)

// roundCell rounds a count to a multiple of 5 without bias: n = 5q + r
// becomes 5q + 5 with probability r/5 and 5q otherwise, so its expected
// value is n while a count of 1 to 4 shows as 0 or 5 alike. random is the
// source of chance (crypto/rand in use; a fixed one in tests).
func roundCell(n int, random io.Reader) (int, error) {
	q, r := n/5, n%5
	if r == 0 {
		return n, nil
	}
	var b [8]byte
	if _, err := io.ReadFull(random, b[:]); err != nil {
		return 0, err
	}
	if binary.BigEndian.Uint64(b[:])%5 < uint64(r) {
		q++
	}
	return 5 * q, nil
}

// randomness is where the rounding's chance comes from.
var randomness io.Reader = rand.Reader

// SmallCell is the rounding base: every count shown is a multiple of it,
// so no count from 1 to SmallCell-1 can be shown or worked back.
const SmallCell = 5
