package population

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population/rvig"
)

func readRvIG(t *testing.T) ([]Record, ReadStats) {
	t.Helper()
	records, stats, err := Read(rvig.TestSet())
	if err != nil {
		t.Fatalf("Read(RvIG test set): %v", err)
	}
	return records, stats
}

func byBSN(records []Record) map[string]Record {
	m := map[string]Record{}
	for _, r := range records {
		m[r.Person.BSN] = r
	}
	return m
}

func date(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// A small GBA-V file: the columns we read, in RvIG's order, and the person-list
// id in the unnamed first column.
const gbavHeader = "\uFEFF;01.01.20;01.02.10;01.02.30;01.02.40;01.03.10;01.04.10;02.01.20;03.01.20;08.09.10;08.11.20;08.11.30;08.11.40;08.11.60\n"

func TestGBAVReadsEveryUsablePersonOfTheRvIGSet(t *testing.T) {
	records, stats := readRvIG(t)
	// 687 person lists: 2 without BSN, 97 suspended (deceased, emigrated),
	// 11 with a partly unknown birth date and 5 whose BSN an earlier person
	// list already has.
	if len(records) != 572 || stats.Read != 572 || stats.Skipped != 115 {
		t.Fatalf("read %d (stats %d), skipped %d; want 572 read, 115 skipped", len(records), stats.Read, stats.Skipped)
	}
	want := map[string]int{ReasonNoBSN: 2, ReasonSuspended: 97, ReasonBirthDate: 11, ReasonDuplicateBSN: 5}
	if !reflect.DeepEqual(stats.SkippedReasons, want) {
		t.Errorf("skipped reasons = %v, want %v", stats.SkippedReasons, want)
	}
	for _, r := range records {
		if !model.ValidBSN(r.Person.BSN) {
			t.Errorf("record with invalid BSN %q", r.Person.BSN)
		}
	}
}

func TestGBAVKnownPersonParsesFromCurrentRow(t *testing.T) {
	records, _ := readRvIG(t)
	got, ok := byBSN(records)["999993653"]
	if !ok {
		t.Fatal("Suzanne Moulin (999993653) not read")
	}
	// Her history row holds her former address, Vredesplein 7, 3074SN.
	want := Record{Person: model.Person{
		BSN: "999993653", GivenNames: "Suzanne", FamilyName: "Moulin", BirthDate: date(1985, 12, 1),
		Sex: "V", Municipality: "0599", Postcode: "3077AW", HouseNumber: "31",
	}, Address: Address{Street: "Boterdiep", ShortStreet: "Boterdiep", Number: 31, Town: "Rotterdam"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func TestGBAVHistoryRowsAreIgnored(t *testing.T) {
	records, _ := readRvIG(t)
	m := byBSN(records)
	// Pieter Verstratenmaker's former BSN 010008579, the set's only number
	// failing the 11-check, is on a history row; his current one is read.
	if _, ok := m["010008579"]; ok {
		t.Error("BSN 010008579 of a history row was read")
	}
	if p := m["010082426"].Person; p.FamilyName != "Verstratenmaker" {
		t.Errorf("current BSN 010082426: got %+v", p)
	}
}

func TestGBAVHistoryRowWithOtherBSNIsNotAPerson(t *testing.T) {
	in := gbavHeader +
		"Lg01_1;999993653;Suzanne;;Moulin;19851201;V;;;0599;31;;;3077AW\n" +
		";999999370;Daan;;Groot Esselink;20131206;M;;;0599;651;;;3032CG\n" +
		";;;;;;;;;0599;7;;;3074SN\n"
	records, stats, err := Read(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(records) != 1 || records[0].Person.BSN != "999993653" || records[0].Person.Postcode != "3077AW" || stats.Skipped != 0 {
		t.Errorf("records %+v, stats %+v; want only Suzanne at 3077AW", records, stats)
	}
}

func TestGBAVSkipsAndCountsBSNFailingElevenTest(t *testing.T) {
	in := gbavHeader +
		"Lg01_1;010008579;Pieter;;Verstratenmaker;19390315;M;;;0091;6;;;1234AB\n" +
		"Lg01_2;999993653;Suzanne;;Moulin;19851201;V;;;0599;31;;;3077AW\n"
	records, stats, err := Read(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(records) != 1 || records[0].Person.BSN != "999993653" {
		t.Errorf("records = %+v, want only 999993653", records)
	}
	if stats.Read != 1 || stats.Skipped != 1 || stats.SkippedReasons[ReasonInvalidBSN] != 1 {
		t.Errorf("stats = %+v, want 1 read, 1 skipped for %q", stats, ReasonInvalidBSN)
	}
}

func TestGBAVSkipsPartlyUnknownBirthDates(t *testing.T) {
	records, _ := readRvIG(t)
	m := byBSN(records)
	for _, bsn := range []string{"999992806", "999994220", "999992351", "999990962"} { // 19680000, 00000000, 19780300, empty
		if _, ok := m[bsn]; ok {
			t.Errorf("%s with a partly unknown birth date was read", bsn)
		}
	}
}

func TestGBAVDuplicateBSNKeepsFirstPersonList(t *testing.T) {
	records, _ := readRvIG(t)
	n := 0
	for _, r := range records {
		if r.Person.BSN == "999992788" {
			n++
			if r.Person.FullName() != "Pietje Puk" {
				t.Errorf("999992788 is %q, want the first list's Pietje Puk", r.Person.FullName())
			}
		}
	}
	if n != 1 {
		t.Errorf("999992788 read %d times, want once", n)
	}
}

func TestGBAVReadsParentsFromCategories02And03(t *testing.T) {
	records, _ := readRvIG(t)
	m := byBSN(records)
	if got, want := m["999999370"].ParentBSNs, []string{"999999357", "999999345"}; !reflect.DeepEqual(got, want) {
		t.Errorf("parents of Daan Groot Esselink = %v, want %v", got, want)
	}
	if got := m["999993653"].ParentBSNs; got != nil {
		t.Errorf("Suzanne Moulin's parents have no BSN, got %v", got)
	}
}

func TestGBAVHouseNumberJoinsLetterAndAddition(t *testing.T) {
	records, _ := readRvIG(t)
	m := byBSN(records)
	for bsn, want := range map[string]string{
		"999991930": "1A",      // letter
		"999990883": "9-2",     // addition
		"999995832": "14-H",    // addition
		"999994864": "555A-4a", // addition that starts with its own dash
	} {
		if got := m[bsn].Person.HouseNumber; got != want {
			t.Errorf("%s: house number %q, want %q", bsn, got, want)
		}
	}
}

func TestGBAVYouthsBornIn2003OrLater(t *testing.T) {
	records, _ := readRvIG(t)
	n := 0
	for _, r := range records {
		if !r.Person.BirthDate.Before(date(2003, 1, 1)) {
			n++
		}
	}
	if n != 77 { // 82 in the file, of whom 5 deceased or emigrated
		t.Errorf("%d persons born 2003 or later, want 77", n)
	}
}

func TestGBAVSkipsSuspendedPersonLists(t *testing.T) {
	records, stats := readRvIG(t)
	if got := stats.SkippedReasons[ReasonSuspended]; got != 97 {
		t.Errorf("%d suspended person lists skipped, want 97", got)
	}
	for _, r := range records {
		if r.Person.BSN == "999991693" { // deceased (07.67.20 = O)
			t.Fatal("a deceased person was read as living")
		}
	}
}

func TestGBAVUsesFirstOfRepeatedColumn(t *testing.T) {
	in := strings.TrimSuffix(gbavHeader, "\n") + ";08.11.60\n" +
		"Lg01_1;999993653;Suzanne;;Moulin;19851201;V;;;0599;31;;;3077AW;9999ZZ\n"
	records, _, err := Read(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if got := records[0].Person.Postcode; got != "3077AW" {
		t.Errorf("postcode %q, want the first 08.11.60 column's 3077AW", got)
	}
}

func TestGBAVFoldsLineBreaksInNamesAndNormalises(t *testing.T) {
	in := gbavHeader +
		"Lg01_1;999993653;\"Kim\nook genaamd  Jim\";van der;Moulin;19851201;;;;0599;31;a;;3077 aw\n"
	records, _, err := Read(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	p := records[0].Person
	if p.GivenNames != "Kim ook genaamd Jim" || p.Prefix != "van der" || p.Sex != "O" || p.Postcode != "3077AW" || p.HouseNumber != "31a" {
		t.Errorf("got %+v", p)
	}
}

func TestGBAVMissingColumnIsAnError(t *testing.T) {
	in := strings.Replace(gbavHeader, ";08.11.60", "", 1) + "Lg01_1;999993653;Suzanne;;Moulin;19851201;V;;;0599;31;;\n"
	records, _, err := Read(strings.NewReader(in))
	if records != nil || model.ErrorCode(err) != model.EINVALID || !strings.Contains(model.ErrorMessage(err), "08.11.60") {
		t.Errorf("records %v, err %v; want an EINVALID error naming 08.11.60", records, err)
	}
}

func TestGBAVReadsStreetAndTownBesideTheJoinedHouseNumber(t *testing.T) {
	records, _ := readRvIG(t)
	m := byBSN(records)
	// Fuçili van der Sommen: the short street name (08.11.10) is cut to 24
	// characters, the official one (08.11.15) is whole.
	want := Address{Street: "Anna van Westrienenstraat", ShortStreet: "Anna van Westrienenstr", Number: 1, Letter: "C", Town: "Rotterdam"}
	if got := m[BSNLeapDay].Address; got != want {
		t.Errorf("address = %+v, want %+v", got, want)
	}
	for _, r := range records {
		if got := r.Address.HouseNumber(); got != r.Person.HouseNumber {
			t.Errorf("%s: parts join to %q, person has %q", r.Person.BSN, got, r.Person.HouseNumber)
		}
	}
}

func TestGBAVWithoutStreetColumnsStillReads(t *testing.T) {
	in := gbavHeader + "Lg01_1;999993653;Suzanne;;Moulin;19851201;V;;;0599;31;B;2;3077AW\n"
	records, _, err := Read(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := records[0].Address, (Address{Number: 31, Letter: "B", Addition: "2"}); got != want {
		t.Errorf("address = %+v, want %+v", got, want)
	}
}
