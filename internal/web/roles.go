package web

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
)

// What each kind of account may use. A monitoring account (a municipality's,
// Professional.Monitoring) sees aggregated figures only; an organisation
// that only monitors (type gemeente) registers nothing. Both are told so on
// the pages they cannot use, instead of being shown an empty list that
// reads as "none".

// mayRegister reports whether the professional registers: the menu offers
// Registreren and Mijn registraties only then.
func mayRegister(cur auth.Current) bool {
	return !cur.Professional.Monitoring && !cur.Organisation.OnlyMonitors()
}

// refuseNonRegistering answers a page about registering for one who does
// not register, and reports whether it did.
func (h *Handler) refuseNonRegistering(w http.ResponseWriter, r *http.Request) bool {
	cur := user(r)
	switch {
	case cur.Professional.Monitoring:
		h.renderError(w, r, http.StatusForbidden, "Niet voor een monitoringsaccount",
			"Met een monitoringsaccount van de gemeente registreert u niet en ziet u geen registraties of jeugdigen. U ziet de geaggregeerde cijfers onder Monitoring.")
	case cur.Organisation.OnlyMonitors():
		h.renderError(w, r, http.StatusForbidden, "Niet voor een gemeente",
			"Een gemeente registreert niet in de verwijsindex en heeft dus geen registraties. De gemeente volgt de geaggregeerde cijfers met een monitoringsaccount.")
	default:
		return false
	}
	return true
}

// refuseMonitoringWorklist answers the worklist for a monitoring account,
// which never coordinates, and reports whether it did.
func (h *Handler) refuseMonitoringWorklist(w http.ResponseWriter, r *http.Request) bool {
	cur := user(r)
	if !cur.Professional.Monitoring && !cur.Organisation.OnlyMonitors() {
		return false
	}
	h.renderError(w, r, http.StatusForbidden, "Geen werklijst",
		"Een monitoringsaccount en een gemeente coördineren niet en hebben daarom geen werklijst. U ziet de geaggregeerde cijfers onder Monitoring.")
	return true
}

// hasWorklist is whether the menu offers the worklist. When it cannot be
// looked up the item is shown: the page itself still answers.
func (h *Handler) hasWorklist(r *http.Request) bool {
	if h.Registry == nil {
		return false
	}
	has, err := h.Registry.Plans.HasWorklist(r.Context(), actor(r))
	if err != nil {
		if h.Log != nil {
			h.Log.Error("web: unable to look for a worklist", "route", r.Pattern, "error", err)
		}
		return true
	}
	return has
}
