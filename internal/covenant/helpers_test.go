package covenant

import (
	"strings"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

var base = time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)

// org is an involved organisation of type t whose oldest active registration
// is daysAgo days old, with the role its type gets by default.
func org(id int64, t model.OrgType, daysAgo int) Involved {
	return Involved{
		OrganisationID: id,
		Type:           t,
		Role:           model.DefaultRole(t),
		Since:          base.AddDate(0, 0, -daysAgo),
		Professionals:  1,
	}
}

func withProfessionals(o Involved, n int) Involved { o.Professionals = n; return o }

func withRole(o Involved, r model.Role) Involved { o.Role = r; return o }

type decideCase struct {
	name     string
	age      int
	involved []Involved
	wantOrg  int64
	wantRule string
	reason   string // substring the Reason must contain; optional
}

func mustPreset(t testing.TB, name string) *Covenant {
	t.Helper()
	c, err := Preset(name)
	if err != nil {
		t.Fatalf("Preset(%q): %v", name, err)
	}
	return c
}

func mustLoad(t testing.TB, js string) *Covenant {
	t.Helper()
	c, err := Load(strings.NewReader(js))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return c
}

func runCases(t *testing.T, c *Covenant, cases []decideCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := c.Decide(Situation{Age: tc.age, Involved: tc.involved})
			if got.OrganisationID != tc.wantOrg || got.RuleID != tc.wantRule {
				t.Errorf("Decide = organisatie %d, regel %q (%s); want organisatie %d, regel %q",
					got.OrganisationID, got.RuleID, got.Reason, tc.wantOrg, tc.wantRule)
			}
			if !strings.Contains(got.Reason, tc.reason) {
				t.Errorf("Reason = %q, want it to contain %q", got.Reason, tc.reason)
			}
		})
	}
}

func runPresetCases(t *testing.T, preset, rule string) {
	t.Helper()
	cases, ok := presetCases[preset][rule]
	if !ok {
		t.Fatalf("no cases for preset %q rule %q", preset, rule)
	}
	runCases(t, mustPreset(t, preset), cases)
}

// withoutRule is c with the rule id removed, to prove a test needs that rule.
func withoutRule(c *Covenant, id string) *Covenant {
	cp := *c
	cp.Rules = nil
	for _, r := range c.Rules {
		if r.ID != id {
			cp.Rules = append(cp.Rules, r)
		}
	}
	return &cp
}
