package web

import (
	"net/http"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/registration"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// registrationView is the result page of a registration.
type registrationView struct {
	registration.Viewed
	New, Existed    bool
	InformedChanged bool                // a repeated registration applied the informing given
	Others          int                 // involved organisations other than mine
	Contacts        []model.Involvement // everyone but my organisation
	Coordinating    []model.Involvement // the coordinator's contacts
	// ExpiresSoon: the term ends within usecase.ExpiryWarningDays and the
	// registration does not end by its own end date before.
	ExpiresSoon bool
	WarningDays int
	// Restorable: ended by the organisation less than 24 hours ago, until
	// RestoreUntil (registration.Restorable).
	Restorable   bool
	RestoreUntil time.Time
}

// showRegistration: GET /registraties/{id}. Right after registering it is the
// result: who else is involved and how to reach them, who coordinates and
// why, or that nobody else is involved and the initiative is the caller's.
func (h *Handler) showRegistration(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	a := actor(r)
	v, err := h.Registry.Registrations.Registration(r.Context(), a, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	view := newRegistrationView(v, a.Organisation.ID, h.today())
	view.New, view.Existed = r.URL.Query().Get("nieuw") != "", r.URL.Query().Get("bestond") != ""
	view.InformedChanged = view.Existed && r.URL.Query().Get("informeren") == "bijgewerkt"
	if registration.Restorable(v.Registration, h.Registry.Now()) {
		view.Restorable, view.RestoreUntil = true, v.Registration.EndedAt.Add(registration.RestoreWindow)
	}
	h.render(w, r, http.StatusOK, "registration", page{Title: "Registratie", Nav: "registraties", Notice: notice(r), Form: &form{}, Data: view})
}

func newRegistrationView(v registration.Viewed, org int64, today time.Time) registrationView {
	view := registrationView{Viewed: v, ExpiresSoon: expiresSoon(v.Registration, today), WarningDays: usecase.ExpiryWarningDays}
	if !v.Visible {
		return view
	}
	view.Others = v.OtherOrganisations(org)
	for _, in := range v.Involved {
		if in.Organisation.ID != org {
			view.Contacts = append(view.Contacts, in)
		}
		if v.Coordinator != nil && in.Organisation.ID == v.Coordinator.Organisation.ID {
			view.Coordinating = append(view.Coordinating, in)
		}
	}
	return view
}

// today is the calendar day in the Netherlands by the service's clock.
func (h *Handler) today() time.Time { return usecase.Today(h.Registry.Now()) }

// expiresSoon reports whether an active registration's term ends within
// usecase.ExpiryWarningDays, as the expiry message warns: not when its own
// end date comes first, for then it ends anyway.
func expiresSoon(r model.Registration, today time.Time) bool {
	if !r.Active() || r.ExpiresOn.IsZero() || (r.EndDate != nil && !r.EndDate.After(r.ExpiresOn)) {
		return false
	}
	return !r.ExpiresOn.After(today.AddDate(0, 0, usecase.ExpiryWarningDays))
}
