package monitoring

import "testing"

// The list holds every current municipality of the CBS division, and the
// codes anyone in the field knows by heart are the right ones.
func TestMunicipalityListIsTheCurrentCBSDivision(t *testing.T) {
	if n := len(MunicipalityCodes()); n != 342 {
		t.Fatalf("%d municipalities, want 342 (CBS, 1 January 2023 to 2026)", n)
	}
	known := map[string]string{
		"0363": "Amsterdam", "0599": "Rotterdam", "0518": "'s-Gravenhage", "0344": "Utrecht",
		"0772": "Eindhoven", "0034": "Almere", "0855": "Tilburg", "0758": "Breda",
		"0014": "Groningen", "0268": "Nijmegen", "0153": "Enschede", "0392": "Haarlem",
		"0202": "Arnhem", "0307": "Amersfoort", "0200": "Apeldoorn", "0796": "'s-Hertogenbosch",
		"0193": "Zwolle", "0546": "Leiden", "0935": "Maastricht", "0503": "Delft",
		"0080": "Leeuwarden", "0106": "Assen", "0794": "Helmond", "0995": "Lelystad",
		"1992": "Voorne aan Zee", "1982": "Land van Cuijk", "1991": "Maashorst", "1980": "Dijk en Waard",
		"1979": "Eemsdelta", "0439": "Purmerend", "0088": "Schiermonnikoog",
	}
	for code, name := range known {
		if got := MunicipalityName(code); got != name {
			t.Errorf("MunicipalityName(%q) = %q, want %q", code, got, name)
		}
	}
	// Merged away before 2023: no longer municipalities of their own.
	for _, gone := range []string{"0457", "0370", "0501", "0530", "0614", "0756", "0786", "0003"} {
		if name := MunicipalityName(gone); name != "" {
			t.Errorf("MunicipalityName(%q) = %q; that municipality no longer exists", gone, name)
		}
	}
	if MunicipalityName("") != "" || MunicipalityName("9999") != "" {
		t.Error("an unknown code has a name")
	}
}

func TestMunicipalityCodeReadsCodesAndNames(t *testing.T) {
	for in, want := range map[string]string{
		"0772": "0772", "GM0772": "0772", "gm0772": "0772", "Eindhoven": "0772", "eindhoven": "0772",
		" EINDHOVEN ": "0772", "'s-gravenhage": "0518", "Den Haag": "0518", "den bosch": "0796",
		"Nuenen, Gerwen en Nederwetten": "0820", "Súdwest-Fryslân": "1900",
		"": "", "Atlantis": "", "9999": "", "772": "", "Weesp": "",
	} {
		if got := MunicipalityCode(in); got != want {
			t.Errorf("MunicipalityCode(%q) = %q, want %q", in, got, want)
		}
	}
}

// Every name leads back to its own code, and every code to its name.
func TestMunicipalityCodeRoundTrips(t *testing.T) {
	names := map[string]bool{}
	for _, code := range MunicipalityCodes() {
		name := MunicipalityName(code)
		if name == "" {
			t.Fatalf("code %s without a name", code)
		}
		if names[name] {
			t.Errorf("name %q twice", name)
		}
		names[name] = true
		if got := MunicipalityCode(name); got != code {
			t.Errorf("MunicipalityCode(%q) = %q, want %q", name, got, code)
		}
		if got := MunicipalityCode(code); got != code {
			t.Errorf("MunicipalityCode(%q) = %q", code, got)
		}
	}
	if l := MunicipalityOf("0772").Label(); l != "Eindhoven (0772)" {
		t.Errorf("label %q", l)
	}
	if l := MunicipalityOf("9999").Label(); l != "9999" {
		t.Errorf("label of an unknown code %q", l)
	}
}
