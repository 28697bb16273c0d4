package web

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// removeRegistration: POST /registraties/{id}/verwijderen deletes a
// registration of the caller's organisation that was made in error, with a
// reason from the fixed list, at once and without archive. Without a valid
// reason the registration page comes back with the error at the field;
// with one but without bevestigd=ja, the confirmation page.
func (h *Handler) removeRegistration(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	f := newForm(r)
	reason := model.RemovalReason(f.Value("reden"))
	back := "/registraties/" + itoa(id)
	if !confirmed(r) {
		v, err := h.Registry.Registrations.Registration(r.Context(), actor(r), id)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		if err := model.CheckRemovalReason(reason); err != nil {
			f.fail(err)
			h.showRegistrationWith(w, r, id, f)
			return
		}
		reg := v.Registration
		h.confirm(w, r, "registraties", confirmation{
			Title: "Registratie verwijderen?",
			Lead: "U verwijdert de " + reg.Kind.Label(reg.Urgent) + " van uw organisatie voor " + v.Youth.Person.FullName() +
				" (kenmerk " + v.Youth.Reference + ") omdat zij ten onrechte is gedaan: " + reason.Label() + ".",
			Effects: []string{
				"De registratie wordt direct en volledig verwijderd, zonder historisch archief, met de matches die zij veroorzaakte.",
				"Wie nog bij de jeugdige betrokken is, krijgt bericht dat de registratie is ingetrokken, niet waarom. De reden komt alleen in het logboek.",
				"Coördineerde uw organisatie, dan wijst de verwijsindex zo nodig een andere coördinator aan.",
			},
			Warning: "Verwijderen kan niet ongedaan worden gemaakt. Is uw betrokkenheid alleen voorbij, beëindig de registratie dan in plaats van haar te verwijderen.",
			Action:  back + "/verwijderen", Button: "Ja, registratie verwijderen", Fields: []hidden{{"reden", string(reason)}}, Cancel: back,
		})
		return
	}
	if err := h.Registry.Registrations.RemoveInError(r.Context(), actor(r), id, reason); err != nil {
		if model.ErrorCode(err) == model.EINVALID {
			f.fail(err)
			h.showRegistrationWith(w, r, id, f)
			return
		}
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, withNotice("/registraties", "verwijderd"), http.StatusSeeOther)
}
