package api

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/legaldesk/legaldesk/internal/errs"
)

type ctxKey int

const requestIDKey ctxKey = 1

var validRequestID = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

// withRequestID gives every request an id (the caller's, if it looks sane),
// echoed in X-Request-ID and in every error body and log line.
func withRequestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get("X-Request-ID")
		if !validRequestID.MatchString(id) {
			b := make([]byte, 8)
			rand.Read(b)
			id = hex.EncodeToString(b)
		}
		w.Header().Set("X-Request-ID", id)
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), requestIDKey, id)))
	})
}

// The pages' policy allows the server's own scripts, styles and images;
// the API's allows nothing, as its answers are data, never documents.
const (
	pageCSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
	apiCSP  = "default-src 'none'; frame-ancestors 'none'; sandbox"
)

// securityHeaders sets the headers every response carries, errors and
// refusals included (ASVS 14.4). Responses are not stored by default, since
// most carry personal data; handlers of public data (availability, the
// static files) opt in to caching.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cache-Control", "no-store")
		if strings.HasPrefix(r.URL.Path, "/api/v1/") {
			h.Set("Content-Security-Policy", apiCSP)
		} else {
			h.Set("Content-Security-Policy", pageCSP)
		}
		next.ServeHTTP(w, r)
	})
}

func requestIDOf(r *http.Request) string {
	id, _ := r.Context().Value(requestIDKey).(string)
	return id
}

// observe logs each request without personal data (no query, no body) and
// feeds the metrics, labelled by the route template.
func (s *Server) observe(c *gin.Context) {
	start := time.Now()
	c.Next()
	route := c.FullPath()
	if route == "" {
		route = "unmatched"
	}
	status := c.Writer.Status()
	elapsed := time.Since(start)
	s.metrics.requests.WithLabelValues(c.Request.Method, route, strconv.Itoa(status)).Inc()
	s.metrics.duration.WithLabelValues(c.Request.Method, route).Observe(elapsed.Seconds())
	s.log.InfoContext(c.Request.Context(), "request", "method", c.Request.Method, "route", route,
		"status", status, "ms", elapsed.Milliseconds(), "request_id", requestIDOf(c.Request), "user_id", c.GetInt64(userIDKey))
}

// limitBody caps request bodies; larger ones are refused before reading.
func (s *Server) limitBody(c *gin.Context) {
	limit := s.cfg.BodyLimit
	if uploadRoutes[c.FullPath()] {
		limit = s.cfg.UploadLimit
	}
	if c.Request.ContentLength > limit {
		s.fail(c, errTooLarge)
		return
	}
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, limit)
	c.Next()
}

// recoverJSON turns a panic into a logged internal error in the error shape.
// The stack goes to the log, which is where a panic gets fixed from.
func (s *Server) recoverJSON(c *gin.Context, rec any) {
	s.log.ErrorContext(c.Request.Context(), "panic", "request_id", requestIDOf(c.Request), "route", c.FullPath(),
		"panic", toString(rec), "stack", string(debug.Stack()))
	s.fail(c, errs.Wrap(errors.New(toString(rec)), errs.Internal, "服务器内部错误，请稍后再试", "internal server error"))
}

func toString(v any) string {
	if e, ok := v.(error); ok {
		return "panic: " + e.Error()
	}
	b, _ := json.Marshal(v)
	return "panic: " + string(b)
}

// bindJSON decodes one JSON object; malformed, oversize or mistyped bodies
// become field errors in the error shape.
func bindJSON(c *gin.Context, v any) error {
	if ct := c.GetHeader("Content-Type"); ct != "" {
		// A form or text/plain post is what a cross-site form can send:
		// refusing it backs up the origin check (ASVS 13.1.5).
		if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != "application/json" {
			return errNotJSON
		}
	}
	dec := json.NewDecoder(c.Request.Body)
	err := dec.Decode(v)
	if err == nil && dec.More() {
		err = errors.New("trailing data")
	}
	var tooBig *http.MaxBytesError
	var typeErr *json.UnmarshalTypeError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &tooBig):
		return errTooLarge
	case errors.As(err, &typeErr) && typeErr.Field != "":
		return errs.New(errs.Invalid, "请求格式错误", "malformed request").
			Field(typeErr.Field, "类型不正确", "wrong type")
	case errors.Is(err, io.EOF):
		return errs.New(errs.Invalid, "请求内容为空", "empty request body")
	default:
		return errBadJSON
	}
}
