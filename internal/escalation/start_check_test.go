package escalation_test

import (
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// CheckStart answers as StartEscalation would, and starts nothing: the web
// application's confirmation page relies on it.
func TestCheckStartAnswersAsStartingWouldAndStartsNothing(t *testing.T) {
	c := testenv.NewCareCase(t)
	outsider := c.Env.Pro(t, c.Env.Org(t, "JGZ Zuidoost-Brabant", model.TypeJGZ))
	esc := c.Env.Registry.Escalations

	testenv.WantCode(t, esc.CheckStart(ctx, c.JH, c.Ref), model.ECONFLICT) // not accepted yet
	c.Accept(t, c.JH)
	testenv.WantCode(t, esc.CheckStart(ctx, c.School, c.Ref), model.EFORBIDDEN)
	for _, who := range []usecase.Actor{outsider} {
		err := esc.CheckStart(ctx, who, c.Ref)
		testenv.WantCode(t, err, model.ENOTFOUND)
		if unknown := esc.CheckStart(ctx, who, "J-ZZZZZZZZ"); model.ErrorMessage(unknown) != model.ErrorMessage(err) {
			t.Errorf("refusal %q differs from the answer for an unknown youth", model.ErrorMessage(err))
		}
	}
	if err := esc.CheckStart(ctx, c.JH, c.Ref); err != nil {
		t.Fatalf("the accepted coordinator may start: %v", err)
	}
	if n := testenv.Count(t, testenv.RawDB(t, c.Env), "escalations"); n != 0 {
		t.Fatalf("checking started %d escalations", n)
	}
	if _, err := esc.StartEscalation(ctx, c.JH, c.Ref); err != nil {
		t.Fatal(err)
	}
	testenv.WantCode(t, esc.CheckStart(ctx, c.JH, c.Ref), model.ECONFLICT) // one runs
}
