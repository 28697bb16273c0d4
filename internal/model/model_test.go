package model

import (
	"testing"
	"time"
)

func TestBSNElevenTest(t *testing.T) {
	for bsn, want := range map[string]bool{
		"999998006": true,  // RvIG test person
		"111222333": true,  // 9·1+8·1+7·1+6·2+5·2+4·2+3·3+2·3−3 = 66
		"123456789": false, // fails the eleven-test
		"010008579": false, // RvIG's one invalid test BSN
		"000000000": false, // sums to 0
		"99999800":  false, // eight digits
		"9999980O6": false, // a letter O
	} {
		if got := ValidBSN(bsn); got != want {
			t.Errorf("ValidBSN(%q) = %v, want %v", bsn, got, want)
		}
	}
	if err := CheckBSN("bsn", "123456789"); ErrorCode(err) != EINVALID || ErrorParams(err)[0].Name != "bsn" {
		t.Fatalf("CheckBSN of a bad number = %v, want EINVALID naming the field", err)
	}
}

func TestAgeCountsWholeYearsAndLeapDayBirthdays(t *testing.T) {
	d := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	cases := []struct {
		birth, day string
		age        int
	}{
		{"2002-12-20", "2026-12-19", 23},
		{"2002-12-20", "2026-12-20", 24},
		{"2008-02-29", "2026-02-28", 17},
		{"2008-02-29", "2026-03-01", 18},
		{"2008-02-29", "2028-02-29", 20},
	}
	for _, c := range cases {
		if got := AgeOn(d(c.birth), d(c.day)); got != c.age {
			t.Errorf("AgeOn(%s, %s) = %d, want %d", c.birth, c.day, got, c.age)
		}
	}
}

func TestOrganisationsThatGiveNoCareOnlySignal(t *testing.T) {
	for _, o := range OrgTypes {
		want := RoleZorgaanbieder
		switch o.Type {
		case TypeOnderwijs, TypeKinderopvang, TypePolitie, TypeLeerplicht, TypeGemeente:
			want = RoleSignaalgever
		}
		if got := DefaultRole(o.Type); got != want {
			t.Errorf("DefaultRole(%s) = %s, want %s", o.Type, got, want)
		}
	}
	school := Organisation{Name: "School", Type: TypeOnderwijs, Role: RoleSignaalgever, Municipality: "Eindhoven", Active: true}
	if err := MayRegister(school, KindKetenregistratie); ErrorCode(err) != EINVALID {
		t.Fatalf("signal-only organisation may make a care registration: %v", err)
	}
	if err := MayRegister(school, KindSignaal); err != nil {
		t.Fatalf("signal-only organisation may not signal: %v", err)
	}
	if school.MayCoordinate() {
		t.Fatal("a signal-only organisation may coordinate")
	}
}

func TestValidationNamesEveryBadField(t *testing.T) {
	err := Professional{Name: " ", Email: "geen-adres", Phone: "12"}.Validate()
	got := map[string]bool{}
	for _, p := range ErrorParams(err) {
		got[p.Name] = true
	}
	for _, f := range []string{"naam", "email", "telefoon", "organisatie"} {
		if !got[f] {
			t.Errorf("professional validation does not name %q: %v", f, err)
		}
	}
	err = Organisation{Name: "X", Type: "bakker", Municipality: "Eindhoven"}.Validate()
	if ps := ErrorParams(err); len(ps) != 1 || ps[0].Name != "type" {
		t.Errorf("bad type without a role names %+v, want only type", ps)
	}
}

func BenchmarkValidBSN(b *testing.B) {
	for b.Loop() {
		ValidBSN("999998006")
	}
}
