// Package errs holds the coded error that every layer returns and the API
// turns into a status in one place. It must not know about HTTP or drivers.
package errs

import (
	"errors"
	"fmt"
)

// Code says what kind of failure an error is; the API maps it to a status.
type Code string

const (
	Invalid         Code = "invalid"
	NotFound        Code = "not_found"
	Conflict        Code = "conflict"
	Forbidden       Code = "forbidden"
	Unauthenticated Code = "unauthenticated"
	Unavailable     Code = "unavailable"
	RateLimited     Code = "rate_limited"
	TooLarge        Code = "too_large"
	// Unsupported: the body is not JSON (a form post, text/plain).
	Unsupported Code = "unsupported_media_type"
	// NoMethod: the path exists, but not with this method.
	NoMethod Code = "method_not_allowed"
	Internal Code = "internal"
)

// ErrKeyReused: an Idempotency-Key came back with a different request. Every
// create route shares the rule, so the error lives here.
var ErrKeyReused = New(Conflict, "该幂等键已用于另一请求", "this Idempotency-Key was used for a different request")

// ErrNotFound is the plain "no such record", for lookups that have no
// message of their own.
var ErrNotFound = New(NotFound, "未找到该记录", "not found")

// Text is a user-facing message in Simplified Chinese with its English twin.
type Text struct {
	ZH string
	EN string
}

// Error is an error a user may see: a code, a message and per-field messages.
type Error struct {
	Code    Code
	Message Text
	Fields  map[string]Text
	// Cause is logged, never shown.
	Cause error
}

func (e *Error) Error() string {
	s := string(e.Code) + ": " + e.Message.EN
	for k, v := range e.Fields {
		s += fmt.Sprintf("; %s: %s", k, v.EN)
	}
	if e.Cause != nil {
		s += ": " + e.Cause.Error()
	}
	return s
}

func (e *Error) Unwrap() error { return e.Cause }

// New returns an error with a code and a bilingual message.
func New(code Code, zh, en string) *Error {
	return &Error{Code: code, Message: Text{ZH: zh, EN: en}}
}

// Wrap keeps cause for the log while the user sees the message.
func Wrap(cause error, code Code, zh, en string) *Error {
	e := New(code, zh, en)
	e.Cause = cause
	return e
}

// Field adds a per-field message and returns e for chaining.
func (e *Error) Field(name, zh, en string) *Error {
	if e.Fields == nil {
		e.Fields = map[string]Text{}
	}
	e.Fields[name] = Text{ZH: zh, EN: en}
	return e
}

// Fields collects per-field messages for form validation.
type Fields map[string]Text

// Add records a message for a field; the first message for a field wins.
func (f Fields) Add(name, zh, en string) {
	if _, ok := f[name]; !ok {
		f[name] = Text{ZH: zh, EN: en}
	}
}

// Err returns an invalid error carrying the fields, or nil when there are none.
func (f Fields) Err() error {
	if len(f) == 0 {
		return nil
	}
	return &Error{Code: Invalid, Message: Text{ZH: "提交的信息有误，请检查后重试", EN: "Some fields are invalid"}, Fields: f}
}

// CodeOf returns the code of err, or Internal for uncoded errors.
func CodeOf(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return Internal
}

// Is reports whether err carries the code.
func Is(err error, code Code) bool {
	return err != nil && CodeOf(err) == code
}
