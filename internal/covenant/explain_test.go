package covenant

import (
	"fmt"
	"strings"
	"testing"
)

func TestExplainOneLinePerRuleInOrder(t *testing.T) {
	for _, n := range PresetNames() {
		c := mustPreset(t, n)
		lines := c.Explain()
		if len(lines) != len(c.Rules) {
			t.Fatalf("%s: %d lines for %d rules", n, len(lines), len(c.Rules))
		}
		for i, l := range lines {
			if prefix := fmt.Sprintf("Regel %d (%s): ", i+1, c.Rules[i].ID); !strings.HasPrefix(l, prefix) {
				t.Errorf("%s line %d = %q, want prefix %q", n, i+1, l, prefix)
			}
			if strings.Contains(l, "\n") {
				t.Errorf("%s line %d spans lines: %q", n, i+1, l)
			}
		}
	}
}

func TestExplainShowsTheRuleData(t *testing.T) {
	lines := mustPreset(t, "brabant").Explain()
	want := "Regel 3 (smw): de jeugdige is 4 tot en met 17 jaar en het schoolmaatschappelijk werk (SMW) is betrokken; het SMW coördineert. [leeftijd: 4 t/m 17 jaar; coördinator: smw]"
	if lines[2] != want {
		t.Errorf("line 3\n got %q\nwant %q", lines[2], want)
	}
	almere := mustPreset(t, "almere").Explain()
	if !strings.HasSuffix(almere[1], "[aantal: hooguit 2 betrokken professionals; geen coördinator]") {
		t.Errorf("almere line 2 = %q", almere[1])
	}
	if !strings.HasSuffix(almere[2], "[aantal: precies 3 betrokken professionals; coördinator: jgz]") {
		t.Errorf("almere line 3 = %q", almere[2])
	}
}

func TestSummaryStatesMinimumAndCounting(t *testing.T) {
	if s := mustPreset(t, "brabant").Summary(); !strings.Contains(s, "pas aangewezen als 2 of meer organisaties betrokken zijn") || strings.Contains(s, "telt professionals") {
		t.Errorf("brabant summary = %q", s)
	}
	if s := mustPreset(t, "almere").Summary(); !strings.Contains(s, "telt professionals") {
		t.Errorf("almere summary = %q", s)
	}
}
