package monitoring

import "strings"

// municipalityNames are the CBS codes and names of the municipalities the
// figures can be about. (A helper replaces this with the full CBS list.)
var municipalityNames = map[string]string{
	"0034": "Almere", "0344": "Utrecht", "0363": "Amsterdam", "0518": "'s-Gravenhage",
	"0530": "Hellevoetsluis", "0599": "Rotterdam", "0772": "Eindhoven",
}

// MunicipalityName is the name of the municipality with CBS code code, ""
// when unknown.
func MunicipalityName(code string) string { return municipalityNames[code] }

// MunicipalityCode is the CBS code of a municipality given by code or name
// (case-insensitive), "" when unknown.
func MunicipalityCode(nameOrCode string) string {
	s := strings.TrimSpace(nameOrCode)
	if _, ok := municipalityNames[s]; ok {
		return s
	}
	for code, name := range municipalityNames {
		if strings.EqualFold(name, s) {
			return code
		}
	}
	return ""
}
