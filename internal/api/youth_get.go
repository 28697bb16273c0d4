package api

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/registry"
)

type jeugdigePagina struct {
	Jeugdige     jeugdigeJSON     `json:"jeugdige"`
	Betrokkenen  []betrokkeneJSON `json:"betrokkenen"`
	Coordinator  *coordinatorJSON `json:"coordinator"`
	Geschiedenis geschiedenisJSON `json:"geschiedenis"`
	Adres        adresJSON        `json:"adres"`
}

// adresJSON is what the page shows of the other children registered at the
// youth's address: how many, who coordinates, and a reference only for a
// child the caller's organisation is involved with too.
type adresJSON struct {
	Aantal   int             `json:"aantal"`
	Kinderen []adresKindJSON `json:"kinderen"`
}

type adresKindJSON struct {
	Coordinator *string `json:"coordinator"`
	Referentie  *string `json:"referentie"`
}

func address(children []registry.AddressChild) adresJSON {
	out := adresJSON{Aantal: len(children), Kinderen: []adresKindJSON{}}
	for _, c := range children {
		var k adresKindJSON
		if c.Coordinator != "" {
			k.Coordinator = &c.Coordinator
		}
		if c.Reference != "" {
			k.Referentie = &c.Reference
		}
		out.Kinderen = append(out.Kinderen, k)
	}
	return out
}

// getYouth: GET /api/v1/jeugdigen/{referentie}, who is involved with a youth
// and the history of organisations joining and leaving and of coordinators,
// only while the caller's organisation has an active registration. Otherwise
// the answer is the same 404 as for a reference that does not exist.
func (h *Handler) getYouth(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	actor, err := h.actor(r, c, r.URL.Query().Get("medewerker"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p, err := h.Registry.YouthByReference(r.Context(), actor, r.PathValue("referentie"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	out := jeugdigePagina{Jeugdige: youth(p.Youth), Betrokkenen: involvements(p.Involved), Geschiedenis: history(p.History), Adres: address(p.Address)}
	out.Coordinator = coordinator(p.Coordinator, true)
	writeJSON(w, http.StatusOK, out)
}
