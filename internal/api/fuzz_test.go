package api

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"

	"github.com/legaldesk/legaldesk/internal/errs"
)

// FuzzBindJSON: any body decodes or fails with a coded 4xx error, never a panic.
func FuzzBindJSON(f *testing.F) {
	for _, s := range []string{`{"name":"中心","tier":"center"}`, `{"parent_id":"x"}`, `{`, ``, `[]`, `{"a":1}{}`, `null`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		w := httptest.NewRecorder()
		c, _ := gin.CreateTestContext(w)
		c.Request = httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body))
		c.Request.Body = http.MaxBytesReader(w, c.Request.Body, 1024)
		var req siteRequest
		err := bindJSON(c, &req)
		if err != nil && errs.CodeOf(err) != errs.Invalid && errs.CodeOf(err) != errs.TooLarge {
			t.Fatalf("body %q: uncoded error %v", body, err)
		}
	})
}
