package api

import (
	"net/http"
	"strconv"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/synchronisation"
)

// maxSyncBody is the largest synchronisation body: 100,000 lines of a few
// hundred bytes each fit with room to spare.
const maxSyncBody = 48 << 20

// syncAnswerTime is how long a synchronisation's answer may take.
const syncAnswerTime = 15 * time.Minute

type syncRequest struct {
	Volledig      bool       `json:"volledig"`
	AantalRegels  *int       `json:"aantalRegels"`
	Controlegetal string     `json:"controlegetal"`
	Regels        []syncLine `json:"regels"`
}

type syncLine struct {
	Burgerservicenummer string `json:"burgerservicenummer"`
	Soort               string `json:"soort"`
	Medewerker          string `json:"medewerker"`
	Geboortedatum       string `json:"geboortedatum"`
	Einddatum           string `json:"einddatum"`
	Ouders              string `json:"ouders"`
	Jeugdige            string `json:"jeugdige"`
}

// createSync: POST /api/v1/synchronisaties[?proef=true]. 201 with the
// report of a synchronisation (200 for a dry run, which changes nothing);
// a list that did not arrive whole is 400 and changes nothing, one of more
// than 100,000 lines 413.
func (h *Handler) createSync(w http.ResponseWriter, r *http.Request, c auth.Caller) {
	caller, err := h.syncCaller(r, c)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	dry, err := syncDryRun(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	var req syncRequest
	if err := decodeUpTo(w, r, &req, maxSyncBody); err != nil {
		h.fail(w, r, err)
		return
	}
	in := synchronisation.Request{Complete: req.Volledig, LineCount: req.AantalRegels, Checksum: req.Controlegetal, Lines: make([]synchronisation.Line, len(req.Regels))}
	for i, l := range req.Regels {
		in.Lines[i] = synchronisation.Line{BSN: l.Burgerservicenummer, Kind: l.Soort, Professional: l.Medewerker,
			BirthDate: l.Geboortedatum, EndDate: l.Einddatum, Parents: l.Ouders, Youth: l.Jeugdige}
	}
	// A list of 100,000 lines takes longer than the server's write timeout
	// allows one answer; this one may take its time.
	http.NewResponseController(w).SetWriteDeadline(time.Now().Add(syncAnswerTime))
	run := h.Registry.Synchronisations.Apply
	if dry {
		run = h.Registry.Synchronisations.DryRun
	}
	res, err := run(r.Context(), caller, in)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if dry {
		writeJSON(w, http.StatusOK, newSyncView(res.SyncReport, true))
		return
	}
	w.Header().Set("Location", "/api/v1/synchronisaties/"+itoa(res.ID))
	writeJSON(w, http.StatusCreated, newSyncView(res.SyncReport, false))
}

// syncDryRun reads ?proef. A value that is not a yes or a no is refused
// rather than taken as no: a client that meant a dry run must not change
// the registrations.
func syncDryRun(r *http.Request) (bool, error) {
	s := r.URL.Query().Get("proef")
	if s == "" {
		return false, nil
	}
	dry, err := strconv.ParseBool(s)
	if err != nil {
		return false, model.Invalid("De synchronisatie is niet verwerkt: de parameter proef klopt niet.",
			model.InvalidParam{Name: "proef", Reason: "proef is true (een proef: er verandert niets) of false."})
	}
	return dry, nil
}

// syncCaller is who synchronises: an organisation's client system, or a
// professional with their own token (the responsible professional of the
// lines that name none). A monitoring account does not register.
func (h *Handler) syncCaller(r *http.Request, c auth.Caller) (synchronisation.Caller, error) {
	out := synchronisation.Caller{Organisation: c.Organisation, Source: r.RemoteAddr + " " + r.UserAgent(), RequireBirthDate: h.RequireBirthDate}
	if c.IsClientSystem() {
		out.TokenID = c.TokenID
		return out, nil
	}
	if c.Professional.Monitoring {
		return out, model.Errorf(model.EFORBIDDEN, "Een monitoringsaccount kan niet registreren of synchroniseren.")
	}
	p := *c.Professional
	out.Uploader = &p
	return out, nil
}
