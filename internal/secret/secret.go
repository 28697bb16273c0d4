// Package secret holds the region's keys and the two things done with them:
// a keyed hash of a citizen service number (to match registrations without
// storing the number) and authenticated encryption of personal data (to show
// it to the involved professionals). The keys live outside the database, so a
// copy of the database file alone reveals no BSN, name or birth date.
package secret

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os"
)

// version is the first byte of every sealed value, so keys can be rotated
// and old values recognised.
const version byte = 1

// Keys are the region's secrets: one for hashing, one for encryption.
type Keys struct {
	hashKey []byte
	aead    cipher.AEAD
}

type keyFile struct {
	Version int    `json:"versie"`
	Hash    string `json:"hmac"`
	Encrypt string `json:"aes"`
}

// Generate makes fresh random keys.
func Generate() (*Keys, []byte, error) {
	kf := keyFile{Version: 1, Hash: randomKey(), Encrypt: randomKey()}
	data, err := json.MarshalIndent(kf, "", "  ")
	if err != nil {
		return nil, nil, err
	}
	k, err := Parse(data)
	return k, append(data, '\n'), err
}

// GenerateFile writes fresh keys to path, readable by the owner only. It
// refuses to overwrite an existing file: losing keys loses the data.
func GenerateFile(path string) (*Keys, error) {
	k, data, err := Generate()
	if err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, fmt.Errorf("secret: unable to create key file: %w", err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return nil, fmt.Errorf("secret: unable to write key file: %w", err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return nil, err
	}
	return k, f.Close()
}

// LoadFile reads keys written by GenerateFile.
func LoadFile(path string) (*Keys, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("secret: unable to read key file: %w", err)
	}
	return Parse(data)
}

// Parse reads a key file's contents.
func Parse(data []byte) (*Keys, error) {
	var kf keyFile
	if err := json.Unmarshal(data, &kf); err != nil {
		return nil, fmt.Errorf("secret: key file is no valid JSON: %w", err)
	}
	if kf.Version != 1 {
		return nil, fmt.Errorf("secret: unknown key file version %d", kf.Version)
	}
	hk, err := decodeKey("hmac", kf.Hash)
	if err != nil {
		return nil, err
	}
	ek, err := decodeKey("aes", kf.Encrypt)
	if err != nil {
		return nil, err
	}
	block, err := aes.NewCipher(ek)
	if err != nil {
		return nil, err
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	return &Keys{hashKey: hk, aead: aead}, nil
}

func decodeKey(name, s string) ([]byte, error) {
	k, err := base64.StdEncoding.DecodeString(s)
	if err != nil || len(k) != 32 {
		return nil, fmt.Errorf("secret: key %q must be 32 bytes in base64", name)
	}
	return k, nil
}

func randomKey() string {
	b := make([]byte, 32)
	rand.Read(b)
	return base64.StdEncoding.EncodeToString(b)
}

// Hash returns the keyed hash of a value in a domain ("bsn", "adres"), so
// the same value in two domains gives unrelated hashes.
func (k *Keys) Hash(domain, value string) []byte {
	m := hmac.New(sha256.New, k.hashKey)
	m.Write([]byte(domain))
	m.Write([]byte{0})
	m.Write([]byte(value))
	return m.Sum(nil)
}

// Fingerprint identifies the keys without revealing them; stored in the
// database to refuse running with the wrong keys.
func (k *Keys) Fingerprint() string {
	return base64.RawURLEncoding.EncodeToString(k.Hash("fingerprint", "jeugdketen")[:12])
}

// Seal encrypts and authenticates plaintext.
func (k *Keys) Seal(plaintext []byte) []byte {
	nonce := make([]byte, k.aead.NonceSize())
	rand.Read(nonce)
	out := make([]byte, 0, 1+len(nonce)+len(plaintext)+k.aead.Overhead())
	out = append(out, version)
	out = append(out, nonce...)
	return k.aead.Seal(out, nonce, plaintext, []byte{version})
}

// ErrOpen means a sealed value could not be decrypted: wrong keys or tampering.
var ErrOpen = errors.New("secret: unable to open sealed value")

// Open decrypts a value made by Seal.
func (k *Keys) Open(sealed []byte) ([]byte, error) {
	n := k.aead.NonceSize()
	if len(sealed) < 1+n || sealed[0] != version {
		return nil, ErrOpen
	}
	out, err := k.aead.Open(nil, sealed[1:1+n], sealed[1+n:], []byte{version})
	if err != nil {
		return nil, ErrOpen
	}
	return out, nil
}

// SealJSON encrypts v as JSON.
func (k *Keys) SealJSON(v any) ([]byte, error) {
	data, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return k.Seal(data), nil
}

// OpenJSON decrypts into v.
func (k *Keys) OpenJSON(sealed []byte, v any) error {
	data, err := k.Open(sealed)
	if err != nil {
		return err
	}
	return json.Unmarshal(data, v)
}
