package population

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// plainHeader is the header of the region's own register file. The column
// plainSecret may follow it, as a tenth column.
var plainHeader = []string{
	"bsn", "voornamen", "voorvoegsel", "geslachtsnaam", "geboortedatum",
	"geslacht", "gemeentecode", "postcode", "huisnummer",
}

// plainSecret is the optional last column: the register's secrecy indicator.
const plainSecret = "geheim"

// plainColumns returns how many columns a plain header has (9, or 10 with
// plainSecret), or 0 when it is no plain header.
func plainColumns(header []string) int {
	n := len(header)
	if n == len(plainHeader)+1 && strings.EqualFold(strings.TrimSpace(header[n-1]), plainSecret) {
		header = header[:n-1]
	}
	if len(header) != len(plainHeader) {
		return 0
	}
	for i, h := range header {
		if !strings.EqualFold(strings.TrimSpace(h), plainHeader[i]) {
			return 0
		}
	}
	return n
}

func isPlainHeader(header []string) bool { return plainColumns(header) > 0 }

func headerError(header []string) error {
	msg := fmt.Sprintf("regel 1: onbekende kopregel; verwacht %q, eventueel met %q als laatste kolom (of een GBA-V-bestand van de RvIG)", strings.Join(plainHeader, ";"), ";"+plainSecret)
	if len(header) == 1 && strings.Contains(header[0], ",") {
		msg += "; let op: de velden moeten gescheiden zijn door een puntkomma (;), niet door een komma"
	}
	return &model.Error{Code: model.EINVALID, Message: msg, Params: []model.InvalidParam{{Name: "kopregel", Reason: msg}}}
}

// readPlain reads the region's own file, of columns fields a row (the
// header's). Unlike RvIG's test set it is strict: the region can fix its
// file, and an import that silently leaves out a youth is worse than one that
// refuses.
func readPlain(cr *csv.Reader, columns int) ([]Record, ReadStats, error) {
	var records []Record
	firstLine := map[string]int{} // BSN → line it was first seen on
	for {
		fields, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, ReadStats{}, csvError(err)
		}
		line, _ := cr.FieldPos(0)
		if blankRow(fields) { // spreadsheets leave rows of only separators behind
			continue
		}
		if len(fields) != columns {
			return nil, ReadStats{}, rowError(line, "regel", fmt.Sprintf("%d velden, verwacht %d (gescheiden door ;)", len(fields), columns))
		}
		p, field, reason := plainPerson(fields[:len(plainHeader)])
		if reason == "" && columns > len(plainHeader) {
			p.Secret, reason = plainSecretValue(fields[len(plainHeader)])
			field = plainSecret
		}
		if reason != "" {
			return nil, ReadStats{}, rowError(line, field, reason)
		}
		if first, ok := firstLine[p.BSN]; ok {
			return nil, ReadStats{}, rowError(line, "bsn", fmt.Sprintf("burgerservicenummer %q staat ook op regel %d", p.BSN, first))
		}
		firstLine[p.BSN] = line
		records = append(records, Record{Person: p})
	}
	return records, ReadStats{Read: len(records)}, nil
}

func blankRow(fields []string) bool {
	for _, f := range fields {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// plainPerson checks one row field by field; on the first bad field it
// returns its column name and a Dutch reason.
func plainPerson(fields []string) (p model.Person, field, reason string) {
	for i, f := range fields {
		if !utf8.ValidString(f) {
			return p, plainHeader[i], fmt.Sprintf("%s bevat tekens die geen UTF-8 zijn; sla het bestand op als \"CSV UTF-8\"", plainHeader[i])
		}
		fields[i] = strings.TrimSpace(f)
	}
	bsn, given, prefix, family, birth, sx, municipality, postcode, number :=
		fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6], fields[7], fields[8]

	switch {
	case bsn == "":
		return p, "bsn", "burgerservicenummer ontbreekt"
	case !model.ValidBSN(bsn):
		return p, "bsn", fmt.Sprintf("burgerservicenummer %q is ongeldig (elfproef)", bsn)
	}
	if family == "" {
		return p, "geslachtsnaam", "geslachtsnaam ontbreekt"
	}
	if birth == "" {
		return p, "geboortedatum", "geboortedatum ontbreekt"
	}
	date, ok := parseDate(birth)
	if !ok {
		return p, "geboortedatum", fmt.Sprintf("geboortedatum %q is geen geldige datum (jjjj-mm-dd)", birth)
	}
	sx = strings.ToUpper(sx)
	switch sx {
	case "M", "V", "O":
	case "":
		sx = "O" // onbekend, as in the GBA
	default:
		return p, "geslacht", fmt.Sprintf("geslacht %q is ongeldig (M, V of O)", sx)
	}
	switch {
	case municipality == "":
		return p, "gemeentecode", "gemeentecode ontbreekt"
	case !isMunicipalityCode(municipality):
		return p, "gemeentecode", fmt.Sprintf("gemeentecode %q is ongeldig (vier cijfers, bijvoorbeeld 0599)", municipality)
	}
	postcode = normalizePostcode(postcode)
	if postcode != "" && !isPostcode(postcode) {
		return p, "postcode", fmt.Sprintf("postcode %q is ongeldig (bijvoorbeeld 3077AW)", fields[7])
	}
	if number != "" && !startsWithDigit(number) {
		return p, "huisnummer", fmt.Sprintf("huisnummer %q is ongeldig (begint met een getal, bijvoorbeeld 12, 12A of 12-2)", number)
	}
	return model.Person{
		BSN:          bsn,
		GivenNames:   cleanName(given),
		Prefix:       cleanName(prefix),
		FamilyName:   cleanName(family),
		BirthDate:    date,
		Sex:          sx,
		Municipality: municipality,
		Postcode:     postcode,
		HouseNumber:  cleanName(number),
	}, "", ""
}

// plainSecretValue reads the column geheim: ja or nee, or the GBA's code of
// indicatie geheim (0 none, 1 to 7 a restriction); empty is nee.
func plainSecretValue(s string) (secret bool, reason string) {
	switch v := strings.ToLower(strings.TrimSpace(s)); v {
	case "", "nee", "0":
		return false, ""
	case "ja", "1", "2", "3", "4", "5", "6", "7":
		return true, ""
	}
	if !utf8.ValidString(s) {
		return false, "geheim bevat tekens die geen UTF-8 zijn; sla het bestand op als \"CSV UTF-8\""
	}
	return false, fmt.Sprintf("geheim %q is ongeldig (ja of nee, of de GBA-code van de indicatie geheim, 0 tot en met 7)", strings.TrimSpace(s))
}

// parseDate reads yyyy-mm-dd, and also yyyymmdd as the GBA writes it. A
// missing day or month (2010-00-00) is no date.
func parseDate(s string) (time.Time, bool) {
	for _, layout := range []string{"2006-01-02", "20060102"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func isMunicipalityCode(s string) bool {
	return len(s) == 4 && allDigits(s)
}

// isPostcode checks the Dutch form 1234AB, the first digit not 0.
func isPostcode(s string) bool {
	if len(s) != 6 || s[0] == '0' || !allDigits(s[:4]) {
		return false
	}
	for i := 4; i < 6; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func startsWithDigit(s string) bool {
	return s != "" && s[0] >= '1' && s[0] <= '9'
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
