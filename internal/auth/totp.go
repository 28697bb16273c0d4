package auth

import (
	"bytes"
	"crypto/sha256"
	"crypto/subtle"
	"image/png"
	"strings"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"
)

// totpPeriod is the length of a TOTP time step; authenticator apps assume 30 s.
const totpPeriod = 30

var totpOpts = totp.ValidateOpts{Period: totpPeriod, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1}

// newTOTPKey makes a fresh TOTP secret for an account, as an otpauth:// key.
func newTOTPKey(issuer, account string) (*otp.Key, error) {
	return totp.Generate(totp.GenerateOpts{Issuer: issuer, AccountName: account, Period: totpPeriod, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
}

// QRCode renders an otpauth:// URL as a PNG QR code, for an authenticator
// app to scan. It is made here, never by an outside service: the secret must
// not leave the server.
func QRCode(keyURL string) ([]byte, error) {
	key, err := otp.NewKeyFromURL(keyURL)
	if err != nil {
		return nil, err
	}
	img, err := key.Image(240, 240)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// matchTOTP checks a six-digit code against the secret for the current time
// step and one either side (clock drift), and returns the step it matched.
func matchTOTP(secret, code string, now time.Time) (int64, bool) {
	if len(code) != 6 {
		return 0, false
	}
	step := now.Unix() / totpPeriod
	for _, s := range []int64{step, step - 1, step + 1} {
		want, err := totp.GenerateCodeCustom(secret, time.Unix(s*totpPeriod, 0), totpOpts)
		if err == nil && subtle.ConstantTimeCompare([]byte(want), []byte(code)) == 1 {
			return s, true
		}
	}
	return 0, false
}

// Code returns the current TOTP code for a secret, for the demo's helper
// command and for tests.
func Code(secret string, now time.Time) (string, error) {
	return totp.GenerateCodeCustom(secret, now, totpOpts)
}

// normalizeCode strips what people type around a code: spaces and dashes.
func normalizeCode(s string) string {
	return strings.ToUpper(strings.NewReplacer(" ", "", "-", "", "\t", "").Replace(s))
}

// recoveryCodeCount is how many recovery codes a professional gets.
const recoveryCodeCount = 10

// newRecoveryCodes makes codes like "K7QX-MP3A-9ZTB" (60 bits each) and
// their stored hashes. The codes are random enough that a plain hash suffices.
func newRecoveryCodes() (codes []string, hashes [][]byte) {
	for range recoveryCodeCount {
		raw := NewPassword()[:12]
		codes = append(codes, raw[:4]+"-"+raw[4:8]+"-"+raw[8:])
		hashes = append(hashes, hashRecoveryCode(raw))
	}
	return codes, hashes
}

func hashRecoveryCode(code string) []byte {
	sum := sha256.Sum256([]byte("herstelcode:" + normalizeCode(code)))
	return sum[:]
}
