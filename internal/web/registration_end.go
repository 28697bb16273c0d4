package web

import (
	"fmt"
	"net/http"
	"strconv"
)

// endRegistration: POST /registraties/{id}/beeindigen. Without bevestigd=ja
// it shows what ending means and asks for the confirmation.
func (h *Handler) endRegistration(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	back := "/registraties/" + strconv.FormatInt(id, 10)
	if !confirmed(r) {
		v, err := h.Registry.Registrations.Registration(r.Context(), actor(r), id)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		if !v.Registration.Active() {
			http.Redirect(w, r, back, http.StatusSeeOther) // nothing left to end
			return
		}
		reg := v.Registration
		h.confirm(w, r, "registraties", confirmation{
			Title: "Registratie beëindigen?",
			Lead:  fmt.Sprintf("U beëindigt de %s van uw organisatie voor %s (kenmerk %s).", reg.Kind.Label(reg.Urgent), v.Youth.Person.FullName(), v.Youth.Reference),
			Effects: []string{
				"Uw organisatie is daarna niet meer betrokken: u ziet deze jeugdige en de andere betrokkenen niet meer.",
				"De andere betrokkenen houden hun registratie. Coördineerde uw organisatie, dan wijst de verwijsindex zo nodig een andere coördinator aan, en de betrokkenen krijgen bericht.",
				fmt.Sprintf("De registratie gaat naar het historisch archief en wordt na %d jaar verwijderd.", h.Registry.EffectiveArchiveYears()),
			},
			Warning: "Beëindigen kan niet ongedaan worden gemaakt. Raakt uw organisatie later weer betrokken, registreer dan opnieuw.",
			Action:  back + "/beeindigen", Button: "Ja, registratie beëindigen", Cancel: back,
		})
		return
	}
	if _, err := h.Registry.Registrations.End(r.Context(), actor(r), id); err != nil {
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, withNotice(back, "beeindigd"), http.StatusSeeOther)
}
