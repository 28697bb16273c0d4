package web

import (
	"net/http"
	"strconv"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/synchronisation"
)

// uploadPage is what the upload page shows: the form, the dry run of a
// checked file (Check) with what to confirm, or what was done (Done).
type uploadPage struct {
	Admin         bool                 // the regional administrator chooses the organisation
	Organisations []model.Organisation // for the administrator
	Check         *uploadResult
	Done          *uploadResult
}

// uploadResult is a dry run or a synchronisation of a file, for people.
type uploadResult struct {
	synchronisation.Result
	Summary  string
	Refused  []uploadRefusal
	File     string // the file's text, posted again to confirm
	Checksum string // its controlegetal: the confirmation applies exactly this
	OrgName  string
}

type uploadRefusal struct {
	FileLine int
	Problems []model.SyncProblem
}

func newUploadResult(res synchronisation.Result, f synchronisation.CSVFile) *uploadResult {
	out := &uploadResult{Result: res, Summary: synchronisation.Summary(res.Counts, res.Refusals, f.FileLine)}
	for _, r := range res.Refusals {
		out.Refused = append(out.Refused, uploadRefusal{FileLine: f.FileLine(r.Line), Problems: r.Problems})
	}
	return out
}

// showUpload: GET /registraties/uploaden, for an organisation without a
// coupling: the template to fill in and the form to upload it.
func (h *Handler) showUpload(w http.ResponseWriter, r *http.Request) {
	if h.refuseNonRegistering(w, r) {
		return
	}
	h.renderUpload(w, r, http.StatusOK, &form{}, nil, uploadPage{})
}

func (h *Handler) renderUpload(w http.ResponseWriter, r *http.Request, status int, f *form, cause error, data uploadPage) {
	if data.Admin = user(r).Professional.Admin; data.Admin {
		orgs, err := h.Region.Organisations(r.Context())
		if err != nil {
			h.fail(w, r, err)
			return
		}
		for _, o := range orgs {
			if o.Active && !o.OnlyMonitors() {
				data.Organisations = append(data.Organisations, o)
			}
		}
	}
	p := page{Title: "Bestand met registraties uploaden", Nav: "registreren", Form: f, Data: data}
	if cause != nil {
		h.formError(w, r, "upload", p, cause)
		return
	}
	h.render(w, r, status, "upload", p)
}

// uploadCaller is who uploads for which organisation: a professional for
// their own; the regional administrator for the organisation chosen, whose
// lines then each name their professional.
func (h *Handler) uploadCaller(r *http.Request, f *form) (synchronisation.Caller, error) {
	a := actor(r)
	c := synchronisation.Caller{Organisation: a.Organisation, Uploader: &a.Professional, Source: a.Source, RequireBirthDate: true}
	if !a.Professional.Admin {
		return c, nil
	}
	id, _ := strconv.ParseInt(f.Value("organisatie"), 10, 64)
	org, err := h.Region.Organisation(r.Context(), id)
	if id == 0 || model.ErrorCode(err) == model.ENOTFOUND {
		return c, model.InvalidField("organisatie", "Kies de organisatie waarvan u de registraties uploadt.")
	}
	c.Organisation = org
	return c, err
}

// maxUpload bounds an uploaded file (and its confirmation, which posts it
// again): 100,000 lines fit.
const maxUpload = 48 << 20

// showUploadTemplate: GET /registraties/uploaden/sjabloon.csv.
func (h *Handler) showUploadTemplate(w http.ResponseWriter, r *http.Request) {
	if h.refuseNonRegistering(w, r) {
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="registraties-sjabloon.csv"`)
	w.Write(synchronisation.Template())
}
