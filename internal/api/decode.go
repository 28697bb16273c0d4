package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// maxBody is the largest request body accepted; registrations are tiny.
const maxBody = 64 << 10

// decode reads a JSON body strictly: unknown fields, a field given twice and
// trailing data are errors, each answered in Dutch without echoing the
// parser's English.
func decode(w http.ResponseWriter, r *http.Request, v any) error {
	return decodeUpTo(w, r, v, maxBody)
}

// decodeUpTo is decode for a body of at most limit bytes; a larger one is
// ETOOLARGE (413).
func decodeUpTo(w http.ResponseWriter, r *http.Request, v any, limit int64) error {
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		return model.Errorf(model.EINVALID, "Stuur de gegevens als JSON met Content-Type: application/json.")
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	var maxErr *http.MaxBytesError
	if errors.As(err, &maxErr) && limit != maxBody {
		return model.Errorf(model.ETOOLARGE, "Het verzoek is te groot (meer dan %d MiB). Splits de lijst.", limit>>20)
	}
	if err != nil {
		return jsonError(err)
	}
	// encoding/json keeps the last of two equal keys, so {"burgerservicenummer":
	// "bad", "burgerservicenummer": "good"} would pass a check that a proxy or
	// log read differently: refuse it.
	if err := noDuplicateKeys(body); err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonError(err)
	}
	if dec.Decode(&struct{}{}) != io.EOF {
		return model.Errorf(model.EINVALID, "Na het JSON-object staat nog meer tekst; stuur precies één object.")
	}
	return nil
}

// noDuplicateKeys walks the JSON in body and refuses an object that names a
// key twice. Syntax errors are left to the decoder that follows.
func noDuplicateKeys(body []byte) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	type object struct {
		path string
		keys map[string]bool
	}
	var stack []*object // nil entries are arrays
	expectKey := false
	for {
		tok, err := dec.Token()
		if err != nil {
			return nil
		}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{':
				stack = append(stack, &object{keys: map[string]bool{}})
				expectKey = true
				continue
			case '[':
				stack = append(stack, nil)
			case '}', ']':
				stack = stack[:len(stack)-1]
			}
		case string:
			if expectKey {
				top := stack[len(stack)-1]
				if top.keys[t] {
					return model.InvalidField(t, "Dit veld staat twee keer in het verzoek; stuur elk veld één keer.")
				}
				top.keys[t] = true
				expectKey = false
				continue
			}
		}
		// after a value: inside an object the next token is a key
		expectKey = len(stack) > 0 && stack[len(stack)-1] != nil
	}
}

func jsonError(err error) error {
	var typeErr *json.UnmarshalTypeError
	var syntaxErr *json.SyntaxError
	var maxErr *http.MaxBytesError
	switch {
	case errors.As(err, &typeErr):
		return model.InvalidField(typeErr.Field, "Dit veld heeft het verkeerde type: verwacht "+jsonType(typeErr.Type.Kind().String())+".")
	case errors.As(err, &maxErr):
		return model.Errorf(model.EINVALID, "Het verzoek is te groot (meer dan 64 KiB).")
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return model.InvalidField(name, "Onbekend veld. Deze API bewaart geen andere gegevens dan de beschreven velden (alleen 'dat', nooit 'wat').")
	case errors.Is(err, io.EOF):
		return model.Errorf(model.EINVALID, "Het verzoek heeft geen inhoud; stuur een JSON-object.")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return model.Errorf(model.EINVALID, "Het verzoek is geen geldige JSON: het houdt op voordat het object gesloten is.")
	case errors.As(err, &syntaxErr):
		return model.Errorf(model.EINVALID, "Het verzoek is geen geldige JSON: fout bij teken %s.", strconv.FormatInt(syntaxErr.Offset, 10))
	}
	return model.Errorf(model.EINVALID, "Het verzoek is geen geldige JSON.")
}

func jsonType(kind string) string {
	switch kind {
	case "string":
		return "tekst"
	case "bool":
		return "true of false"
	case "int", "int64", "float64":
		return "een getal"
	}
	return kind
}
