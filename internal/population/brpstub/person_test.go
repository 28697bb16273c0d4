package brpstub

import "testing"

func TestInitialsFollowRvIGsRules(t *testing.T) {
	for given, want := range map[string]string{
		"Henk":                 "H.",
		"Anna Cornelia":        "A.C.",
		"Theo Philip IJsbrand": "T.P.I.",
		"Anne-Fleur Belle":     "A.B.",
		"Suzie Q":              "S.Q",
		"A":                    "A",
		"J P":                  "J P",
		"":                     "",
	} {
		if got := voorletters(given); got != want {
			t.Errorf("voorletters(%q) = %q, want %q", given, got, want)
		}
	}
}
