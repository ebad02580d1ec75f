package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/legaldesk/legaldesk/internal/errs"
)

// statuses is the one place where an error code becomes an HTTP status.
var statuses = map[errs.Code]int{
	errs.Invalid:         http.StatusBadRequest,
	errs.Unauthenticated: http.StatusUnauthorized,
	errs.Forbidden:       http.StatusForbidden,
	errs.NotFound:        http.StatusNotFound,
	errs.Conflict:        http.StatusConflict,
	errs.TooLarge:        http.StatusRequestEntityTooLarge,
	errs.NoMethod:        http.StatusMethodNotAllowed,
	errs.Unsupported:     http.StatusUnsupportedMediaType,
	errs.RateLimited:     http.StatusTooManyRequests,
	errs.Unavailable:     http.StatusServiceUnavailable,
	errs.Internal:        http.StatusInternalServerError,
}

type errorBody struct {
	Error errorDetail `json:"error"`
}

type errorDetail struct {
	Code      errs.Code         `json:"code"`
	Message   string            `json:"message"`
	Fields    map[string]string `json:"fields,omitempty"`
	RequestID string            `json:"request_id"`
}

// english reports whether the client asked for English messages.
func english(r *http.Request) bool {
	return strings.HasPrefix(strings.ToLower(r.Header.Get("Accept-Language")), "en")
}

// render turns err into a status and the error shape; uncoded errors are
// logged whole and shown as a plain internal error with the request id.
func (s *Server) render(r *http.Request, err error) (int, errorBody) {
	var e *errs.Error
	if !errors.As(err, &e) {
		e = errs.Wrap(err, errs.Internal, "服务器内部错误，请稍后再试", "internal server error, please try again later")
	}
	status, ok := statuses[e.Code]
	if !ok {
		status = http.StatusInternalServerError
	}
	id := requestIDOf(r)
	if status >= 500 {
		s.log.ErrorContext(r.Context(), "request failed", "request_id", id, "path", r.URL.Path, "error", err.Error())
	}
	en := english(r)
	d := errorDetail{Code: e.Code, Message: pick(e.Message, en), RequestID: id}
	if e.Code == errs.Internal {
		d.Message = fmt.Sprintf("%s（%s）", d.Message, id)
	}
	if len(e.Fields) > 0 {
		d.Fields = make(map[string]string, len(e.Fields))
		for k, v := range e.Fields {
			d.Fields[k] = pick(v, en)
		}
	}
	return status, errorBody{Error: d}
}

// fail writes err in the error shape and stops the gin chain.
func (s *Server) fail(c *gin.Context, err error) {
	status, body := s.render(c.Request, err)
	if status == http.StatusTooManyRequests {
		c.Header("Retry-After", "60")
	}
	c.AbortWithStatusJSON(status, body)
}

// writeError serves the plain net/http layers (sessions, origin checks).
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	status, body := s.render(r, err)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(body)
}

// sessionError is errSession with the store's failure kept for the log.
func sessionError(cause error) error {
	return errs.Wrap(cause, errSession.Code, errSession.Message.ZH, errSession.Message.EN)
}

func pick(t errs.Text, en bool) string {
	if en && t.EN != "" {
		return t.EN
	}
	return t.ZH
}

// Errors the handlers share.
var (
	errNotSignedIn = errs.New(errs.Unauthenticated, "请先登录", "please sign in")
	errNoRight     = errs.New(errs.Forbidden, "您没有权限进行此操作", "you may not do this")
	errNoRoute     = errs.New(errs.NotFound, "接口不存在", "no such endpoint")
	errNoMethod    = errs.New(errs.NoMethod, "请求方法不被支持", "method not allowed")
	errCrossOrigin = errs.New(errs.Forbidden, "拒绝来自其他网站的请求", "cross-origin request refused")
	errSession     = errs.New(errs.Unavailable, "会话服务暂时不可用，请稍后再试", "the session service is temporarily unavailable")
	errNotJSON     = errs.New(errs.Unsupported, "请求内容应为 JSON（Content-Type: application/json）", "the body must be JSON (Content-Type: application/json)")
	errBadJSON     = errs.New(errs.Invalid, "请求格式错误，应为 JSON", "malformed JSON body")
	errTooLarge    = errs.New(errs.TooLarge, "提交的内容过大", "request body too large")
)
