package metrics_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/metrics"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

func TestMetricsCountTheRegionAndRoutesButNoPaths(t *testing.T) {
	env := testenv.New(t)
	school := env.Pro(t, env.Org(t, "School", model.TypeOnderwijs))
	smw := env.Pro(t, env.Org(t, "SMW", model.TypeSMW))
	env.Register(t, school, population.BSNTeen, model.KindSignaal)
	r := env.Register(t, smw, population.BSNTeen, model.KindKetenregistratie)

	refuseOneMail(t, env)

	m := metrics.New(env.DB)
	mux := http.NewServeMux()
	mux.HandleFunc("GET /jeugdigen/{ref}", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNotFound) })
	mux.Handle("GET /metrics", m.Handler())
	srv := httptest.NewServer(m.Measure(mux))
	defer srv.Close()
	if resp, err := http.Get(srv.URL + "/jeugdigen/" + r.Youth.Reference); err == nil {
		resp.Body.Close()
	}
	req, _ := http.NewRequestWithContext(context.Background(), http.MethodGet, srv.URL+"/metrics", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	text := string(body)
	for _, want := range []string{
		"jeugdketen_registrations_active 2",
		"jeugdketen_matches_total 1",
		"jeugdketen_coordinations_running 1",
		"jeugdketen_mail_pending ",
		"jeugdketen_mail_undelivered 1\n",
		`route="GET /jeugdigen/{ref}",status="404"`,
		"jeugdketen_database_up 1",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	if strings.Contains(text, r.Youth.Reference) {
		t.Error("metrics contain a youth's reference")
	}
}

// refuseOneMail records one queued e-mail as refused for good, as the
// outbox worker does on a 550 answer.
func refuseOneMail(t *testing.T, env *testenv.Env) {
	t.Helper()
	ctx := context.Background()
	err := env.DB.Update(ctx, func(tx *storage.Tx) error {
		mails, err := tx.LeaseMail(ctx, "test", env.Clock.Now(), time.Minute, 1)
		if err != nil || len(mails) != 1 {
			return fmt.Errorf("leased %d mails (%v), want 1", len(mails), err)
		}
		return tx.MailUndelivered(ctx, mails[0].ID, "test", env.Clock.Now(), "550 5.1.1 No such user")
	})
	if err != nil {
		t.Fatal(err)
	}
}
