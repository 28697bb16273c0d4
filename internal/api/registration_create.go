package api

import (
	"net/http"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/registration"
)

type registrationRequest struct {
	Burgerservicenummer string         `json:"burgerservicenummer"`
	Geboortedatum       string         `json:"geboortedatum"`
	Soort               model.Kind     `json:"soort"`
	Urgent              bool           `json:"urgent"`
	Einddatum           string         `json:"einddatum"`
	Ouders              model.Informed `json:"ouders"`
	Jeugdige            model.Informed `json:"jeugdige"`
	Medewerker          string         `json:"medewerker"`
}

// createRegistration: POST /api/v1/registraties. 201 with who is involved, or
// 200 with the existing registration when the same one is sent again (its
// end date and informing updated to what was sent, the bericht says so).
func (h *Handler) createRegistration(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	var req registrationRequest
	if err := decode(w, r, &req); err != nil {
		h.fail(w, r, err)
		return
	}
	in := registration.Registering{BSN: req.Burgerservicenummer, Kind: req.Soort, Urgent: req.Urgent, Parents: req.Ouders, Youth: req.Jeugdige,
		BirthDateRequired: h.RequireBirthDate}
	if req.Geboortedatum != "" {
		d, err := time.Parse("2006-01-02", req.Geboortedatum)
		if err != nil {
			h.fail(w, r, model.InvalidField("geboortedatum", "Geef de geboortedatum als jjjj-mm-dd, bijvoorbeeld 2012-12-30."))
			return
		}
		in.BirthDate = &d
	}
	if req.Einddatum != "" {
		d, err := time.Parse("2006-01-02", req.Einddatum)
		if err != nil {
			h.fail(w, r, model.InvalidField("einddatum", "Geef de einddatum als jjjj-mm-dd, bijvoorbeeld 2027-06-30."))
			return
		}
		in.EndDate = &d
	}
	actor, err := h.actor(r, c, req.Medewerker)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	res, err := h.Registry.Registrations.Register(r.Context(), actor, in)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	out := withPicture(newRegistrationView(res.Registration, res.Youth), res.Picture, true)
	out.Match, out.Bericht = &res.Match, res.Message
	status := http.StatusCreated
	if !res.Created {
		status = http.StatusOK
	}
	w.Header().Set("Location", "/api/v1/registraties/"+itoa(res.Registration.ID))
	writeJSON(w, status, out)
}
