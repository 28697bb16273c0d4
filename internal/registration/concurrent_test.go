package registration_test

import (
	"sync"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/registration"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

func TestSimultaneousRegistrationsAboutOneYouthGiveOneMatchPerPairAndOneCoordinator(t *testing.T) {
	env := testenv.New(t)
	types := []model.OrgType{model.TypeOnderwijs, model.TypePolitie, model.TypeJGZ, model.TypeSMW, model.TypeAMW, model.TypeWijkteam, model.TypeJeugdhulp, model.TypeGI}
	var actors []usecase.Actor
	for _, typ := range types {
		actors = append(actors, env.Pro(t, env.Org(t, string(typ), typ)))
	}
	youths := []string{population.BSNTeen, population.BSNChild, population.BSNYoungAdult}
	start := make(chan struct{})
	var wg sync.WaitGroup
	errs := make(chan error, len(actors)*len(youths)*2)
	for _, bsn := range youths {
		for _, a := range actors {
			kind := model.KindKetenregistratie
			if a.Organisation.Role == model.RoleSignaalgever {
				kind = model.KindSignaal
			}
			for range 2 { // every client system sends twice
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-start
					_, err := env.Registry.Registrations.Register(ctx, a, registration.Registering{BSN: bsn, Kind: kind})
					errs <- err
				}()
			}
		}
	}
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	raw := testenv.RawDB(t, env)
	var registrations, matches, running, pairs int
	raw.QueryRow(`SELECT count(*) FROM registrations WHERE ended_at IS NULL`).Scan(&registrations)
	raw.QueryRow(`SELECT count(*) FROM matches`).Scan(&matches)
	raw.QueryRow(`SELECT count(DISTINCT youth_id || '-' || organisation_a || '-' || organisation_b) FROM matches`).Scan(&pairs)
	raw.QueryRow(`SELECT count(*) FROM coordinations WHERE ended_at IS NULL`).Scan(&running)
	if registrations != len(youths)*len(actors) {
		t.Errorf("%d active registrations, want %d (a resend must not make a second)", registrations, len(youths)*len(actors))
	}
	if want := len(youths) * 28; matches != want || pairs != want {
		t.Errorf("%d match records (%d distinct pairs), want %d: one per pair of 8 organisations per youth", matches, pairs, want)
	}
	if running != len(youths) {
		t.Errorf("%d running coordinations, want one per youth", running)
	}
	var gi int
	raw.QueryRow(`SELECT count(*) FROM coordinations c JOIN organisations o ON o.id = c.organisation_id WHERE c.ended_at IS NULL AND o.type = 'gi'`).Scan(&gi)
	if gi != len(youths) {
		t.Errorf("the GI coordinates %d youths, want all %d", gi, len(youths))
	}
	// The k-th organisation to join (k = 1…7 after the first) is announced to
	// the k already there and told of them once: k+1 messages, 35 per youth.
	var announced int
	raw.QueryRow(`SELECT count(*) FROM messages WHERE kind = 'match'`).Scan(&announced)
	if want := len(youths) * 35; announced != want {
		t.Errorf("%d match messages, want %d", announced, want)
	}
}
