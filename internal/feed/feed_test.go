package feed_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/feed"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

var ctx = context.Background()

func read(t *testing.T, env *testenv.Env, a usecase.Actor, q feed.Query) feed.Page {
	t.Helper()
	p, err := env.Registry.Feed.Read(ctx, a, q)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func kindsOf(p feed.Page) []string {
	var out []string
	for _, e := range p.Events {
		out = append(out, e.Kind)
	}
	return out
}

// TestFeedGivesTheOrganisationsEventsInOrderWithTheCursor walks the feed
// one event at a time and compares with reading it whole: the same events,
// in order, each filed under the reference and the BSN registered.
func TestFeedGivesTheOrganisationsEventsInOrderWithTheCursor(t *testing.T) {
	c := testenv.NewCareCase(t)
	whole := read(t, c.Env, c.JH, feed.Query{})
	// One registration, one transaction: the covenant assigns the
	// coordinator before the match messages go, so its event comes first.
	if got := strings.Join(kindsOf(whole), ","); got != "coordinator,match" {
		t.Fatalf("events = %s, want coordinator,match", got)
	}
	var walked []feed.Event
	cursor := int64(0)
	for range 5 {
		p := read(t, c.Env, c.JH, feed.Query{After: cursor, Max: 1})
		if len(p.Events) == 0 {
			if p.Next != cursor {
				t.Fatalf("empty page moved the cursor from %d to %d", cursor, p.Next)
			}
			break
		}
		if len(p.Events) != 1 || p.Next != p.Events[0].ID || p.Next <= cursor {
			t.Fatalf("page after %d = %+v", cursor, p)
		}
		walked = append(walked, p.Events...)
		cursor = p.Next
	}
	if len(walked) != len(whole.Events) || whole.Next != cursor {
		t.Fatalf("walked %d events to %d, whole feed %d to %d", len(walked), cursor, len(whole.Events), whole.Next)
	}
	for i, e := range walked {
		if e.ID != whole.Events[i].ID || e.Youth.Reference != c.Ref || e.Youth.BSN != population.BSNChild {
			t.Fatalf("event %d = %+v, want id %d for %s / %s", i, e, whole.Events[i].ID, c.Ref, population.BSNChild)
		}
	}
	// The match tells who is involved and whom to call.
	var facts struct {
		Involved []struct {
			Organisation struct{ Naam string }     `json:"organisatie"`
			Contact      struct{ Telefoon string } `json:"contactpersoon"`
		} `json:"betrokkenen"`
	}
	if err := json.Unmarshal(whole.Events[1].Facts, &facts); err != nil || len(facts.Involved) != 2 ||
		facts.Involved[0].Organisation.Naam != "Basisschool De Regenboog" || facts.Involved[0].Contact.Telefoon == "" {
		t.Fatalf("match facts = %s (%v)", whole.Events[1].Facts, err)
	}
	// The school's feed is its own: the same match under its own id, no coordinator for it to file.
	school := read(t, c.Env, c.School, feed.Query{})
	for _, e := range school.Events {
		for _, j := range whole.Events {
			if e.ID == j.ID {
				t.Fatalf("event %d is in both organisations' feeds", e.ID)
			}
		}
	}
}

// TestFeedSaysNothingAboutAYouthTheOrganisationLeft: once the school ended
// its registration, its feed keeps the event that ended it and no other
// about the youth, not even those from before; the care provider hears who
// ended it and why.
func TestFeedSaysNothingAboutAYouthTheOrganisationLeft(t *testing.T) {
	c := testenv.NewCareCase(t)
	if p := read(t, c.Env, c.School, feed.Query{}); len(p.Events) == 0 {
		t.Fatal("school has no events before it leaves")
	}
	var regID int64
	regs, err := c.Env.Registry.Registrations.Registrations(ctx, c.School, 10)
	if err != nil || len(regs) != 1 {
		t.Fatalf("school registrations = %v, %v", regs, err)
	}
	regID = regs[0].Registration.ID
	if _, err := c.Env.Registry.Registrations.End(ctx, c.School, regID); err != nil {
		t.Fatal(err)
	}
	p := read(t, c.Env, c.School, feed.Query{})
	if len(p.Events) != 1 || p.Events[0].Kind != usecase.EventRegistrationEnded || !p.Events[0].EndsHere {
		t.Fatalf("school feed after leaving = %v", kindsOf(p))
	}
	jh := read(t, c.Env, c.JH, feed.Query{})
	var last feed.Event
	for _, e := range jh.Events {
		if e.Kind == usecase.EventRegistrationEnded {
			last = e
		}
	}
	var facts struct {
		Organisation struct{ Naam string } `json:"organisatie"`
		Reason       string                `json:"reden"`
	}
	json.Unmarshal(last.Facts, &facts)
	if last.Kind != usecase.EventRegistrationEnded || facts.Organisation.Naam != "Basisschool De Regenboog" || facts.Reason != string(model.EndByOrganisation) || last.EndsHere {
		t.Fatalf("care provider's last event = %+v (%s)", last, last.Facts)
	}
}

// TestFeedLongPollReturnsAsSoonAsAnEventArrives: a client waiting with
// wacht hears of a new event within a poll interval, not at the end of the wait.
func TestFeedLongPollReturnsAsSoonAsAnEventArrives(t *testing.T) {
	c := testenv.NewCareCase(t)
	cursor := read(t, c.Env, c.JH, feed.Query{}).Next
	got := make(chan feed.Page, 1)
	start := time.Now()
	go func() {
		p, _ := c.Env.Registry.Feed.Read(ctx, c.JH, feed.Query{After: cursor, Wait: 20 * time.Second})
		got <- p
	}()
	time.Sleep(500 * time.Millisecond)
	c.Join(t, "Wijkteam Centrum", model.TypeWijkteam, model.KindKetenregistratie)
	p := <-got
	if took := time.Since(start); took > 5*time.Second || len(p.Events) == 0 || p.Events[0].ID <= cursor {
		t.Fatalf("long poll took %s and gave %v", took, kindsOf(p))
	}
}

// TestFeedLongPollWaitsWhenNothingHappens: and with nothing new it waits the
// time asked, then answers with no events and the same cursor.
func TestFeedLongPollWaitsWhenNothingHappens(t *testing.T) {
	c := testenv.NewCareCase(t)
	cursor := read(t, c.Env, c.JH, feed.Query{}).Next
	start := time.Now()
	p := read(t, c.Env, c.JH, feed.Query{After: cursor, Wait: 600 * time.Millisecond})
	if took := time.Since(start); took < 600*time.Millisecond || len(p.Events) != 0 || p.Next != cursor {
		t.Fatalf("waited %s, got %v next %d (cursor %d)", took, kindsOf(p), p.Next, cursor)
	}
}

// TestFeedRefusesBadParametersNamingThem.
func TestFeedRefusesBadParametersNamingThem(t *testing.T) {
	c := testenv.NewCareCase(t)
	for name, q := range map[string]feed.Query{
		"na":    {After: -1},
		"max":   {Max: 1001},
		"wacht": {Wait: 31 * time.Second},
	} {
		_, err := c.Env.Registry.Feed.Read(ctx, c.JH, q)
		testenv.AssertInvalid(t, err, name, "")
	}
}

// TestMonitoringAccountHasNoFeed: a monitoring account is involved with no youth.
func TestMonitoringAccountHasNoFeed(t *testing.T) {
	c := testenv.NewCareCase(t)
	m := c.Env.Monitor(t, c.JH.Organisation)
	_, err := c.Env.Registry.Feed.Read(ctx, m, feed.Query{})
	testenv.WantCode(t, err, model.EFORBIDDEN)
}
