package brpstub

import (
	"encoding/json"
	"net/http"
	"strings"
)

// problem is the contract's Foutbericht (BadRequestFoutbericht for 400).
type problem struct {
	Type          string         `json:"type"`
	Title         string         `json:"title"`
	Status        int            `json:"status"`
	Detail        string         `json:"detail,omitempty"`
	Instance      string         `json:"instance"`
	Code          string         `json:"code"`
	InvalidParams []invalidParam `json:"invalidParams,omitempty"`
}

// The RFC sections RvIG links as a problem's type.
var problemTypes = map[int]string{
	http.StatusBadRequest:            "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.1",
	http.StatusUnauthorized:          "https://datatracker.ietf.org/doc/html/rfc7235#section-3.1",
	http.StatusNotFound:              "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.4",
	http.StatusMethodNotAllowed:      "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.5",
	http.StatusNotAcceptable:         "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.6",
	http.StatusRequestEntityTooLarge: "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.11",
	http.StatusUnsupportedMediaType:  "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.13",
	http.StatusNotImplemented:        "https://datatracker.ietf.org/doc/html/rfc7231#section-6.6.2",
}

func writeProblem(w http.ResponseWriter, r *http.Request, status int, title, code string, invalid []invalidParam) {
	p := problem{Type: problemTypes[status], Title: title, Status: status, Instance: r.URL.Path, Code: code, InvalidParams: invalid}
	if len(invalid) > 0 {
		names := make([]string, len(invalid))
		for i, ip := range invalid {
			names[i] = ip.Name
		}
		p.Detail = "De foutieve parameter(s) zijn: " + strings.Join(names, ", ") + "."
	}
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(p)
}

// writeInvalid answers 400 with every bad parameter. Missing parameters of
// the minimal combination have their own title and code in the register.
func writeInvalid(w http.ResponseWriter, r *http.Request, invalid []invalidParam) {
	title, code := "Een of meerdere parameters zijn niet correct.", "paramsValidation"
	if combination(invalid) {
		title, code = "Minimale combinatie van parameters moet worden opgegeven.", "paramsCombination"
	}
	writeProblem(w, r, http.StatusBadRequest, title, code, invalid)
}
