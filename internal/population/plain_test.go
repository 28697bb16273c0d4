package population

import (
	"reflect"
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

const plainHeaderLine = "bsn;voornamen;voorvoegsel;geslachtsnaam;geboortedatum;geslacht;gemeentecode;postcode;huisnummer\n"

func TestPlainCSVReadsPersons(t *testing.T) {
	in := "\uFEFF" + plainHeaderLine +
		"999999370;Daan;;Groot Esselink;2013-12-06;M;0599;3032CG;651\n" +
		";;;;;;;;\n" + // a spreadsheet's empty row
		" 999995145 ; Roos ;;Janssen;20070726;v;0518;2572 nr;2 A\n" +
		"999993653;Suzanne;de;Moulin;1985-12-01;;0599;;\n"
	records, stats, err := Read(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Record{
		{Person: model.Person{BSN: "999999370", GivenNames: "Daan", FamilyName: "Groot Esselink", BirthDate: date(2013, 12, 6),
			Sex: "M", Municipality: "0599", Postcode: "3032CG", HouseNumber: "651"}},
		{Person: model.Person{BSN: "999995145", GivenNames: "Roos", FamilyName: "Janssen", BirthDate: date(2007, 7, 26),
			Sex: "V", Municipality: "0518", Postcode: "2572NR", HouseNumber: "2 A"}},
		{Person: model.Person{BSN: "999993653", GivenNames: "Suzanne", Prefix: "de", FamilyName: "Moulin", BirthDate: date(1985, 12, 1),
			Sex: "O", Municipality: "0599"}},
	}
	if !reflect.DeepEqual(records, want) {
		t.Errorf("got  %+v\nwant %+v", records, want)
	}
	if stats.Read != 3 || stats.Skipped != 0 {
		t.Errorf("stats = %+v, want 3 read", stats)
	}
}

func TestPlainCSVBadInputNamesLineAndField(t *testing.T) {
	const good = "999999370;Daan;;Groot Esselink;2013-12-06;M;0599;3032CG;651\n"
	tests := []struct {
		name, in, field, message string
	}{
		{"header", "bsn;naam;geboortedatum\n" + good, "kopregel",
			`regel 1: onbekende kopregel; verwacht "bsn;voornamen;voorvoegsel;geslachtsnaam;geboortedatum;geslacht;gemeentecode;postcode;huisnummer", eventueel met ";geheim" als laatste kolom (of een GBA-V-bestand van de RvIG)`},
		{"comma-separated header", strings.ReplaceAll(plainHeaderLine, ";", ","), "kopregel",
			`regel 1: onbekende kopregel; verwacht "bsn;voornamen;voorvoegsel;geslachtsnaam;geboortedatum;geslacht;gemeentecode;postcode;huisnummer", eventueel met ";geheim" als laatste kolom (of een GBA-V-bestand van de RvIG); let op: de velden moeten gescheiden zijn door een puntkomma (;), niet door een komma`},
		{"bsn too short", good + "123;Roos;;Janssen;2007-07-26;V;0518;2572NR;2\n", "bsn",
			`regel 3: burgerservicenummer "123" is ongeldig (elfproef)`},
		{"bsn fails eleven-test", good + "010008579;Pieter;;Verstratenmaker;1939-03-15;M;0091;1234AB;6\n", "bsn",
			`regel 3: burgerservicenummer "010008579" is ongeldig (elfproef)`},
		{"bsn missing", good + ";Roos;;Janssen;2007-07-26;V;0518;2572NR;2\n", "bsn",
			`regel 3: burgerservicenummer ontbreekt`},
		{"duplicate bsn", good + "999995145;Roos;;Janssen;2007-07-26;V;0518;2572NR;2\n" + good, "bsn",
			`regel 4: burgerservicenummer "999999370" staat ook op regel 2`},
		{"family name missing", good + "999995145;Roos;;;2007-07-26;V;0518;2572NR;2\n", "geslachtsnaam",
			`regel 3: geslachtsnaam ontbreekt`},
		{"birth date invalid", good + "999995145;Roos;;Janssen;2010-13-01;V;0518;2572NR;2\n", "geboortedatum",
			`regel 3: geboortedatum "2010-13-01" is geen geldige datum (jjjj-mm-dd)`},
		{"birth date partly unknown", good + "999995145;Roos;;Janssen;20100000;V;0518;2572NR;2\n", "geboortedatum",
			`regel 3: geboortedatum "20100000" is geen geldige datum (jjjj-mm-dd)`},
		{"birth date missing", good + "999995145;Roos;;Janssen;;V;0518;2572NR;2\n", "geboortedatum",
			`regel 3: geboortedatum ontbreekt`},
		{"sex", good + "999995145;Roos;;Janssen;2007-07-26;X;0518;2572NR;2\n", "geslacht",
			`regel 3: geslacht "X" is ongeldig (M, V of O)`},
		{"municipality without leading zero", good + "999995145;Roos;;Janssen;2007-07-26;V;518;2572NR;2\n", "gemeentecode",
			`regel 3: gemeentecode "518" is ongeldig (vier cijfers, bijvoorbeeld 0599)`},
		{"municipality missing", good + "999995145;Roos;;Janssen;2007-07-26;V;;2572NR;2\n", "gemeentecode",
			`regel 3: gemeentecode ontbreekt`},
		{"postcode", good + "999995145;Roos;;Janssen;2007-07-26;V;0518;25721;2\n", "postcode",
			`regel 3: postcode "25721" is ongeldig (bijvoorbeeld 3077AW)`},
		{"house number", good + "999995145;Roos;;Janssen;2007-07-26;V;0518;2572NR;A2\n", "huisnummer",
			`regel 3: huisnummer "A2" is ongeldig (begint met een getal, bijvoorbeeld 12, 12A of 12-2)`},
		{"field count", good + "999995145;Roos;;Janssen;2007-07-26;V;0518;2572NR\n", "regel",
			`regel 3: 8 velden, verwacht 9 (gescheiden door ;)`},
		{"not UTF-8", good + "999995145;Ren\xe9e;;Janssen;2007-07-26;V;0518;2572NR;2\n", "voornamen",
			`regel 3: voornamen bevat tekens die geen UTF-8 zijn; sla het bestand op als "CSV UTF-8"`},
		{"line numbers count line breaks inside quotes", good + "999995145;\"Roos\nMarie\";;Janssen;2007-07-26;V;0518;2572NR;2\n999995145;Roos;;Janssen;2007-07-26;V;0518;2572NR;2\n", "bsn",
			`regel 5: burgerservicenummer "999995145" staat ook op regel 3`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.in
			if !strings.HasPrefix(in, "bsn") {
				in = plainHeaderLine + in
			}
			records, stats, err := Read(strings.NewReader(in))
			if records != nil || stats.Read != 0 {
				t.Errorf("bad file returned %d records, stats %+v; want none", len(records), stats)
			}
			if model.ErrorCode(err) != model.EINVALID {
				t.Fatalf("err = %v, want EINVALID", err)
			}
			if got := model.ErrorMessage(err); got != tt.message {
				t.Errorf("message\n got %s\nwant %s", got, tt.message)
			}
			if params := model.ErrorParams(err); len(params) != 1 || params[0].Name != tt.field {
				t.Errorf("params = %+v, want field %q", params, tt.field)
			}
		})
	}
}

func TestPlainCSVBadQuotingNamesLine(t *testing.T) {
	in := plainHeaderLine + "999995145;Roos \"R\";;Janssen;2007-07-26;V;0518;2572NR;2\n"
	_, _, err := Read(strings.NewReader(in))
	if model.ErrorCode(err) != model.EINVALID || !strings.HasPrefix(model.ErrorMessage(err), "regel 2: een aanhalingsteken") {
		t.Errorf("err = %v, want EINVALID for line 2 about a quote", err)
	}
}

func TestEmptyFileIsAnError(t *testing.T) {
	_, _, err := Read(strings.NewReader(""))
	if model.ErrorCode(err) != model.EINVALID {
		t.Errorf("err = %v, want EINVALID", err)
	}
}
