package rekey

import (
	"context"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
)

// TestRotationKeepsWebhookSecretsUsable: after a rotation the secret opens
// with the new keys, and it is the same secret, so a client system's
// signature check goes on working.
func TestRotationKeepsWebhookSecretsUsable(t *testing.T) {
	ctx := context.Background()
	env := testenv.New(t)
	org := env.Org(t, "Jeugdhulp Brabant", model.TypeJeugdhulp)
	admin := env.Admin(t, env.Org(t, "Regio", model.TypeWijkteam))
	hook, err := env.Registry.Feed.SetWebhook(ctx, admin, org.ID, "https://cs.example.nl/hook")
	if err != nil {
		t.Fatal(err)
	}
	to := newKeys(t)
	c, err := Rotate(ctx, env.DB, env.Keys, to, operator, env.Clock.Now())
	if err != nil || c.Webhooks != 1 {
		t.Fatalf("rotate = %+v, %v", c, err)
	}
	var w storage.Webhook
	env.DB.View(ctx, func(tx *storage.Tx) error { w, err = tx.WebhookOf(ctx, org.ID); return err })
	plain, err := to.Open(w.Secret)
	if err != nil || string(plain) != hook.Secret {
		t.Fatalf("secret after rotation = %q, %v; want the same secret under the new keys", plain, err)
	}
}
