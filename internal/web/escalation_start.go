package web

import (
	"fmt"
	"net/http"
)

// startEscalation: POST /jeugdigen/{ref}/escalatie, the coordinator starts
// the escalation procedure. Without bevestigd=ja it shows what starting
// means, when the coordinator may start, and asks for the confirmation.
//
// Starting records step 1, "de zorgcoördinator schakelt de eigen directie
// in", as done at once: in the procedure of seed 002 starting *is* engaging
// one's own management, and the deadline of step 2 runs from that moment.
// The confirmation page says so, so that nobody starts before telling the
// management.
func (h *Handler) startEscalation(w http.ResponseWriter, r *http.Request) {
	f := newForm(r)
	ref := r.PathValue("ref")
	if !confirmed(r) {
		if err := h.Registry.Escalations.CheckStart(r.Context(), actor(r), ref); err != nil {
			h.escalationFailed(w, r, f, err)
			return
		}
		days := h.Registry.Covenant.Coordination.EscalationWorkdays
		back := "/jeugdigen/" + ref
		h.confirm(w, r, "", confirmation{
			Title: "Escalatieprocedure starten?",
			Lead:  "U start de escalatieprocedure voor jeugdige " + ref + ", omdat verschil van mening met de betrokken hulpverleners het plan van aanpak blokkeert.",
			Effects: []string{
				"Stap 1 wordt direct als gedaan vastgelegd, op uw naam: u schakelt hiermee uw eigen directie in. Breng uw directie dus nu op de hoogte, als u dat nog niet deed.",
				fmt.Sprintf("Stap 2 is dan aan de beurt: de directie van uw organisatie schakelt binnen %d werkdagen de directies van de betrokken organisaties in. Elke volgende stap heeft ook een termijn van %d werkdagen.", days, days),
				"Doorzettingsmacht ligt bij de portefeuillehouder jeugd (wethouder), of bij de gecertificeerde instelling als die bij de jeugdige betrokken is.",
				"Alle betrokkenen krijgen bericht dat de escalatieprocedure loopt.",
			},
			Warning: "U kunt de escalatie later intrekken, maar het starten blijft vastgelegd.",
			Action:  back + "/escalatie", Button: "Ja, escalatieprocedure starten", Cancel: back + "#escalatie",
		})
		return
	}
	_, err := h.Registry.Escalations.StartEscalation(r.Context(), actor(r), ref)
	h.escalationDone(w, r, f, err, "escalatie-gestart")
}
