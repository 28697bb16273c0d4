package web

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// formRefusal reads why a form on the youth's page was refused. Bad input
// (EINVALID) and a state that does not allow it (ECONFLICT) go into f, each
// field named by labels and its id prefixed with prefix, the form that was
// sent; ok is false for anything else, which gets the error page.
func formRefusal(f *form, labels map[string]string, prefix string, err error) (status int, ok bool) {
	switch code := model.ErrorCode(err); code {
	case model.EINVALID, model.ECONFLICT:
		status = answers[code].status
	default:
		return 0, false
	}
	params := model.ErrorParams(err)
	if len(params) == 0 {
		f.Message = model.ErrorMessage(err)
	}
	for _, p := range params {
		label := labels[p.Name]
		if label == "" {
			label = p.Name
		}
		f.Errors = append(f.Errors, fieldError{Field: prefix + p.Name, Label: label, Message: p.Reason})
	}
	return status, true
}

// youthFormFailed answers a refused form on the youth's page: the page again
// with the error summary above it, or the error page (see formRefusal).
func (h *Handler) youthFormFailed(w http.ResponseWriter, r *http.Request, f *form, labels map[string]string, prefix string, err error) {
	status, ok := formRefusal(f, labels, prefix, err)
	if !ok {
		h.fail(w, r, err)
		return
	}
	pic, perr := h.Registry.YouthByReference(r.Context(), actor(r), r.PathValue("ref"))
	if perr != nil {
		h.fail(w, r, perr)
		return
	}
	h.render(w, r, status, "youth", page{Title: "Jeugdige " + pic.Youth.Reference, Form: f, Data: pic})
}
