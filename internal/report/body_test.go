package report

import (
	"bytes"
	"strings"
	"testing"
)

// The web application's page shows the same report text, without the
// standalone page's document, landmarks or style.
func TestBodyIsTheReportWithoutThePage(t *testing.T) {
	var body, full bytes.Buffer
	if err := Body(&body, sample()); err != nil {
		t.Fatal(err)
	}
	if err := HTML(&full, sample()); err != nil {
		t.Fatal(err)
	}
	got := body.String()
	for _, want := range []string{"<h1>Inzagerapport verwijsindex Jeugdketen</h1>", "Zoë Brouwer", "Stedelijk College &lt;havo&gt; (Onderwijs)", "Fatima el Amrani", "afgewezen op 22 november 2026", "5 jaar in het historisch archief"} {
		if !strings.Contains(got, want) {
			t.Errorf("body lacks %q", want)
		}
	}
	for _, not := range []string{"<html", "<style", "<main", "<header", "<footer"} {
		if strings.Contains(got, not) {
			t.Errorf("body has %q", not)
		}
	}
	if !strings.HasPrefix(full.String(), "<!doctype html>") {
		t.Errorf("the standalone page does not begin with its doctype: %.40q", full.String())
	}
}
