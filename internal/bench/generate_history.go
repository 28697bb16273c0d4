package bench

import (
	"context"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/covenant"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/secret"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// Acting is an existing organisation and the professional who acts for it
// in a generated history.
type Acting struct {
	Organisation model.Organisation
	Professional int64
}

// GenerateHistory adds opt.Youth persons to the population register, in
// opt.Municipalities, and the cases of as many of them as opt.Registrations
// registrations take, begun over the last opt.History months, with the
// given organisations: the past of a region that already exists, such as
// the demo's. The organisations must be in the database. It writes as any
// other transaction does, keeping the indexes, so the database may be in
// use meanwhile.
func GenerateHistory(ctx context.Context, db *storage.DB, keys *secret.Keys, cov *covenant.Covenant, opt Options, orgs []Acting) (Generated, error) {
	start := time.Now()
	g := newGenerator(db, keys, cov, opt)
	g.pros, g.inPlace = map[int64]int64{}, true
	for _, a := range orgs {
		g.orgs = append(g.orgs, a.Organisation)
		g.pros[a.Organisation.ID] = a.Professional
	}
	out := Generated{Orgs: len(orgs)}
	var err error
	if out.Persons, err = g.population(ctx); err == nil {
		out.ParentLinks = 2 * out.Persons
		err = g.cases(ctx, &out)
	}
	out.Elapsed = time.Since(start)
	return out, err
}
