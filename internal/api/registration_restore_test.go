package api_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
)

func TestAPIRestoresAnEndingWithin24HoursAndRefusesAfterwards(t *testing.T) {
	t.Parallel()
	h := start(t)
	school := h.user(t, "Basisschool", model.TypeOnderwijs)
	police := h.user(t, "Politie", model.TypePolitie)
	r := h.register(t, school, population.BSNTeen, model.KindSignaal, http.StatusCreated)
	path := "/api/v1/registraties/" + itoa(r.ID)
	h.call(t, "POST", path+"/beeindigen", school.token, nil).want(t, http.StatusOK, nil)

	wantProblem(t, h.call(t, "POST", path+"/herstellen", police.token, nil), http.StatusNotFound)
	h.env.Clock.Advance(2 * time.Hour)
	var got registered
	h.call(t, "POST", path+"/herstellen", school.token, nil).want(t, http.StatusOK, &got)
	if got.Status != "actief" || got.BeeindigdOp != nil || got.ID != r.ID {
		t.Errorf("restored %+v, want the same registration active", got)
	}
	p := wantProblem(t, h.call(t, "POST", path+"/herstellen", school.token, nil), http.StatusConflict)
	if !strings.Contains(p.Detail, "loopt nog") {
		t.Errorf("restoring an active registration: %q", p.Detail)
	}

	h.call(t, "POST", path+"/beeindigen", school.token, nil).want(t, http.StatusOK, nil)
	h.env.Clock.Advance(25 * time.Hour)
	p = wantProblem(t, h.call(t, "POST", path+"/herstellen", school.token, nil), http.StatusConflict)
	if !strings.Contains(p.Detail, "langer dan 24 uur") {
		t.Errorf("restoring after 25 hours: %q", p.Detail)
	}
}
