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
	if path == "" {
		return nil, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("instellingsadressen: %w", err)
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
			return nil, fmt.Errorf("instellingsadressen regel %d: schrijf postcode en huisnummer, zoals \"5611 AB 12\"", n)
		}
		if _, _, _, ok := population.SplitHouseNumber(fields[len(fields)-1]); !ok {
			return nil, fmt.Errorf("instellingsadressen regel %d: %q is geen huisnummer", n, fields[len(fields)-1])
		}
		out = append(out, line)
	}
	return out, sc.Err()
}
