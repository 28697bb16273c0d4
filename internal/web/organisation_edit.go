package web

import (
	"net/http"
	"net/url"
	"strconv"
)

// editOrganisation: GET /beheer/organisaties/{id}.
func (h *Handler) editOrganisation(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	o, err := h.Region.Organisation(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	f := &form{Values: url.Values{"naam": {o.Name}, "type": {string(o.Type)}, "rol": {string(o.Role)}, "gemeente": {o.Municipality}}}
	if o.Active {
		f.Values.Set("actief", "ja")
	}
	h.render(w, r, http.StatusOK, "organisation", page{Title: o.Name, Nav: "organisaties", Notice: notice(r), Form: f, Data: o})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
