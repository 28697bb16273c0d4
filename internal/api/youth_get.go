package api

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/family"
)

type youthPage struct {
	Jeugdige     youthView         `json:"jeugdige"`
	Betrokkenen  []involvementView `json:"betrokkenen"`
	Coordinator  *coordinatorView  `json:"coordinator"`
	Geschiedenis historyView       `json:"geschiedenis"`
	Adres        *addressView      `json:"adres"`
}

// addressView is what the youth's coordinator sees of the other children
// registered at the youth's address: how many, who coordinates, and a
// reference only for a child the caller's organisation is involved with too;
// or only that the youth's address is shielded. It is null for anyone else
// (family.Disclosure).
type addressView struct {
	Afgeschermd bool               `json:"afgeschermd"`
	Aantal      int                `json:"aantal"`
	Kinderen    []addressChildView `json:"kinderen"`
}

type addressChildView struct {
	Coordinator *string `json:"coordinator"`
	Referentie  *string `json:"referentie"`
}

func address(panel *family.AddressPanel) *addressView {
	if panel == nil {
		return nil
	}
	out := &addressView{Afgeschermd: panel.Shielded, Aantal: len(panel.Children), Kinderen: []addressChildView{}}
	for _, c := range panel.Children {
		var k addressChildView
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
	out := youthPage{Jeugdige: youth(p.Youth), Betrokkenen: involvements(p.Involved), Geschiedenis: history(p.History), Adres: address(p.Address)}
	out.Coordinator = coordinator(p.Coordinator, true)
	writeJSON(w, http.StatusOK, out)
}
