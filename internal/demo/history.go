package demo

import (
	"context"
	"fmt"
	"strings"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/bench"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/region"
	"github.com/jeugdketen/jeugdketen/internal/registry"
	"github.com/jeugdketen/jeugdketen/internal/secret"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// The demo's year of history: so that a newcomer who logs in as the
// municipality's monitoring account sees filled charts, Eindhoven has a
// year of past cases, and the figures of each past month are made.
//
// The history is the benchmark generator's (bench.GenerateHistory), which
// writes each case's rows as the registry would have left them, and not a
// replay of the use cases with a clock moved through the year: the replay
// would send thousands of e-mails into the demo's mail view and take
// minutes, where the generator takes a second or two.
//
// It has organisations of its own, whose professionals cannot log in: the
// demo's professionals keep their own short inboxes, worklists and youth
// lists, exactly as the walkthrough and the README describe them, and the
// history's youths (generated persons in the register, never printed) are
// nobody's in the demo. They do show in the regional administrator's list
// of organisations, marked as history.
const (
	historyMunicipality = "0772"
	historyMonths       = 13 // the past twelve whole months, and the one before in part
	historyYouths       = 5000
	historyRegs         = 4500 // a few hundred a month
)

var historyOrganisations = []struct {
	name string
	typ  model.OrgType
}{
	{"Basisschool Het Kompas", model.TypeOnderwijs},
	{"Basisschool De Vlinder", model.TypeOnderwijs},
	{"Lorentz Lyceum", model.TypeOnderwijs},
	{"Kinderdagverblijf Klein Duimpje", model.TypeKinderopvang},
	{"Politie Basisteam Eindhoven-Zuid", model.TypePolitie},
	{"JGZ Consultatiebureau Woensel", model.TypeJGZ},
	{"Huisartsenpraktijk Stratum", model.TypeHuisarts},
	{"Wijkteam Eindhoven-Woensel", model.TypeWijkteam},
	{"Wijkteam Eindhoven-Gestel", model.TypeWijkteam},
	{"Jeugdhulp Lumens", model.TypeJeugdhulp},
	{"Jeugdhulp Oosterpoort", model.TypeJeugdhulp},
	{"GGZ Jeugd Eindhoven", model.TypeGGZ},
	{"Verslavingszorg Novadic", model.TypeVerslavingszorg},
	{"Veilig Thuis Eindhoven", model.TypeVeiligThuis},
}

// HistorySuffix marks the history's organisations in their names.
const HistorySuffix = " (demogeschiedenis)"

// history makes the year of history and then the monitoring figures of its
// months. It returns how many months were made.
func history(ctx context.Context, db *storage.DB, keys *secret.Keys, reg *registry.Service, adm *region.Service, who audit.Actor) (bench.Generated, int, error) {
	var acting []bench.Acting
	for i, o := range historyOrganisations {
		org, err := adm.CreateOrganisation(ctx, who, model.Organisation{Name: o.name + HistorySuffix, Type: o.typ, Municipality: "Eindhoven"})
		if err != nil {
			return bench.Generated{}, 0, err
		}
		domain := strings.ToLower(strings.NewReplacer(" ", "", "-", "").Replace(o.name))
		p, err := adm.CreateProfessional(ctx, who, model.Professional{
			OrganisationID: org.ID, Name: "Medewerker " + o.name, Email: "geschiedenis@" + domain + ".example",
			Phone: fmt.Sprintf("040-%03d 99 00", 300+i),
		})
		if err != nil {
			return bench.Generated{}, 0, err
		}
		acting = append(acting, bench.Acting{Organisation: org, Professional: p.ID})
	}
	g, err := bench.GenerateHistory(ctx, db, keys, reg.Covenant, bench.Options{
		Youth: historyYouths, Registrations: historyRegs, History: historyMonths,
		Municipalities: []string{historyMunicipality}, ReferencePrefix: "H", Seed: 15, Now: reg.Now(),
	}, acting)
	if err != nil {
		return g, 0, fmt.Errorf("demo: history: %w", err)
	}
	months, err := reg.Monitoring.MakeMonths(ctx)
	if err != nil {
		return g, months, fmt.Errorf("demo: making the monitoring months: %w", err)
	}
	return g, months, nil
}
