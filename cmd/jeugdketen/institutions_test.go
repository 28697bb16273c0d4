package main

import (
	"os"
	"path/filepath"
	"reflect"
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
