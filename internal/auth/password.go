package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// Argon2 are the argon2id parameters for new password hashes. Each stored
// hash carries its own, so raising them later keeps old hashes valid.
type Argon2 struct {
	Memory  uint32 // KiB
	Time    uint32
	Threads uint8
}

// DefaultArgon2 follows OWASP's first recommended setting for argon2id
// (19 MiB, two passes, one thread): a guess costs an attacker that much
// memory, and a login stays well under a tenth of a second.
var DefaultArgon2 = Argon2{Memory: 19 * 1024, Time: 2, Threads: 1}

// MinPasswordLength is the shortest password accepted. Length, not
// composition rules, is what makes a password hard to guess (NCSC, NIST).
const MinPasswordLength = 12

// CheckPasswordRules returns a Dutch error on the field "wachtwoord" for a
// password that is too short or too long.
func CheckPasswordRules(password string) error {
	n := utf8.RuneCountInString(password)
	if n < MinPasswordLength {
		return model.InvalidField("wachtwoord", fmt.Sprintf("Kies een wachtwoord van minstens %d tekens. Een zin van een paar woorden is sterk en goed te onthouden.", MinPasswordLength))
	}
	if len(password) > 256 {
		return model.InvalidField("wachtwoord", "Kies een wachtwoord van hoogstens 256 tekens.")
	}
	return nil
}

// HashPassword returns the encoded argon2id hash:
// $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>.
func HashPassword(password string, p Argon2) string {
	if p.Memory == 0 {
		p = DefaultArgon2
	}
	salt := make([]byte, 16)
	rand.Read(salt)
	key := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, 32)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, p.Memory, p.Time, p.Threads,
		base64.RawStdEncoding.EncodeToString(salt), base64.RawStdEncoding.EncodeToString(key))
}

// CheckPassword reports whether password matches an encoded hash.
func CheckPassword(encoded, password string) bool {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var version int
	var p Argon2
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return false
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &p.Threads); err != nil || p.Threads == 0 || p.Time == 0 {
		return false
	}
	salt, err1 := base64.RawStdEncoding.DecodeString(parts[4])
	want, err2 := base64.RawStdEncoding.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(want) == 0 {
		return false
	}
	got := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// NewPassword makes a random initial password (26 characters, 130 bits) for
// an administrator to hand over.
func NewPassword() string { return rand.Text() }

func randomBytes(n int) []byte {
	b := make([]byte, n)
	rand.Read(b)
	return b
}
