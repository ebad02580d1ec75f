package api

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"
)

// TestMethodNotAllowed: a known path with the wrong method is 405, not 400.
func TestMethodNotAllowed(t *testing.T) {
	e := newEnv(t, "sqlite")
	res := e.client().do("DELETE", "/api/v1/sites", nil)
	if code, _, _ := res.errorOf(t); res.status != 405 || code != "method_not_allowed" {
		t.Fatalf("DELETE /sites: %d %s", res.status, res.body)
	}
}

// TestPanicIsLoggedWithItsStack: the client gets the plain internal error;
// the log gets the panic and where it happened.
func TestPanicIsLoggedWithItsStack(t *testing.T) {
	var logged bytes.Buffer
	s := &Server{log: slog.New(slog.NewJSONHandler(&logged, nil))}
	r := gin.New()
	r.Use(gin.CustomRecovery(s.recoverJSON))
	r.GET("/boom", func(*gin.Context) { panic("boom") })
	w := httptest.NewRecorder()
	r.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/boom", nil))
	if w.Code != 500 || strings.Contains(w.Body.String(), "errors_test.go") {
		t.Fatalf("client saw %d %s", w.Code, w.Body)
	}
	if !strings.Contains(logged.String(), "errors_test.go") || !strings.Contains(logged.String(), "boom") {
		t.Fatalf("the log has no stack: %s", logged.String())
	}
}
