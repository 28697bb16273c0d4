package monitoring

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"
	"testing/iotest"
)

// seeded is a fixed source of chance, so the statistical tests below give
// the same draws on every run and cannot flake.
func seeded() *rand.ChaCha8 {
	return rand.NewChaCha8([32]byte{'j', 'e', 'u', 'g', 'd', 'k', 'e', 't', 'e', 'n'})
}

func TestAMultipleOfFiveIsShownAsItIs(t *testing.T) {
	for _, n := range []int{0, 5, 10, 25, 1000} {
		// A reader that fails proves no chance was drawn for it.
		got, err := roundCell(n, iotest.ErrReader(errors.New("no chance needed")))
		if err != nil || got != n {
			t.Errorf("roundCell(%d) = %d, %v; want %d", n, got, err, n)
		}
	}
}

func TestARoundedCountIsAMultipleOfFiveLessThanFiveAway(t *testing.T) {
	random := seeded()
	for n := 0; n <= 53; n++ {
		for range 200 {
			got, err := roundCell(n, random)
			if err != nil {
				t.Fatal(err)
			}
			if got%5 != 0 || got <= n-5 || got >= n+5 {
				t.Fatalf("roundCell(%d) = %d: not a multiple of 5 within (n-5, n+5)", n, got)
			}
		}
	}
}

// TestRoundingIsUnbiased: the mean of many roundings of n is n, so sums of
// rounded cells do not drift from the true sums, and a small count is as
// likely to show as 0 as its size says (1 shows as 5 one time in five).
func TestRoundingIsUnbiased(t *testing.T) {
	random := seeded()
	const draws = 20000
	for n := 1; n <= 14; n++ {
		sum, fives := 0, 0
		for range draws {
			got, err := roundCell(n, random)
			if err != nil {
				t.Fatal(err)
			}
			sum += got
			if got > n {
				fives++
			}
		}
		// The rounding error of one draw has a standard deviation of at
		// most 2.5; over 20000 draws the mean's is under 0.02.
		if mean := float64(sum) / draws; math.Abs(mean-float64(n)) > 0.1 {
			t.Errorf("mean of %d roundings of %d is %.3f", draws, n, mean)
		}
		if up, want := float64(fives)/draws, float64(n%5)/5; math.Abs(up-want) > 0.02 {
			t.Errorf("%d rounded up %.3f of the time, want %.1f", n, up, want)
		}
	}
}

func TestAFailingSourceOfChanceMakesNoFigure(t *testing.T) {
	if _, err := roundCell(3, iotest.ErrReader(errors.New("entropy gone"))); err == nil {
		t.Fatal("roundCell without chance gave a figure")
	}
}
