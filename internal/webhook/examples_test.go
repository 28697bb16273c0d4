package webhook_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// delivery is one POST as a receiver got it.
type delivery struct{ timestamp, signature, bodyFile, tampered string }

// oneDelivery has the worker POST a real event and keeps it as received.
func oneDelivery(t *testing.T) (string, delivery) {
	r := newRegion(t)
	var got delivery
	dir := t.TempDir()
	r.recv.mu.Lock()
	r.recv.keep = func(ts, sig string, body []byte) {
		if got.timestamp != "" {
			return
		}
		got = delivery{timestamp: ts, signature: sig, bodyFile: filepath.Join(dir, "body.json"), tampered: filepath.Join(dir, "tampered.json")}
		os.WriteFile(got.bodyFile, body, 0o600)
		os.WriteFile(got.tampered, bytes.Replace(body, []byte(`"soort":"`), []byte(`"soort":"x`), 1), 0o600)
	}
	r.recv.mu.Unlock()
	// The examples check the timestamp against the wall clock, as a
	// receiver does; the webhook was made on the test's clock, so the
	// worker takes whichever is later.
	r.w.Now = func() time.Time {
		if now := time.Now(); now.After(r.c.Env.Clock.Now()) {
			return now
		}
		return r.c.Env.Clock.Now()
	}
	r.happen(t, 1)
	r.runOnce(t)
	if got.timestamp == "" {
		t.Fatal("no delivery")
	}
	return r.recv.secret, got
}

// TestDocumentedSignatureChecksAcceptARealDeliveryAndRefuseATamperedOne runs
// the examples of docs/koppelingen.md (docs/examples) on a delivery the
// worker made: each accepts it and refuses the same delivery with one byte
// of the body changed, or with another secret.
func TestDocumentedSignatureChecksAcceptARealDeliveryAndRefuseATamperedOne(t *testing.T) {
	secret, d := oneDelivery(t)
	examples := map[string][]string{
		"shell (openssl)": {"sh", "../../docs/examples/webhook_check.sh"},
		"python":          {"python3", "../../docs/examples/webhook_check.py"},
	}
	for name, cmd := range examples {
		t.Run(name, func(t *testing.T) {
			if _, err := exec.LookPath(cmd[0]); err != nil {
				t.Skipf("%s is not installed", cmd[0])
			}
			if name == "shell (openssl)" {
				if _, err := exec.LookPath("openssl"); err != nil {
					t.Skip("openssl is not installed")
				}
			}
			run := func(secret, body string) (int, string) {
				c := exec.Command(cmd[0], append(cmd[1:], secret, d.timestamp, d.signature, body)...)
				out, err := c.CombinedOutput()
				if ee, ok := err.(*exec.ExitError); ok {
					return ee.ExitCode(), string(out)
				} else if err != nil {
					t.Fatal(err)
				}
				return 0, string(out)
			}
			if code, out := run(secret, d.bodyFile); code != 0 || !strings.Contains(out, "handtekening klopt") {
				t.Fatalf("real delivery: exit %d: %s", code, out)
			}
			if code, out := run(secret, d.tampered); code != 1 {
				t.Fatalf("tampered body: exit %d, want 1: %s", code, out)
			}
			if code, out := run(strings.Repeat("0", 64), d.bodyFile); code != 1 {
				t.Fatalf("other secret: exit %d, want 1: %s", code, out)
			}
		})
	}
}
