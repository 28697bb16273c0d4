package api

import (
	"net/http"
	"strconv"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/feed"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// listEvents: GET /api/v1/gebeurtenissen?na=&max=&wacht=, the events of the
// token's organisation after the cursor na, in order, with the cursor to
// read on from (volgende). With wacht (at most 30s) and nothing new, the
// answer waits until an event arrives or the time is up.
func (h *Handler) listEvents(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	q, err := eventQuery(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	// The feed is the organisation's, not a professional's: a client
	// system's token names no one.
	actor := usecase.Actor{Organisation: c.Organisation, TokenID: c.TokenID, Source: r.RemoteAddr + " " + r.UserAgent()}
	if c.Professional != nil {
		actor.Professional = *c.Professional
	}
	page, err := h.Registry.Feed.Read(r.Context(), actor, q)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, page)
}

func eventQuery(r *http.Request) (feed.Query, error) {
	v := r.URL.Query()
	var q feed.Query
	var bad []model.InvalidParam
	if s := v.Get("na"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n < 0 {
			bad = append(bad, model.InvalidParam{Name: "na", Reason: "De cursor (na) is een gebeurtenisnummer van 0 of hoger: de waarde van volgende uit het vorige antwoord."})
		}
		q.After = n
	}
	if s := v.Get("max"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > feed.MaxMax {
			bad = append(bad, model.InvalidParam{Name: "max", Reason: "max is een aantal van 1 tot en met 1000."})
		}
		q.Max = n
	}
	if s := v.Get("wacht"); s != "" {
		d, err := time.ParseDuration(s)
		if n, nerr := strconv.Atoi(s); nerr == nil { // "30" means seconds
			d, err = time.Duration(n)*time.Second, nil
		}
		if err != nil || d < 0 || d > feed.MaxWait {
			bad = append(bad, model.InvalidParam{Name: "wacht", Reason: "wacht is een duur van 0s tot en met 30s, zoals 30s."})
		}
		q.Wait = d
	}
	if err := model.Invalid("De vraag om gebeurtenissen klopt niet.", bad...); err != nil {
		return q, err
	}
	return q, q.Check()
}
