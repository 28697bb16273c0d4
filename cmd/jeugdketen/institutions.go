package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"github.com/jeugdketen/jeugdketen/internal/population"
)

// readInstitutionAddresses reads the file of --institution-addresses: one
// "postcode huisnummer" a line, blank lines and lines starting with # left
// out. No file: no institutions.
func readInstitutionAddresses(path string) ([]string, error) {
	return readAddresses(path, "instellingsadressen")
}

// readShelterAddresses reads the file of --shelter-addresses, written as
// that of --institution-addresses. No file: no shelters.
func readShelterAddresses(path string) ([]string, error) {
	return readAddresses(path, "opvangadressen")
}

// readAddresses reads a file of addresses, one "postcode huisnummer" a line;
// what names the file in its errors.
func readAddresses(path, what string) ([]string, error) {
	if path == "" {
		return nil, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		if len(fields) < 2 {
			return nil, fmt.Errorf("%s regel %d: schrijf postcode en huisnummer, zoals \"5611 AB 12\"", what, n)
		}
		if _, _, _, ok := population.SplitHouseNumber(fields[len(fields)-1]); !ok {
			return nil, fmt.Errorf("%s regel %d: %q is geen huisnummer", what, n, fields[len(fields)-1])
		}
		out = append(out, line)
	}
	return out, sc.Err()
}
