package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/registration"
)

// createRegistration: POST /registreren. An urgent signal first gets a
// confirmation step that says the coordinating organisation must be phoned;
// it works without JavaScript. On any error the form comes back with the
// values kept and nothing is stored.
func (h *Handler) createRegistration(w http.ResponseWriter, r *http.Request) {
	if h.refuseNonRegistering(w, r) {
		return
	}
	f := newForm(r)
	in, ok := registering(f)
	p := page{Title: "Registreren", Nav: "registreren", Form: f, Data: newRegisterForm(actor(r).Organisation)}
	if !ok {
		h.render(w, r, http.StatusUnprocessableEntity, "register", p)
		return
	}
	if in.Urgent && f.Value("bevestigd") == "" {
		h.render(w, r, http.StatusOK, "urgent", page{Title: "Urgent signaal: eerst bellen", Nav: "registreren", Form: f, Data: p.Data})
		return
	}
	if in.Urgent && f.Value("gebeld") != "ja" {
		f.add("gebeld", "Bevestig dat u de coördinerende organisatie belt of gebeld heeft. Wilt u dat niet, kies dan een gewoon signaal.")
		h.render(w, r, http.StatusUnprocessableEntity, "urgent", page{Title: "Urgent signaal: eerst bellen", Nav: "registreren", Form: f, Data: p.Data})
		return
	}
	res, err := h.Registry.Registrations.Register(r.Context(), actor(r), in)
	if err != nil {
		h.formError(w, r, "register", p, err)
		return
	}
	next := "/registraties/" + strconv.FormatInt(res.Registration.ID, 10) + "?nieuw=ja"
	if !res.Created {
		next = "/registraties/" + strconv.FormatInt(res.Registration.ID, 10) + "?bestond=ja"
		if res.InformedChanged {
			next += "&informeren=bijgewerkt"
		}
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// registering reads the form; the use case checks the rest.
func registering(f *form) (registration.Registering, bool) {
	bsn := strings.NewReplacer(" ", "", ".", "", "-", "").Replace(f.Value("burgerservicenummer"))
	// The form always asks the birth date: a typo in the BSN then finds no
	// other child (issue 14).
	in := registration.Registering{BSN: bsn, BirthDateRequired: true,
		Parents: model.Informed(f.Value("ouders")), Youth: model.Informed(f.Value("jeugdige"))}
	if err := model.CheckBSN("burgerservicenummer", bsn); err != nil {
		f.fail(err)
	}
	switch s := strings.TrimSpace(f.Value("geboortedatum")); {
	case s == "":
		f.add("geboortedatum", "Vul de geboortedatum van de jeugdige in, als dd-mm-jjjj, bijvoorbeeld 30-06-2015.")
	default:
		if d, err := parseDay(s); err != nil {
			f.add("geboortedatum", "Vul de geboortedatum in als dd-mm-jjjj, bijvoorbeeld 30-06-2015.")
		} else {
			in.BirthDate = &d
		}
	}
	switch f.Value("soort") {
	case "signaal":
		in.Kind = model.KindSignaal
	case "urgent":
		in.Kind, in.Urgent = model.KindSignaal, true
	case "ketenregistratie":
		in.Kind = model.KindKetenregistratie
	default:
		f.add("soort", "Kies de soort registratie: signaal, urgent signaal of ketenregistratie.")
	}
	if s := strings.TrimSpace(f.Value("einddatum")); s != "" {
		d, err := parseDay(s)
		if err != nil {
			f.add("einddatum", "Vul de einddatum in als dd-mm-jjjj, bijvoorbeeld 30-06-2027, of laat het veld leeg.")
		} else {
			in.EndDate = &d
		}
	}
	return in, !f.Failed()
}

// parseDay reads a date as a browser's date field sends it (2027-06-30) or
// as a Dutch person types it (30-06-2027, 30-6-2027).
func parseDay(s string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02", "02-01-2006", "2-1-2006"} {
		if d, err := time.Parse(layout, s); err == nil {
			return d, nil
		}
	}
	return time.Time{}, model.InvalidField("einddatum", "geen datum")
}
