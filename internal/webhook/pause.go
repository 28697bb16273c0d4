package webhook

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/nltime"
	"github.com/jeugdketen/jeugdketen/internal/outbox"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// KindPaused is the message that tells the regional administrators a
// webhook was paused.
const KindPaused = "webhook-gepauzeerd"

// failed records a failed delivery and when to try again (outbox.Backoff:
// 10 s doubling to an hour). Once the webhook has failed for PauseAfter it
// is paused instead, and every regional administrator is told, in-app and
// by e-mail through the outbox, in the same transaction.
func (w *Worker) failed(ctx context.Context, h storage.Webhook, sendErr error) error {
	now := w.now()
	since := now
	if h.FailingSince != nil {
		since = *h.FailingSince
	}
	pause := now.Sub(since) >= PauseAfter
	w.logger().Warn("webhook not delivered", "organisation", h.OrganisationID, "attempt", h.Attempts+1, "pause", pause, "error", sendErr, "cause", errors.Unwrap(sendErr))
	return w.DB.Update(ctx, func(tx *storage.Tx) error {
		if err := tx.WebhookFailed(ctx, h.ID, w.Owner, now, now.Add(outbox.Backoff(h.Attempts+1)), sendErr.Error(), pause); err != nil {
			return err
		}
		if !pause {
			return nil
		}
		return tellAdministrators(ctx, tx, h, since, now, sendErr)
	})
}

func tellAdministrators(ctx context.Context, tx *storage.Tx, h storage.Webhook, since, now time.Time, sendErr error) error {
	org, err := tx.Organisation(ctx, h.OrganisationID)
	if err != nil {
		return err
	}
	admins, err := tx.Administrators(ctx)
	if err != nil {
		return err
	}
	subject := "Webhook gepauzeerd: " + org.Name
	body := fmt.Sprintf("De webhook van %s (%s) is sinds %s niet bereikbaar en is gepauzeerd. De laatste fout: %s.\n\n"+
		"Er gaat niets verloren: de gebeurtenissen wachten. Hervat de webhook onder Beheer, Organisaties, %s, Webhook (/beheer/organisaties/%d/webhook), zodra het clientsysteem weer bereikbaar is; "+
		"de aflevering gaat dan verder bij de eerste gebeurtenis die niet aankwam.",
		org.Name, h.URL, nltime.DateTime(since), sendErr, org.Name, org.ID)
	key := "webhook-gepauzeerd:" + strconv.FormatInt(h.OrganisationID, 10) + ":" + strconv.FormatInt(since.UnixMilli(), 10)
	for _, a := range admins {
		m := &model.Message{ProfessionalID: a.ID, Kind: KindPaused, Subject: subject, Body: body, EventKey: key, CreatedAt: now, Urgent: true}
		if _, err := tx.AddMessage(ctx, m, a.Email); err != nil {
			return err
		}
	}
	return nil
}
