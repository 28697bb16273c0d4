package api

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// wantStatus is every application error code model defines, with the HTTP
// status the API must answer it with. It is written out here rather than
// read from statuses, so that changing a status is a decision this test sees.
var wantStatus = map[string]int{
	model.EINVALID:      http.StatusBadRequest,
	model.ENOTFOUND:     http.StatusNotFound,
	model.EUNAUTHORIZED: http.StatusUnauthorized,
	model.EFORBIDDEN:    http.StatusForbidden,
	model.ECONFLICT:     http.StatusConflict,
	model.EUNAVAILABLE:  http.StatusServiceUnavailable,
	model.ETOOMANY:      http.StatusTooManyRequests,
	model.ETOOLARGE:     http.StatusRequestEntityTooLarge, // a synchronisation of more than 100,000 lines (issue 16)
	model.EINTERNAL:     http.StatusInternalServerError,
}

func TestEveryErrorCodeHasOneStatus(t *testing.T) {
	for _, code := range modelErrorCodes(t) {
		if _, ok := wantStatus[code]; !ok {
			t.Errorf("model defines error code %q, which this test (wantStatus) and statuses in problem.go do not map", code)
		}
	}
	byStatus := map[int]string{}
	for code, want := range wantStatus {
		status, title, known := problemStatus(code)
		if !known {
			t.Errorf("%q is not in statuses: it falls back to %d", code, status)
			continue
		}
		if status != want {
			t.Errorf("%q answers %d, want %d", code, status, want)
		}
		if title == "" {
			t.Errorf("%q has no problem title", code)
		}
		if other, dup := byStatus[status]; dup {
			t.Errorf("%q and %q both answer %d; openapi.json could not say which one a status means", code, other, status)
		}
		byStatus[status] = code

		// And writeProblem, the only writer of error answers, says the same.
		rec := httptest.NewRecorder()
		writeProblem(rec, httptest.NewRequest("GET", "/api/v1/registraties", nil), model.Errorf(code, "Test."))
		var p problem
		if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil {
			t.Fatalf("%q: body %q: %v", code, rec.Body, err)
		}
		if rec.Code != want || p.Status != want || p.Title != title {
			t.Errorf("%q is written as %d with body status %d and title %q, want %d and %q", code, rec.Code, p.Status, p.Title, want, title)
		}
	}
	for code := range statuses {
		if _, ok := wantStatus[code]; !ok {
			t.Errorf("statuses maps %q, which model does not define", code)
		}
	}
}

func TestAConflictIs409(t *testing.T) {
	if status, _, _ := problemStatus(model.ECONFLICT); status != http.StatusConflict {
		t.Errorf("ECONFLICT answers %d; the API promises 409 Conflict", status)
	}
}

func TestAnUnknownErrorCodeIsAnInternalError(t *testing.T) {
	rec := httptest.NewRecorder()
	writeProblem(rec, httptest.NewRequest("GET", "/api/v1/registraties", nil), model.Errorf("onbekend", "Test."))
	if rec.Code != http.StatusInternalServerError {
		t.Errorf("an error with an unmapped code answers %d, want 500", rec.Code)
	}
	if _, _, known := problemStatus("onbekend"); known {
		t.Error("problemStatus says an unmapped code is known")
	}
}

// modelErrorCodes reads the values of model's E… constants from its source:
// model has no list of its codes, and a code added there must fail this test
// until the API maps it.
func modelErrorCodes(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "model", "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("cannot find the model package's source: %v", err)
	}
	name := regexp.MustCompile(`^E[A-Z]+$`)
	var codes []string
	fset := token.NewFileSet()
	for _, file := range files {
		f, err := parser.ParseFile(fset, file, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			d, ok := decl.(*ast.GenDecl)
			if !ok || d.Tok != token.CONST {
				continue
			}
			for _, spec := range d.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, id := range vs.Names {
					if !name.MatchString(id.Name) || i >= len(vs.Values) {
						continue
					}
					lit, ok := vs.Values[i].(*ast.BasicLit)
					if !ok || lit.Kind != token.STRING {
						continue
					}
					code, err := strconv.Unquote(lit.Value)
					if err != nil {
						t.Fatal(err)
					}
					codes = append(codes, code)
				}
			}
		}
	}
	if len(codes) == 0 {
		t.Fatal("found no error codes (E… string constants) in the model package")
	}
	return codes
}
