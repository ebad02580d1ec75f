package api

import (
	"bytes"
	"fmt"
	"os"
	"testing"

	"github.com/legaldesk/legaldesk/internal/advisor"
)

// TestAdvisorLogPhoto: an advisor adds a photo to their own entry under the
// upload rules; another lawyer can neither add nor see it, the bureau can.
func TestAdvisorLogPhoto(t *testing.T) {
	e := newEnv(t, "sqlite")
	e.seedDemo()
	a, b, admin := e.client(), e.client(), e.admin()
	a.signIn(lawyerPhone(0))
	b.signIn(lawyerPhone(1))
	mine := items(a.object("GET", "/api/v1/me/advisor-villages", nil, 200), "items")
	log := a.object("POST", "/api/v1/advisor-logs", map[string]any{"site_id": num(mine[0]["site_id"]),
		"date": e.now().Format("2006-01-02"), "kind": "lecture", "people": 40}, 201)
	path := fmt.Sprintf("/api/v1/advisor-logs/%d/photo", num(log["id"]))

	a.wantStatus(a.upload(path, "a.pdf", pdfBytes), 400)
	a.wantStatus(a.upload(path, "huge.png", pngClaiming(20000, 20000)), 400)
	b.wantStatus(b.upload(path, "p.png", pngBytes), 404).wantError(t, advisor.ErrNoLog)
	b.wantStatus(b.do("GET", path, nil), 404)
	a.wantStatus(a.do("GET", path, nil), 404) // no photo yet
	got := a.wantStatus(a.upload(path, "p.png", pngBytes), 200).json(t)
	if got["has_photo"] != true {
		t.Fatalf("after upload: %v", got)
	}
	for _, c := range []*client{a, admin} {
		r := c.wantStatus(c.do("GET", path, nil), 200)
		if !bytes.Equal(r.body, pngBytes) || r.header.Get("Content-Type") != "image/png" {
			t.Fatalf("photo: %d bytes, %s", len(r.body), r.header.Get("Content-Type"))
		}
	}
	// A replacement leaves one file behind, not two.
	a.wantStatus(a.upload(path, "q.jpg", jpegClaiming(800, 600)), 200)
	files, _ := os.ReadDir(e.uploads)
	if len(files) != 1 {
		t.Fatalf("%d files in the upload directory, want 1", len(files))
	}
	logs := items(a.object("GET", "/api/v1/me/advisor-logs", nil, 200), "items")
	if logs[len(logs)-1]["has_photo"] != true {
		t.Fatalf("my logs: %v", logs[len(logs)-1])
	}
}
