// Package brpstub is a stand-in for the population register's API, the BRP
// API Personen (Haal Centraal "BRP bevragen", version 2), for tests and the
// demo. It answers POST /personen from a set of person records, normally
// RvIG's public test set, with RaadpleegMetBurgerservicenummer and
// ZoekMetPostcodeEnHuisnummer, returns only the asked fields, and refuses
// bad requests with the errors the contract and RvIG's specification
// describe. The field paths come from the contract itself, embedded here.
// docs/brp.md lists what it supports.
package brpstub

import (
	"crypto/subtle"
	"encoding/json"
	"errors"
	"mime"
	"net/http"
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/nltime"
	"github.com/jeugdketen/jeugdketen/internal/population"
)

// BasePath is where RvIG serves the API (the contract's servers entry). The
// stub answers both there and at the root, so a client's base URL may be
// http://host or http://host/haalcentraal/api/brp.
const BasePath = "/haalcentraal/api/brp"

// APIKeyHeader carries the key that identifies the calling application.
const APIKeyHeader = "X-API-KEY"

// maxBody is far above the largest valid request (20 BSNs, 130 fields).
const maxBody = 64 << 10

// Server answers the BRP API from records. Set APIKey and Now before serving.
type Server struct {
	// APIKey, when set, must be sent in the X-API-KEY header; requests
	// without it get 401.
	APIKey string
	// Now is the clock for leeftijd (age); nil means time.Now.
	Now func() time.Time

	contract *contract
	persons  map[string]population.Record
	order    []string            // BSNs in the order of the records: search results keep it
	children map[string][]string // parent's BSN → children's BSNs, from the children's parents
	loc      *time.Location
}

// New makes a stub serving records. A BSN that occurs twice keeps its first record.
func New(records []population.Record) (*Server, error) {
	c, err := loadContract()
	if err != nil {
		return nil, err
	}
	s := &Server{contract: c, persons: map[string]population.Record{}, children: map[string][]string{}, loc: nltime.Amsterdam}
	for _, r := range records {
		if _, ok := s.persons[r.Person.BSN]; !ok {
			s.persons[r.Person.BSN] = r
			s.order = append(s.order, r.Person.BSN)
			for _, p := range r.ParentBSNs {
				s.children[p] = append(s.children[p], r.Person.BSN)
			}
		}
	}
	return s, nil
}

// Len is the number of persons the stub knows.
func (s *Server) Len() int { return len(s.order) }

func (s *Server) today() time.Time {
	now := time.Now()
	if s.Now != nil {
		now = s.Now()
	}
	y, m, d := now.In(s.loc).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// ServeHTTP answers POST /personen and POST /haalcentraal/api/brp/personen.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/personen" && r.URL.Path != BasePath+"/personen" {
		writeProblem(w, r, http.StatusNotFound, "Opgevraagde resource bestaat niet.", "notFound", nil)
		return
	}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		writeProblem(w, r, http.StatusMethodNotAllowed, "Gebruikte methode is niet toegestaan.", "methodNotAllowed", nil)
		return
	}
	if s.APIKey != "" && subtle.ConstantTimeCompare([]byte(r.Header.Get(APIKeyHeader)), []byte(s.APIKey)) != 1 {
		writeProblem(w, r, http.StatusUnauthorized, "Niet correct geauthenticeerd.", "authentication", nil)
		return
	}
	if !acceptsJSON(r.Header.Values("Accept")) {
		writeProblem(w, r, http.StatusNotAcceptable, "Gevraagde contenttype wordt niet ondersteund.", "notAcceptable", nil)
		return
	}
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" {
		writeProblem(w, r, http.StatusUnsupportedMediaType, "Media Type wordt niet ondersteund.", "unsupported", nil)
		return
	}
	var body map[string]json.RawMessage
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBody))
	if err := dec.Decode(&body); err != nil || dec.More() || body == nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			writeProblem(w, r, http.StatusRequestEntityTooLarge, "Request is te groot.", "tooLarge", nil)
			return
		}
		writeProblem(w, r, http.StatusBadRequest, "Request body is geen geldig JSON object.", "paramsValidation", nil)
		return
	}
	typ, invalid, supported := parseType(body)
	if len(invalid) > 0 {
		writeInvalid(w, r, invalid)
		return
	}
	if !supported {
		writeProblem(w, r, http.StatusNotImplemented, "Zoektype wordt niet ondersteund door de BRP-stub.", "notImplemented", nil)
		return
	}
	q, invalid := s.contract.parse(typ, body)
	if len(invalid) > 0 {
		writeInvalid(w, r, invalid)
		return
	}
	personen := []any{}
	paths := splitPaths(q.Fields)
	today := s.today()
	for _, rec := range s.find(q) {
		personen = append(personen, delivered(project(persoon(rec, s.children[rec.Person.BSN], today), paths), rec))
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	json.NewEncoder(w).Encode(map[string]any{"type": q.Type, "personen": personen})
}

// acceptsJSON is true without an Accept header and when one allows JSON.
func acceptsJSON(accept []string) bool {
	if len(accept) == 0 {
		return true
	}
	for _, a := range accept {
		for _, part := range strings.Split(a, ",") {
			mt, _, _ := mime.ParseMediaType(strings.TrimSpace(part))
			switch mt {
			case "application/json", "application/problem+json", "application/*", "*/*":
				return true
			}
		}
	}
	return false
}
