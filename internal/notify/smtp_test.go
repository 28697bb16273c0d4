package notify

import (
	"strings"
	"testing"
)

func TestParseSMTP(t *testing.T) {
	good := []struct {
		raw  string
		want SMTP
	}{
		{"smtp://mail.regio.nl", SMTP{host: "mail.regio.nl", port: 587, from: "verwijsindex@jeugdketen.invalid", tls: "starttls"}},
		{"smtp://jeugd:ge%40heim@mail.regio.nl:2525?from=noreply@regio.nl",
			SMTP{host: "mail.regio.nl", port: 2525, from: "noreply@regio.nl", username: "jeugd", password: "ge@heim", tls: "starttls"}},
		{"smtp://jeugd@mail.regio.nl", SMTP{host: "mail.regio.nl", port: 587, from: "verwijsindex@jeugdketen.invalid", username: "jeugd", tls: "starttls"}},
		{"smtp://mail.regio.nl?tls=tls", SMTP{host: "mail.regio.nl", port: 465, from: "verwijsindex@jeugdketen.invalid", tls: "tls"}},
		{"smtp://mail.regio.nl:25?tls=none", SMTP{host: "mail.regio.nl", port: 25, from: "verwijsindex@jeugdketen.invalid", tls: "none"}},
		{"smtp://127.0.0.1:1025", SMTP{host: "127.0.0.1", port: 1025, from: "verwijsindex@jeugdketen.invalid", tls: "none"}},
		{"smtp://localhost:1025", SMTP{host: "localhost", port: 1025, from: "verwijsindex@jeugdketen.invalid", tls: "none"}},
		{"smtp://[::1]:1025", SMTP{host: "::1", port: 1025, from: "verwijsindex@jeugdketen.invalid", tls: "none"}},
		{"smtp://127.0.0.1:1025?tls=starttls", SMTP{host: "127.0.0.1", port: 1025, from: "verwijsindex@jeugdketen.invalid", tls: "starttls"}},
		{"smtp://10.0.0.5", SMTP{host: "10.0.0.5", port: 587, from: "verwijsindex@jeugdketen.invalid", tls: "starttls"}},
	}
	for _, c := range good {
		got, err := ParseSMTP(c.raw)
		if err != nil {
			t.Errorf("ParseSMTP(%q): %v", c.raw, err)
			continue
		}
		if *got != c.want {
			t.Errorf("ParseSMTP(%q) = %+v, want %+v", c.raw, *got, c.want)
		}
	}

	bad := []struct{ raw, names string }{
		{"http://mail.regio.nl", "smtp://"},
		{"mail.regio.nl:25", "smtp://"},
		{"smtp://:25", "smtp://"},
		{"smtp://mail.regio.nl:abc", "port"},
		{"smtp://mail.regio.nl:0", "port"},
		{"smtp://mail.regio.nl:70000", "port"},
		{"smtp://mail.regio.nl?tls=ssl", "tls"},
		{"smtp://mail.regio.nl?from=geen-adres", "from"},
	}
	for _, c := range bad {
		_, err := ParseSMTP(c.raw)
		if err == nil {
			t.Errorf("ParseSMTP(%q) accepted a bad address", c.raw)
			continue
		}
		if !strings.Contains(err.Error(), c.names) {
			t.Errorf("ParseSMTP(%q) error %q does not name %q", c.raw, err, c.names)
		}
	}
}

// Startup errors end up in logs; the password must not.
func TestParseSMTPErrorsHideThePassword(t *testing.T) {
	for _, raw := range []string{
		"http://jeugd:geheim@mail.regio.nl",
		"smtp://jeugd:geheim@mail.regio.nl:abc",
		"smtp://jeugd:geheim@mail.regio.nl:70000",
		"smtp://jeugd:geheim@mail.regio.nl?tls=ssl",
	} {
		_, err := ParseSMTP(raw)
		if err == nil {
			t.Errorf("ParseSMTP(%q) accepted a bad address", raw)
			continue
		}
		if strings.Contains(err.Error(), "geheim") {
			t.Errorf("ParseSMTP(%q) error shows the password: %v", raw, err)
		}
	}
}
