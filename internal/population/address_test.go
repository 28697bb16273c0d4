package population

import "testing"

func TestSplitHouseNumberUndoesTheJoin(t *testing.T) {
	for in, want := range map[string]Address{
		"12":      {Number: 12},
		"1C":      {Number: 1, Letter: "C"},
		"9-2":     {Number: 9, Addition: "2"},
		"14-H":    {Number: 14, Addition: "H"},
		"12-bis":  {Number: 12, Addition: "bis"},
		"555A-4a": {Number: 555, Letter: "A", Addition: "4a"},
	} {
		n, l, a, ok := SplitHouseNumber(in)
		got := Address{Number: n, Letter: l, Addition: a}
		if !ok || got != want {
			t.Errorf("SplitHouseNumber(%q) = %+v, %v; want %+v", in, got, ok, want)
		}
		if got.HouseNumber() != in {
			t.Errorf("%+v joins to %q, want %q", got, got.HouseNumber(), in)
		}
	}
}

func TestSplitHouseNumberRefusesWhatIsNoHouseNumber(t *testing.T) {
	for _, in := range []string{"", "A", "0", "12AB", "12-", "12 A", "-3"} {
		if _, _, _, ok := SplitHouseNumber(in); ok {
			t.Errorf("SplitHouseNumber(%q) accepted", in)
		}
	}
}
