package api

import (
	"net/http"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/auth"
)

type werklijstJeugdigeJSON struct {
	Referentie          string          `json:"referentie"`
	Naam                string          `json:"naam"`
	Status              string          `json:"status"`
	Coordinator         *medewerkerJSON `json:"coordinator"`
	Sinds               time.Time       `json:"sinds"`
	AcceptatieUiterlijk *time.Time      `json:"acceptatieUiterlijk"`
	Verstreken          bool            `json:"verstreken"`
}

type werklijstAfspraakJSON struct {
	ID                int64          `json:"id"`
	Jeugdige          string         `json:"jeugdige"`
	Actie             string         `json:"actie"`
	Verantwoordelijke medewerkerJSON `json:"verantwoordelijke"`
	Start             string         `json:"start"`
	Einde             string         `json:"einde"`
	Verstreken        bool           `json:"verstreken"`
}

type werklijstSignaalgeverJSON struct {
	Jeugdige    string          `json:"jeugdige"`
	Organisatie organisatieJSON `json:"organisatie"`
	Medewerker  medewerkerJSON  `json:"medewerker"`
	BellenVoor  time.Time       `json:"bellenVoor"`
	Verstreken  bool            `json:"verstreken"`
}

type werklijstOverdrachtJSON struct {
	Jeugdige string          `json:"jeugdige"`
	Van      organisatieJSON `json:"van"`
	Sinds    time.Time       `json:"sinds"`
}

type werklijstEscalatieJSON struct {
	Jeugdige   string     `json:"jeugdige"`
	Stap       string     `json:"stap"`
	Door       string     `json:"door"`
	Uiterlijk  *time.Time `json:"uiterlijk"`
	Verstreken bool       `json:"verstreken"`
}

type werklijstJSON struct {
	Verstreken    int                         `json:"verstreken"`
	Jeugdigen     []werklijstJeugdigeJSON     `json:"jeugdigen"`
	Afspraken     []werklijstAfspraakJSON     `json:"afspraken"`
	Signaalgevers []werklijstSignaalgeverJSON `json:"signaalgevers"`
	Overdrachten  []werklijstOverdrachtJSON   `json:"overdrachten"`
	Escalaties    []werklijstEscalatieJSON    `json:"escalaties"`
}

// getWorklist: GET /api/v1/werklijst, the coordinator's worklist of the
// caller (with a client system: of the named professional).
func (h *Handler) getWorklist(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	actor, err := h.actor(r, c, r.URL.Query().Get("medewerker"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	list, err := h.Registry.Worklist(r.Context(), actor)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	out := werklijstJSON{
		Verstreken: list.Overdue, Jeugdigen: []werklijstJeugdigeJSON{}, Afspraken: []werklijstAfspraakJSON{},
		Signaalgevers: []werklijstSignaalgeverJSON{}, Overdrachten: []werklijstOverdrachtJSON{}, Escalaties: []werklijstEscalatieJSON{},
	}
	for _, y := range list.Youths {
		j := werklijstJeugdigeJSON{Referentie: y.Youth.Reference, Naam: y.Youth.Person.FullName(), Status: y.Coordination.Status,
			Sinds: y.Coordination.StartedAt, Verstreken: y.Overdue}
		if y.Coordination.Status == "toegewezen" {
			j.AcceptatieUiterlijk = y.Coordination.AcceptDueAt
		}
		if p := y.Coordinator; p != nil {
			j.Coordinator = &medewerkerJSON{Naam: p.Name, Telefoon: p.Phone, Email: p.Email}
		}
		out.Jeugdigen = append(out.Jeugdigen, j)
	}
	for _, a := range list.Agreements {
		p := a.Responsible
		out.Afspraken = append(out.Afspraken, werklijstAfspraakJSON{ID: a.Agreement.ID, Jeugdige: a.Youth.Reference, Actie: a.Agreement.Action,
			Verantwoordelijke: medewerkerJSON{Naam: p.Name, Telefoon: p.Phone, Email: p.Email},
			Start:             a.Agreement.StartOn.Format(time.DateOnly), Einde: a.Agreement.EndOn.Format(time.DateOnly), Verstreken: a.Overdue})
	}
	for _, s := range list.Signallers {
		p := s.Professional
		out.Signaalgevers = append(out.Signaalgevers, werklijstSignaalgeverJSON{Jeugdige: s.Youth.Reference,
			Organisatie: organisatieJSON{ID: s.Organisation.ID, Naam: s.Organisation.Name, Type: string(s.Organisation.Type)},
			Medewerker:  medewerkerJSON{Naam: p.Name, Telefoon: p.Phone, Email: p.Email}, BellenVoor: s.Due, Verstreken: s.Overdue})
	}
	for _, o := range list.Handovers {
		out.Overdrachten = append(out.Overdrachten, werklijstOverdrachtJSON{Jeugdige: o.Youth.Reference,
			Van: organisatieJSON{ID: o.From.ID, Naam: o.From.Name, Type: string(o.From.Type)}, Sinds: o.Since})
	}
	for _, e := range list.Escalations {
		out.Escalaties = append(out.Escalaties, werklijstEscalatieJSON{Jeugdige: e.Youth.Reference, Stap: e.Step, Door: e.Actor, Uiterlijk: e.Due, Verstreken: e.Overdue})
	}
	writeJSON(w, http.StatusOK, out)
}
