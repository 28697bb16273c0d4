// Package population reads population-register (BRP) files into persons, so a
// region can fill its local register with `jeugdketen import population FILE`.
// It knows two formats, told apart by their header row: the GBA-V column form
// in which RvIG publishes its test set, and a plain CSV the region makes itself.
package population

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// Record is one person as read from a register file, with the citizen service
// numbers of their parents and the address in its parts. The type is
// model.PopulationRecord, so that storage can keep records without importing
// the readers. Only the GBA-V reader fills Address.
type Record = model.PopulationRecord

// Relatives are the persons a register links to someone; the type is
// model.Relatives, which the local register in storage returns as well.
type Relatives = model.Relatives

// ReadStats says how many persons a file held and why some were left out.
// Read+Skipped is the number of persons in the file.
type ReadStats struct {
	Read           int            // persons returned
	Skipped        int            // persons left out
	SkippedReasons map[string]int // Dutch reason (one of the Reason constants) → number of persons
}

// Why a person of a GBA-V file is left out. The texts are Dutch because the
// import command shows them to the region's administrator.
const (
	ReasonNoBSN        = "geen burgerservicenummer"
	ReasonInvalidBSN   = "burgerservicenummer ongeldig (elfproef)"
	ReasonDuplicateBSN = "burgerservicenummer komt vaker voor (eerste persoonslijst gebruikt)"
	ReasonBirthDate    = "geboortedatum onbekend of onvolledig"
	ReasonSuspended    = "persoonslijst opgeschort (overleden, geëmigreerd of niet meer ingezetene)"
)

func (s *ReadStats) skip(reason string) {
	s.Skipped++
	if s.SkippedReasons == nil {
		s.SkippedReasons = map[string]int{}
	}
	s.SkippedReasons[reason]++
}

// ReadFile reads a register file in either format.
func ReadFile(path string) ([]Record, ReadStats, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, ReadStats{}, fmt.Errorf("population: unable to open file: %w", err)
	}
	defer f.Close()
	return Read(f)
}

// Read reads a register file in either format, chosen by the header row. On
// error it returns no records, so the caller stores nothing.
func Read(r io.Reader) ([]Record, ReadStats, error) {
	cr := newCSVReader(r)
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, ReadStats{}, model.Errorf(model.EINVALID, "Het bestand is leeg.")
	}
	if err != nil {
		return nil, ReadStats{}, csvError(err)
	}
	switch {
	case isGBAVHeader(header):
		return readGBAV(cr, header)
	case isPlainHeader(header):
		return readPlain(cr, plainColumns(header))
	}
	return nil, ReadStats{}, headerError(header)
}

// newCSVReader reads `;`-separated UTF-8, skipping the byte order mark that
// RvIG's file and Excel's "CSV UTF-8" both start with.
func newCSVReader(r io.Reader) *csv.Reader {
	br := bufio.NewReader(r)
	if bom, err := br.Peek(3); err == nil && string(bom) == "\uFEFF" {
		br.Discard(3)
	}
	cr := csv.NewReader(br)
	cr.Comma = ';'
	cr.FieldsPerRecord = -1 // checked per format, with a Dutch message
	return cr
}

// csvError turns a CSV syntax error into a Dutch one naming the line.
func csvError(err error) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return fmt.Errorf("population: unable to read file: %w", err)
	}
	what := "de regel is geen geldige CSV"
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote), errors.Is(pe.Err, csv.ErrQuote):
		what = "een aanhalingsteken (\") staat op een verkeerde plaats; zet een veld met \" tussen aanhalingstekens en verdubbel de \" erin"
	}
	return model.Errorf(model.EINVALID, "regel %d: %s", pe.Line, what)
}

// rowError is the error for a bad field of a row: the line and field named in
// the message, the field also as parameter for the edges.
func rowError(line int, field, reason string) error {
	msg := fmt.Sprintf("regel %d: %s", line, reason)
	return &model.Error{Code: model.EINVALID, Message: msg, Params: []model.InvalidParam{{Name: field, Reason: msg}}}
}
