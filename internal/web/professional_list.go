package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/region"
)

// professionalRow is a professional with their organisation's name.
type professionalRow struct {
	model.Professional
	Organisation string
}

// professionalList is one page of the search on /beheer/medewerkers.
type professionalList struct {
	region.ProfessionalPage
	Rows           []professionalRow
	Previous, Next string // links to the neighbouring pages; empty at either end
}

// listProfessionals: GET /beheer/medewerkers?q=…&pagina=…, with the form to
// add one. The search looks in name, e-mail address and organisation.
func (h *Handler) listProfessionals(w http.ResponseWriter, r *http.Request) {
	h.renderProfessionals(w, r, http.StatusOK, &form{}, nil, nil)
}

// created is a one-time secret to hand over: a new password or token.
type created struct {
	What, For, Secret string
}

func (h *Handler) renderProfessionals(w http.ResponseWriter, r *http.Request, status int, f *form, cause error, secret *created) {
	ctx := r.Context()
	orgs, err := h.Region.Organisations(ctx)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	// Not a number: the first page, as for a link without one.
	n, _ := strconv.Atoi(r.URL.Query().Get("pagina"))
	found, err := h.Region.SearchProfessionals(ctx, r.URL.Query().Get("q"), n)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	names := map[int64]string{}
	for _, o := range orgs {
		names[o.ID] = o.Name
	}
	list := professionalList{ProfessionalPage: found}
	for _, p := range found.Professionals {
		list.Rows = append(list.Rows, professionalRow{p, names[p.OrganisationID]})
	}
	if found.Page > 1 {
		list.Previous = professionalsPage(found.Query, found.Page-1)
	}
	if found.Page < found.Pages {
		list.Next = professionalsPage(found.Query, found.Page+1)
	}
	p := page{Title: "Medewerkers", Nav: "medewerkers", Notice: notice(r), Form: f,
		Data: map[string]any{"List": list, "Organisations": orgs, "Created": secret}}
	if cause != nil {
		h.formError(w, r, "professionals", p, cause)
		return
	}
	h.render(w, r, status, "professionals", p)
}

func professionalsPage(query string, n int) string {
	v := url.Values{}
	if query != "" {
		v.Set("q", query)
	}
	if n > 1 {
		v.Set("pagina", strconv.Itoa(n))
	}
	if len(v) == 0 {
		return "/beheer/medewerkers"
	}
	return "/beheer/medewerkers?" + v.Encode()
}
