package api

import (
	"slices"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// endReasons is every reason a registration can end with. A reason added to
// the model belongs here and in the OpenAPI document, or a client system that
// validates against the document refuses the registrations that carry it.
var endReasons = []model.EndReason{
	model.EndByOrganisation, model.EndDateReached, model.EndAgeLimit,
	model.EndExpired, model.EndClosed, model.EndByClientSystem,
}

// TestOpenAPIEndReasonsNameEveryReasonARegistrationEndsWith: a registration
// that a complete list ended says redenEinde "koppeling" (issue 16), in the
// registration, the history, the access report and the feed's event.
func TestOpenAPIEndReasonsNameEveryReasonARegistrationEndsWith(t *testing.T) {
	doc := loadOpenAPI(t)
	schemas := doc.Components.Schemas
	enums := map[string][]any{
		"Registratie.redenEinde":         schemas["Registratie"].Value.Properties["redenEinde"].Value.Enum,
		"HistorieRegistratie.redenEinde": schemas["HistorieRegistratie"].Value.Properties["redenEinde"].Value.Enum,
		"InzageRegistratie.redenEinde":   schemas["InzageRegistratie"].Value.Properties["redenEinde"].Value.Enum,
		"Gebeurtenis.gegevens.reden":     schemas["Gebeurtenis"].Value.Properties["gegevens"].Value.Properties["reden"].Value.Enum,
	}
	for name, enum := range enums {
		for _, r := range endReasons {
			if !slices.Contains(enum, any(string(r))) {
				t.Errorf("%s does not list %q: %v", name, r, enum)
			}
		}
	}
}
