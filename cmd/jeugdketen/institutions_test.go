package main

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestInstitutionAddressesFileSkipsCommentsAndRejectsBadLines(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "goed.txt")
	os.WriteFile(good, []byte("# Jeugdzorginstelling De Horst\n5611 AB 12\n\n3032CG 651A-2\n"), 0o600)
	got, err := readInstitutionAddresses(good)
	if want := []string{"5611 AB 12", "3032CG 651A-2"}; err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("read %q, %v; want %q", got, err, want)
	}
	bad := filepath.Join(dir, "fout.txt")
	os.WriteFile(bad, []byte("5611 AB twaalf\n"), 0o600)
	if _, err := readInstitutionAddresses(bad); err == nil {
		t.Fatal("a line without a house number was accepted")
	}
}

func TestShelterAddressesFileIsReadAsInstitutionsAreAndNamedInItsErrors(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "opvang.txt")
	os.WriteFile(good, []byte("# Vrouwenopvang\n8646 TK 86\n"), 0o600)
	got, err := readShelterAddresses(good)
	if want := []string{"8646 TK 86"}; err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("read %q, %v; want %q", got, err, want)
	}
	bad := filepath.Join(dir, "fout.txt")
	os.WriteFile(bad, []byte("8646TK\n"), 0o600)
	if _, err := readShelterAddresses(bad); err == nil || !strings.Contains(err.Error(), "opvangadressen regel 1") {
		t.Fatalf("a line without a house number: %v, want an error naming opvangadressen and the line", err)
	}
}
