package population

import (
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// The secrecy indicator (indicatie geheim, 07.70.10) of RvIG's set: 45 person
// lists carry a code from 1 to 7, every one of them an adult; 30
// of them are read (the others are suspended or have a partly unknown birth date).
func TestGBAVReadsTheSecrecyIndicator(t *testing.T) {
	records, _ := readRvIG(t)
	m := byBSN(records)
	for bsn, want := range map[string]bool{
		"999994931": true,  // Jan de Jager, code 7
		"999994785": true,  // Anita Jansen, code 7
		"999990445": true,  // Arnoud de Smit, code 1
		"999995480": true,  // Marion Mancini, code 5
		"999992107": false, // Jaffe, their son, code 0
		BSNSecret:   false, // marked by TestPersons only, not in RvIG's set
		BSNAdult:    false,
	} {
		if got := m[bsn].Person.Secret; got != want {
			t.Errorf("%s: secret %v, want %v", bsn, got, want)
		}
	}
	n := 0
	for _, r := range records {
		if r.Person.Secret {
			n++
			if model.AgeOn(r.Person.BirthDate, TestDay()) < 24 {
				t.Errorf("%s is a secret youth in RvIG's set: the comment of secretYouths is wrong", r.Person.BSN)
			}
		}
	}
	if n != 30 {
		t.Errorf("%d secret persons read, want 30", n)
	}
}

func TestGBAVWithoutTheSecrecyColumnReadsNobodySecret(t *testing.T) {
	withColumn := strings.TrimSuffix(gbavHeader, "\n") + ";07.70.10\n" +
		"Lg01_1;999993653;Suzanne;;Moulin;19851201;V;;;0599;31;;;3077AW;3\n" +
		"Lg01_2;999995145;Roos;;Janssen;20070726;V;;;0518;2;;;2572NR;0\n"
	records, _, err := Read(strings.NewReader(withColumn))
	if err != nil {
		t.Fatal(err)
	}
	if !records[0].Person.Secret || records[1].Person.Secret {
		t.Errorf("secret %v, %v; want code 3 secret, code 0 not", records[0].Person.Secret, records[1].Person.Secret)
	}
	records, _, err = Read(strings.NewReader(gbavHeader + "Lg01_1;999993653;Suzanne;;Moulin;19851201;V;;;0599;31;;;3077AW\n"))
	if err != nil || records[0].Person.Secret {
		t.Errorf("without 07.70.10: %+v, %v; want not secret", records, err)
	}
}

func TestTestPersonsMarkTheSecretYouth(t *testing.T) {
	m := byBSN(TestPersons())
	vaso := m[BSNSecret].Person
	if !vaso.Secret || vaso.FullName() != "Vaso Olympia" || model.AgeOn(vaso.BirthDate, TestDay()) != 7 {
		t.Errorf("BSNSecret is %+v; want Vaso Olympia, 7, secret", vaso)
	}
	for _, bsn := range []string{BSNSecretSibling, "999996447", "999995091"} {
		p := m[bsn].Person
		if p.Secret || p.Postcode != vaso.Postcode || p.HouseNumber != vaso.HouseNumber {
			t.Errorf("%s %s: secret %v at %s %s; want not secret, at Vaso's address", bsn, p.FullName(), p.Secret, p.Postcode, p.HouseNumber)
		}
	}
	if !m[BSNSecretParent].Person.Secret {
		t.Error("BSNSecretParent is not secret")
	}
}

func TestPlainCSVReadsTheOptionalSecrecyColumn(t *testing.T) {
	in := strings.TrimSuffix(plainHeaderLine, "\n") + ";Geheim\n" +
		"999999370;Daan;;Groot Esselink;2013-12-06;M;0599;3032CG;651;ja\n" +
		"999995145;Roos;;Janssen;2007-07-26;V;0518;2572NR;2;nee\n" +
		"999993653;Suzanne;de;Moulin;1985-12-01;;0599;;;7\n" +
		"999999412;Hein;;Groot Esselink;2020-01-20;M;0599;3032CG;651;\n"
	records, _, err := Read(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []bool{true, false, true, false}
	for i, r := range records {
		if r.Person.Secret != want[i] {
			t.Errorf("%s: secret %v, want %v", r.Person.BSN, r.Person.Secret, want[i])
		}
	}
	if records[0].Person.HouseNumber != "651" {
		t.Errorf("house number %q: the tenth column was read into the ninth", records[0].Person.HouseNumber)
	}

	bad := strings.TrimSuffix(plainHeaderLine, "\n") + ";geheim\n" + "999999370;Daan;;Groot Esselink;2013-12-06;M;0599;3032CG;651;misschien\n"
	records, _, err = Read(strings.NewReader(bad))
	if records != nil || model.ErrorCode(err) != model.EINVALID || len(model.ErrorParams(err)) != 1 || model.ErrorParams(err)[0].Name != "geheim" ||
		model.ErrorMessage(err) != `regel 2: geheim "misschien" is ongeldig (ja of nee, of de GBA-code van de indicatie geheim, 0 tot en met 7)` {
		t.Errorf("bad value: %d records, %v; want EINVALID naming line 2 and the column geheim", len(records), err)
	}
	// With the column in the header, every row needs it.
	short := strings.TrimSuffix(plainHeaderLine, "\n") + ";geheim\n" + "999999370;Daan;;Groot Esselink;2013-12-06;M;0599;3032CG;651\n"
	if _, _, err := Read(strings.NewReader(short)); model.ErrorMessage(err) != "regel 2: 9 velden, verwacht 10 (gescheiden door ;)" {
		t.Errorf("a row without the column: %v", err)
	}
}
