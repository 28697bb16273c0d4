package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestREADMEExamplesRunAgainstTheDemo runs the shell blocks of the README's
// "Using the API" section, as written, against a fresh demo: only the demo's
// address and folder are put in. Every curl's status is collected (through a
// wrapper that writes it to stderr, leaving the output as the reader sees it)
// and compared with what the README's comments promise.
func TestREADMEExamplesRunAgainstTheDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a server")
	}
	for _, tool := range []string{"bash", "curl", "jq"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s is needed to run the README's examples (scripts/test installs it)", tool)
			}
			t.Skipf("%s not installed", tool)
		}
	}
	blocks := readmeBlocks(t, "## Using the API")
	if len(blocks) < 2 {
		t.Fatalf("found %d shell blocks in the API section, want the two of the README", len(blocks))
	}
	base, dir, _ := startDemo(t)
	script := strings.Join(blocks, "\n")
	script = strings.ReplaceAll(script, "http://127.0.0.1:8080", base)
	script = strings.ReplaceAll(script, "jeugdketen-demo/demo.json", filepath.Join(dir, "demo.json"))
	script = "set -euo pipefail\ncurl() { command curl -w '%{stderr}@@status %{http_code}\\n' \"$@\"; }\n" + script

	work := t.TempDir()
	cmd := exec.Command("bash", "-c", script)
	cmd.Dir = work
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("README examples failed: %v\nstdout:\n%s\nstderr:\n%s", err, stdout.String(), stderr.String())
	}
	var got []string
	for _, m := range regexp.MustCompile(`@@status (\d{3})`).FindAllStringSubmatch(stderr.String(), -1) {
		got = append(got, m[1])
	}
	want := []string{
		"201",                      // the college's signal about Roos: nobody else involved
		"400",                      // the same with a birth date one day off
		"201",                      // the GI registers Jason: a match
		"200",                      // the same again: the existing registration
		"400",                      // a signal-only organisation asks for a care registration
		"200", "200", "200", "200", // own registrations, one registration, the youth, the inbox
		"201",                      // the client system's signal, naming the professional
		"200", "200", "200", "200", // informing, renewal, ending, restoring
		"201", "200", // a registration made in error, and its removal
		"201", "200", // an objection and its decision
		"200",        // the access report as PDF
		"200", "403", // the municipality's figures; another municipality's refused
		"200", "201", "201", // a client system's list: dry run, for real, again
		"200",        // its events
		"201", "200", // the administrator's webhook for it, and its removal
	}
	if !slices.Equal(got, want) {
		t.Errorf("statuses of the README's curl examples:\n got %v\nwant %v\nstdout:\n%s", got, want, stdout.String())
	}
	out := stdout.String()
	for _, promise := range []string{
		`"match":false`, `Het initiatief ligt bij u`, // Roos
		`"match": true`, `"coordinator": "Gecertificeerde Instelling Brabant"`, // Jason
		`"soort"`, // the 400 names the field
		`Burgerservicenummer en geboortedatum horen niet bij een jeugdige`, // the birth date one day off
		// The municipality's figures, and another municipality's refused.
		`"bereik": "Gemeente Eindhoven (0772)"`, `U ziet alleen de cijfers van uw eigen gemeente.`,
		// The client system's list: counted the same dry and for real, then unchanged; its events.
		`{"aangemaakt":1,"ongewijzigd":0,"bijgewerkt":0,"beeindigd":0,"geweigerd":1}`,
		`"geweigerd":[{"regel":2,"veld":"burgerservicenummer"}]`,
		`{"aangemaakt":0,"ongewijzigd":1,"bijgewerkt":0,"beeindigd":0,"geweigerd":1}`,
		`"match"`, `{"url":"http://127.0.0.1:9/jeugdketen","geheim":64}`,
	} {
		if !strings.Contains(out, promise) {
			t.Errorf("README examples' output lacks %q:\n%s", promise, out)
		}
	}
	pdf, err := os.ReadFile(filepath.Join(work, "inzagerapport.pdf"))
	if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Errorf("the access report example wrote no PDF: %v, %.20q", err, pdf)
	}
}

// readmeBlocks returns the ```sh blocks of the README section that starts
// with heading, up to the next section.
func readmeBlocks(t *testing.T, heading string) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	start := strings.Index(text, "\n"+heading+"\n")
	if start < 0 {
		t.Fatalf("README has no section %q", heading)
	}
	section := text[start+len(heading)+2:]
	if next := strings.Index(section, "\n## "); next >= 0 {
		section = section[:next]
	}
	var blocks []string
	for _, m := range regexp.MustCompile("(?s)```sh\n(.*?)```").FindAllStringSubmatch(section, -1) {
		blocks = append(blocks, m[1])
	}
	return blocks
}
