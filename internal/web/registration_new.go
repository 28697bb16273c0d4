package web

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// registerForm is what the register form needs beyond the values typed.
type registerForm struct {
	// SignalOnly: the organisation may only give signals (model.MayRegister),
	// so the form does not offer "Ketenregistratie".
	SignalOnly bool
	Informed   []informedChoice
}

// informedChoice is one option of the informing lists on the form.
type informedChoice struct {
	Code  model.Informed
	Label string
}

func newRegisterForm(org model.Organisation) registerForm {
	f := registerForm{SignalOnly: org.Role != model.RoleZorgaanbieder}
	for _, c := range model.InformedCodes {
		f.Informed = append(f.Informed, informedChoice{Code: c.Code, Label: c.Label})
	}
	return f
}

// newRegistration: GET /registreren, the one short form.
func (h *Handler) newRegistration(w http.ResponseWriter, r *http.Request) {
	if h.refuseNonRegistering(w, r) {
		return
	}
	h.render(w, r, http.StatusOK, "register", page{Title: "Registreren", Nav: "registreren", Notice: notice(r), Form: &form{}, Data: newRegisterForm(actor(r).Organisation)})
}
