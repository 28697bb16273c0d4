package web

import (
	"errors"
	"net/http"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// The status for each code: the API's (internal/api/problem.go), except
// bad input, which the web answers with 422 and the form shown again.
var wantStatus = map[string]int{
	model.EINVALID:      http.StatusUnprocessableEntity,
	model.ECONFLICT:     http.StatusConflict,
	model.ENOTFOUND:     http.StatusNotFound,
	model.EFORBIDDEN:    http.StatusForbidden,
	model.EUNAUTHORIZED: http.StatusUnauthorized,
	model.ETOOMANY:      http.StatusTooManyRequests,
	model.ETOOLARGE:     http.StatusRequestEntityTooLarge, // a synchronisation of more than 100,000 lines (issue 16)
	model.EUNAVAILABLE:  http.StatusServiceUnavailable,
}

func TestEveryErrorCodeHasOneAnswerThatAgreesWithTheAPI(t *testing.T) {
	for code, want := range wantStatus {
		a, ok := answerTo(model.Errorf(code, "x"))
		if !ok || a.status != want || a.title == "" {
			t.Errorf("%s: answer %+v, %v; want status %d with a title", code, a, ok, want)
		}
	}
	if len(answers) != len(wantStatus) {
		t.Errorf("the table maps %d codes, the test knows %d", len(answers), len(wantStatus))
	}
}

func TestAnInternalErrorHasNoAnswerAndGoesToTheErrorPage(t *testing.T) {
	if a, ok := answerTo(errors.New("disk full")); ok {
		t.Fatalf("an internal error answered %+v", a)
	}
}
