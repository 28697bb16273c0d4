package haalcentraal

import (
	"context"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/population/brpstub"
)

// A request the register refuses (a field the contract does not have, or
// no fields at all) is a fault of the link, not of the user: an internal
// error with a Dutch message, and the register's invalidParams in the
// error the log receives.
func TestRefusedRequestIsAnInternalErrorNamingTheRegistersProblem(t *testing.T) {
	stub, err := brpstub.New(population.TestPersons())
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(stub)
	defer srv.Close()
	var log strings.Builder
	c, err := New(Config{URL: srv.URL, Log: slog.New(slog.NewTextHandler(&log, nil))})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		fields []string
		logged string
	}{
		{[]string{"burgerservicenummer", "naam.roepnaam"}, "fields[1] fields: Parameter bevat een niet bestaande veldnaam."},
		{nil, "fields required: Parameter is verplicht."},
	}
	for _, tc := range cases {
		_, err := c.raadpleeg(context.Background(), []string{population.BSNTeen}, tc.fields)
		if model.ErrorCode(err) != model.EINTERNAL || model.ErrorMessage(err) != msgRefused {
			t.Errorf("fields %v: %v, want EINTERNAL with %q", tc.fields, err, msgRefused)
		}
		if !strings.Contains(err.Error(), "400 paramsValidation") && !strings.Contains(err.Error(), "400 paramsCombination") || !strings.Contains(err.Error(), tc.logged) {
			t.Errorf("error %q does not carry the register's problem %q", err, tc.logged)
		}
		if !strings.Contains(log.String(), tc.logged) {
			t.Errorf("log %q lacks %q", log.String(), tc.logged)
		}
	}
	if strings.Contains(log.String(), population.BSNTeen) {
		t.Error("the log names the BSN")
	}
}
