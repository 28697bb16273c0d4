package population

import (
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// LO GBA element numbers of the columns we read: category.group.element.
// Category 01 is the person, 02 and 03 the parents, 08 the address.
const (
	colBSN          = "01.01.20"
	colGivenNames   = "01.02.10"
	colPrefix       = "01.02.30"
	colFamilyName   = "01.02.40"
	colBirthDate    = "01.03.10"
	colSex          = "01.04.10"
	colParent1BSN   = "02.01.20"
	colParent2BSN   = "03.01.20"
	colMunicipality = "08.09.10"
	colShortStreet  = "08.11.10" // optional, as are 08.11.15 and 08.11.70
	colStreet       = "08.11.15"
	colHouseNumber  = "08.11.20"
	colHouseLetter  = "08.11.30"
	colHouseAddit   = "08.11.40"
	colSuspended    = "07.67.20" // reden opschorting bijhouding: O overleden, E geëmigreerd, …
	colSecret       = "07.70.10" // indicatie geheim: 0 none, 1 to 7 a restriction; optional
	colPostcode     = "08.11.60"
	colTown         = "08.11.70"
)

var gbavColumns = []string{
	colBSN, colGivenNames, colPrefix, colFamilyName, colBirthDate, colSex,
	colParent1BSN, colParent2BSN, colMunicipality, colHouseNumber, colHouseLetter, colHouseAddit, colPostcode,
}

// isGBAVHeader recognises a GBA-V header: its first column, which holds the
// person-list id, has no name; the others are element numbers.
func isGBAVHeader(header []string) bool {
	if len(header) < 2 || strings.TrimSpace(header[0]) != "" {
		return false
	}
	for _, h := range header {
		if h == colBSN {
			return true
		}
	}
	return false
}

// gbavRow is one row of a GBA-V file with its columns found by element number.
type gbavRow struct {
	index  map[string]int
	fields []string
}

func (r gbavRow) get(col string) string {
	i, ok := r.index[col]
	if !ok || i >= len(r.fields) {
		return ""
	}
	return strings.TrimSpace(r.fields[i])
}

// readGBAV reads the first row of every person list. A person list starts
// with its id in the first column; the rows after it with an empty first
// column hold its history (former addresses, former names), which we ignore.
func readGBAV(cr *csv.Reader, header []string) ([]Record, ReadStats, error) {
	index := map[string]int{}
	for i, h := range header {
		if _, ok := index[h]; !ok && i > 0 { // RvIG's header repeats 06.88.10
			index[h] = i
		}
	}
	for _, col := range gbavColumns {
		if _, ok := index[col]; !ok {
			return nil, ReadStats{}, model.Errorf(model.EINVALID, "regel 1: de kolom %s ontbreekt in de kopregel van het GBA-V-bestand", col)
		}
	}
	var (
		records []Record
		stats   ReadStats
		seen    = map[string]bool{}
	)
	for {
		fields, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, ReadStats{}, csvError(err)
		}
		if strings.TrimSpace(fields[0]) == "" {
			continue
		}
		rec, reason := gbavRecord(gbavRow{index, fields})
		if reason == "" && seen[rec.Person.BSN] {
			reason = ReasonDuplicateBSN
		}
		if reason != "" {
			stats.skip(reason)
			continue
		}
		seen[rec.Person.BSN] = true
		records = append(records, rec)
	}
	stats.Read = len(records)
	return records, stats, nil
}

// gbavRecord makes the record of a person list's current row, or says why the
// person cannot be used. A partly unknown birth date (00000000, 19680000) is
// legal in the GBA, but an age cannot be computed from it, and the age
// decides whether someone belongs in a youth index.
func gbavRecord(row gbavRow) (Record, string) {
	bsn := row.get(colBSN)
	switch {
	case bsn == "":
		return Record{}, ReasonNoBSN
	case !model.ValidBSN(bsn):
		return Record{}, ReasonInvalidBSN
	case row.get(colSuspended) != "":
		// Deceased, emigrated or otherwise no longer kept: not a youth
		// known in the region, so nobody can register them.
		return Record{}, ReasonSuspended
	}
	birth, err := time.Parse("20060102", row.get(colBirthDate))
	if err != nil {
		return Record{}, ReasonBirthDate
	}
	p := model.Person{
		BSN:          bsn,
		GivenNames:   cleanName(row.get(colGivenNames)),
		Prefix:       cleanName(row.get(colPrefix)),
		FamilyName:   cleanName(row.get(colFamilyName)),
		BirthDate:    birth,
		Sex:          sex(row.get(colSex)),
		Municipality: row.get(colMunicipality),
		Postcode:     normalizePostcode(row.get(colPostcode)),
		HouseNumber:  model.JoinHouseNumber(row.get(colHouseNumber), row.get(colHouseLetter), row.get(colHouseAddit)),
		Secret:       secretCode(row.get(colSecret)),
	}
	var parents []string
	for _, col := range []string{colParent1BSN, colParent2BSN} {
		// A parent without a valid BSN (unknown, or registered abroad)
		// cannot be matched, so there is nothing to link to.
		if b := row.get(col); model.ValidBSN(b) {
			parents = append(parents, b)
		}
	}
	return Record{Person: p, ParentBSNs: parents, Address: gbavAddress(row)}, ""
}

// secretCode reads the GBA's indicatie geheim (07.70.10): 0 or empty is no
// restriction; any other code (1 to 7, each a kind of restriction) makes the
// person secret. An unexpected value counts as secret too: a wrongly shown
// address is worse than one withheld.
func secretCode(s string) bool {
	return s != "" && s != "0"
}

// cleanName folds runs of white space, line breaks included, into one space:
// a few test names span two lines.
func cleanName(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// sex keeps the GBA's M and V; anything else is O, "onbekend".
func sex(s string) string {
	switch s = strings.ToUpper(s); s {
	case "M", "V":
		return s
	}
	return "O"
}

func normalizePostcode(s string) string {
	return strings.ToUpper(strings.ReplaceAll(s, " ", ""))
}
