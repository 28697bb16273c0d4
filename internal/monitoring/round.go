package monitoring

import (
	"encoding/binary"
	"io"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// roundCell rounds a count to a multiple of 5 without bias: n = 5q + r
// becomes 5q + 5 with probability r/5 and 5q otherwise, so its expected
// value is n while a count of 1 to 4 shows as 0 or 5 alike. random is the
// source of chance: crypto/rand when months are made, a fixed one in tests.
func roundCell(n int, random io.Reader) (int, error) {
	q, r := n/5, n%5
	if r == 0 {
		return n, nil
	}
	var b [8]byte
	if _, err := io.ReadFull(random, b[:]); err != nil {
		return 0, err
	}
	// 2^64 is not a multiple of 5, so the remainder favours 0 by one in
	// 2^62: far below anything a count could show.
	if binary.BigEndian.Uint64(b[:])%5 < uint64(r) {
		q++
	}
	return 5 * q, nil
}

// SmallCell is the rounding base: every count shown is a multiple of it,
// so no count from 1 to SmallCell-1 can be shown or worked back.
const SmallCell = 5

// roundCells sets each cell's Shown to its count rounded, once.
func roundCells(cells []model.MonitoringCell, random io.Reader) error {
	for i := range cells {
		shown, err := roundCell(cells[i].N, random)
		if err != nil {
			return err
		}
		cells[i].Shown = shown
	}
	return nil
}
