package secret

import (
	"bytes"
	"path/filepath"
	"testing"
)

func TestSealedValueOpensOnlyWithTheSameKeys(t *testing.T) {
	a, _, _ := Generate()
	b, _, _ := Generate()
	sealed := a.Seal([]byte("999993653"))
	if bytes.Contains(sealed, []byte("999993653")) {
		t.Fatal("sealed value contains the plaintext")
	}
	got, err := a.Open(sealed)
	if err != nil || string(got) != "999993653" {
		t.Fatalf("open = %q, %v", got, err)
	}
	if _, err := b.Open(sealed); err == nil {
		t.Fatal("other keys opened the value")
	}
	sealed[len(sealed)-1] ^= 1
	if _, err := a.Open(sealed); err == nil {
		t.Fatal("tampered value opened")
	}
}

func TestHashIsKeyedAndDomainSeparated(t *testing.T) {
	a, _, _ := Generate()
	b, _, _ := Generate()
	if !bytes.Equal(a.Hash("bsn", "999993653"), a.Hash("bsn", "999993653")) {
		t.Fatal("hash not deterministic")
	}
	if bytes.Equal(a.Hash("bsn", "999993653"), b.Hash("bsn", "999993653")) {
		t.Fatal("hash does not depend on the key")
	}
	if bytes.Equal(a.Hash("bsn", "999993653"), a.Hash("adres", "999993653")) {
		t.Fatal("hash does not depend on the domain")
	}
}

func TestKeyFileRoundTripAndNoOverwrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "keys.json")
	k, err := GenerateFile(path)
	if err != nil {
		t.Fatal(err)
	}
	l, err := LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if k.Fingerprint() != l.Fingerprint() {
		t.Fatal("loaded keys differ")
	}
	if _, err := GenerateFile(path); err == nil {
		t.Fatal("existing key file overwritten")
	}
	if _, err := Parse([]byte(`{"versie":1,"hmac":"c2hvcnQ=","aes":"c2hvcnQ="}`)); err == nil {
		t.Fatal("short keys accepted")
	}
}
