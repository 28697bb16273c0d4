package demo_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/demo"
	"github.com/jeugdketen/jeugdketen/internal/family"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/population/brpstub"
	"github.com/jeugdketen/jeugdketen/internal/population/haalcentraal"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// The demo looks its youths up through the BRP API client, against the
// stand-in, and a newcomer finds a family: two children at one address,
// each with its own coordinator, told to agree, and a relation to their
// father.
func TestDemoShowsAFamilyThroughTheBRPAPI(t *testing.T) {
	ctx := context.Background()
	env := testenv.New(t)
	stub, err := brpstub.New(population.TestPersons())
	if err != nil {
		t.Fatal(err)
	}
	var calls atomic.Int64
	srv := httptest.NewServer(countCalls(stub, &calls))
	t.Cleanup(srv.Close)
	client, err := haalcentraal.New(haalcentraal.Config{URL: srv.URL + brpstub.BasePath, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	env.Registry.Population = client
	people := &auth.People{DB: env.DB, Keys: env.Keys, Now: env.Clock.Now, Argon2: auth.Argon2{Memory: 1024, Time: 1, Threads: 1}}

	region, err := demo.Seed(ctx, env.DB, env.Keys, env.Registry, env.Region, people)
	if err != nil {
		t.Fatal(err)
	}
	if calls.Load() == 0 {
		t.Fatal("the demo never asked the BRP API")
	}
	f := region.Family
	var actor usecase.Actor
	err = env.DB.View(ctx, func(tx *storage.Tx) error {
		p, err := tx.ProfessionalByEmail(ctx, f.Email)
		if err != nil {
			return err
		}
		o, err := tx.Organisation(ctx, p.OrganisationID)
		actor = usecase.Actor{Professional: p, Organisation: o}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	pic, err := env.Registry.YouthByReference(ctx, actor, f.Reference)
	if err != nil {
		t.Fatal(err)
	}
	if pic.Address == nil || len(pic.Address.Children) != 1 || pic.Address.Children[0].Coordinator == "" || pic.Coordinator == nil || pic.Coordinator.Organisation.Name == pic.Address.Children[0].Coordinator {
		t.Errorf("address view %+v with coordinator %+v; want one other child with another coordinator", pic.Address, pic.Coordinator)
	}
	if len(pic.Relations) != 1 || pic.Relations[0].Kind != family.RelationParent || pic.Relations[0].Person.FullName() != "Johan Groot Esselink" {
		t.Errorf("relations %+v; want the father", pic.Relations)
	}
	told := 0
	for _, m := range env.Inbox(t, actor) {
		if m.Kind == family.KindFamily {
			told++
		}
	}
	if told != 1 {
		t.Errorf("the family's coordinator got %d family messages, want 1", told)
	}
	registered := 0
	for _, y := range region.Youths {
		if y.Reference != "" {
			registered++
		}
	}
	if registered != 4 {
		t.Errorf("%d demo youths with a reference, want 4", registered)
	}
}

func countCalls(next http.Handler, n *atomic.Int64) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		next.ServeHTTP(w, r)
	})
}
