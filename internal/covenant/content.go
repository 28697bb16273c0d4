package covenant

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// contentWords are words that turn a plan action into case content: whom
// the youth is referred to, or what is wrong. Every involved organisation
// reads the plan (seed 002: the index holds "that", never "what"), so an
// action naming one of them is warned about. Multi-word entries match as a
// phrase; every entry matches whole words only ("gi" not in "gesprek").
var contentWords = []string{
	// agencies and professions a referral names
	"veilig thuis", "huisarts", "ggz", "jeugd-ggz", "psychiater", "psycholoog", "jeugdarts",
	"politie", "justitie", "leerplicht", "leerplichtambtenaar", "raad voor de kinderbescherming",
	"kinderbescherming", "jeugdbescherming", "jeugdreclassering", "gi", "verslavingszorg",
	"vrouwenopvang", "crisisdienst", "halt", "jeugdzorg plus",
	// diagnoses and what happened
	"adhd", "add", "autisme", "ass", "depressie", "angststoornis", "eetstoornis", "psychose",
	"stoornis", "diagnose", "trauma", "suïcide", "suïcidaal", "zelfbeschadiging", "verslaving",
	"drugs", "alcohol", "mishandeling", "kindermishandeling", "misbruik", "seksueel misbruik",
	"huiselijk geweld", "geweld", "verwaarlozing", "zwangerschap", "medicatie", "opname",
}

// contentWarning says, in Dutch, why action reads as case content; "" when
// it does not. Organisation type names (model.OrgTypes) count as agencies.
func contentWarning(action string) string {
	words := normalise(action)
	for _, w := range contentWords {
		if strings.Contains(words, " "+w+" ") {
			return fmt.Sprintf("afspraak %q noemt %q. Alle betrokken organisaties zien het plan, ook een school: noem de soort stap (bijvoorbeeld \"inzet hulp\" of \"overleg\"), niet naar wie of waarom", action, w)
		}
	}
	for _, t := range model.OrgTypes {
		if strings.Contains(words, normalise(t.Label)) || strings.Contains(words, " "+string(t.Type)+" ") {
			return fmt.Sprintf("afspraak %q noemt de organisatie %q. Alle betrokken organisaties zien het plan, ook een school: noem de soort stap (bijvoorbeeld \"inzet hulp\" of \"overleg\"), niet naar wie of waarom", action, t.Label)
		}
	}
	return ""
}

// normalise gives s in lower case as its words between single spaces, with a
// space before and after: "Inzet (GGZ)" becomes " inzet ggz ".
func normalise(s string) string {
	return " " + strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-'
	}), " ") + " "
}
