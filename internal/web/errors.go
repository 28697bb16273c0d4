package web

import (
	"net/http"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// answer is how the web application shows an application error: the HTTP
// status and the heading of the error page. This table is the only place in
// web that maps error codes; forms shown again with their error take the
// same status. It agrees with the API's table (internal/api/problem.go) on
// every code but one: bad input is 422 here, not the API's 400, because the
// form comes back with the values kept and a message at the field.
type answer struct {
	status int
	title  string
}

var answers = map[string]answer{
	model.EINVALID:      {http.StatusUnprocessableEntity, "Dat kan niet"},
	model.ECONFLICT:     {http.StatusConflict, "Dat kan niet"},
	model.ENOTFOUND:     {http.StatusNotFound, "Niet gevonden"},
	model.EFORBIDDEN:    {http.StatusForbidden, "Geen toegang"},
	model.EUNAUTHORIZED: {http.StatusUnauthorized, "Niet ingelogd"},
	model.ETOOMANY:      {http.StatusTooManyRequests, "Even wachten"},
	model.ETOOLARGE:     {http.StatusRequestEntityTooLarge, "Te groot"},
	model.EUNAVAILABLE:  {http.StatusServiceUnavailable, "Tijdelijk niet beschikbaar"},
}

// answerTo is the answer to err; ok is false for an internal error, which
// is logged and shown as "Er ging iets mis".
func answerTo(err error) (a answer, ok bool) {
	a, ok = answers[model.ErrorCode(err)]
	return a, ok
}
