package registration_test

import (
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

func TestNobodyBrowsesAYouthWithoutAnActiveRegistration(t *testing.T) {
	env := testenv.New(t)
	school := env.Pro(t, env.Org(t, "School", model.TypeOnderwijs))
	outsider := env.Pro(t, env.Org(t, "Politie", model.TypePolitie))
	r := env.Register(t, school, population.BSNTeen, model.KindSignaal)

	if p, err := env.Registry.YouthByReference(ctx, school, r.Youth.Reference); err != nil || len(p.Involved) != 1 {
		t.Fatalf("involved organisation cannot see the youth: %v", err)
	}
	_, errOutsider := env.Registry.YouthByReference(ctx, outsider, r.Youth.Reference)
	_, errUnknown := env.Registry.YouthByReference(ctx, outsider, "J-XXXXXXXX")
	if model.ErrorCode(errOutsider) != model.ENOTFOUND || model.ErrorMessage(errOutsider) != model.ErrorMessage(errUnknown) {
		t.Fatalf("outsider got %v, unknown reference %v; want the same not-found", errOutsider, errUnknown)
	}
	_, errOther := env.Registry.Registrations.Registration(ctx, outsider, r.Registration.ID)
	_, errMissing := env.Registry.Registrations.Registration(ctx, outsider, r.Registration.ID+1000)
	if model.ErrorCode(errOther) != model.ENOTFOUND || model.ErrorMessage(errOther) != model.ErrorMessage(errMissing) {
		t.Fatalf("another organisation's registration: %v, missing: %v", errOther, errMissing)
	}

	if _, err := env.Registry.Registrations.End(ctx, school, r.Registration.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := env.Registry.YouthByReference(ctx, school, r.Youth.Reference); model.ErrorMessage(err) != model.ErrorMessage(errUnknown) {
		t.Fatalf("after ending, the youth is still visible: %v", err)
	}
	v, err := env.Registry.Registrations.Registration(ctx, school, r.Registration.ID)
	if err != nil || v.Visible || len(v.Involved) != 0 || v.Coordinator != nil {
		t.Fatalf("own ended registration shows involved organisations: %+v, %v", v, err)
	}
}
