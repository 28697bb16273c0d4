package web

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/feed"
	"github.com/jeugdketen/jeugdketen/internal/model"
)

// webhookPage is what the webhook page shows: the organisation, its webhook
// when it has one, and the secret in the one answer that made it.
type webhookPage struct {
	Organisation model.Organisation
	Webhook      *feed.Webhook
	Secret       string
}

// showWebhook: GET /beheer/organisaties/{id}/webhook, where the
// organisation's events are POSTed and how far they arrived.
func (h *Handler) showWebhook(w http.ResponseWriter, r *http.Request) {
	h.renderWebhook(w, r, http.StatusOK, &form{}, nil, "")
}

func (h *Handler) renderWebhook(w http.ResponseWriter, r *http.Request, status int, f *form, cause error, secret string) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	o, err := h.Region.Organisation(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	data := webhookPage{Organisation: o, Secret: secret}
	hook, err := h.Registry.Feed.WebhookOf(r.Context(), actor(r), id)
	switch {
	case err == nil:
		data.Webhook = &hook
		if f.Values == nil || f.Value("url") == "" && cause == nil {
			f = &form{Values: map[string][]string{"url": {hook.URL}}}
		}
	case model.ErrorCode(err) != model.ENOTFOUND:
		h.fail(w, r, err)
		return
	}
	p := page{Title: "Webhook van " + o.Name, Nav: "organisaties", Notice: notice(r), Form: f, Data: data}
	if cause != nil {
		h.formError(w, r, "webhook", p, cause)
		return
	}
	h.render(w, r, status, "webhook", p)
}
