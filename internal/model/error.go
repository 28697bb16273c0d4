package model

import (
	"errors"
	"fmt"
)

// Application error codes. Each edge (API, web, CLI) maps them once.
const (
	EINVALID      = "invalid"      // bad input; nothing was changed
	ENOTFOUND     = "not_found"    // does not exist, or the caller may not know it exists
	EUNAUTHORIZED = "unauthorized" // no or bad credentials
	EFORBIDDEN    = "forbidden"    // known caller, not allowed
	ECONFLICT     = "conflict"     // the state does not allow this now
	EUNAVAILABLE  = "unavailable"  // a dependency (population register, mail) is down
	ETOOMANY      = "too_many"     // the caller sent too many requests; try again later
	ETOOLARGE     = "too_large"    // the request is larger than the route takes
	EINTERNAL     = "internal"
)

// InvalidParam names one bad field and says, in Dutch, what is wrong with it.
type InvalidParam struct {
	Name   string `json:"name"`
	Reason string `json:"reason"`
}

// Error is an application error with a code, a Dutch message for people and,
// for EINVALID, the fields that are wrong.
type Error struct {
	Code    string
	Message string
	Params  []InvalidParam
}

func (e *Error) Error() string { return fmt.Sprintf("%s: %s", e.Code, e.Message) }

// Errorf makes an application error with a Dutch message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Invalid returns an EINVALID error for the given fields, or nil when there are none.
func Invalid(message string, params ...InvalidParam) error {
	if len(params) == 0 {
		return nil
	}
	return &Error{Code: EINVALID, Message: message, Params: params}
}

// InvalidField is the common case of one bad field.
func InvalidField(name, reason string) error {
	return &Error{Code: EINVALID, Message: reason, Params: []InvalidParam{{name, reason}}}
}

// ErrorCode returns the code of an application error, EINTERNAL for anything else.
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the Dutch message of an application error, or a general
// one that reveals nothing of an internal failure.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "Er ging iets mis aan onze kant. Probeer het later opnieuw of neem contact op met de regiobeheerder."
}

// ErrorParams returns the invalid fields of an application error.
func ErrorParams(err error) []InvalidParam {
	var e *Error
	if errors.As(err, &e) {
		return e.Params
	}
	return nil
}
