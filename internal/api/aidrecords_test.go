package api

import (
	"fmt"
	"testing"
	"time"
)

// A create route with an Idempotency-Key: a retry returns the first
// answer; the key with another body is refused; one application is stored.
func TestIdempotentApplication(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		r := e.resident("13800000001")
		first := r.wantStatus(r.do("POST", "/api/v1/legal-aid/applications", aidForm(nil), "Idempotency-Key", "apply-1"), 201)
		again := r.wantStatus(r.do("POST", "/api/v1/legal-aid/applications", aidForm(nil), "Idempotency-Key", "apply-1"), 201)
		if again.json(t)["code"] != first.json(t)["code"] || again.header.Get("Idempotent-Replayed") != "true" {
			t.Fatalf("replay: %s", again.body)
		}
		r.wantStatus(r.do("POST", "/api/v1/legal-aid/applications", aidForm(map[string]any{"township": "三甲镇"}), "Idempotency-Key", "apply-1"), 409)
		// A failed request does not use up its key.
		r.wantStatus(r.do("POST", "/api/v1/legal-aid/applications", aidForm(map[string]any{"phone": "1"}), "Idempotency-Key", "apply-2"), 400)
		r.wantStatus(r.do("POST", "/api/v1/legal-aid/applications", aidForm(nil), "Idempotency-Key", "apply-2"), 201)
		n := e.count(`SELECT COUNT(*) FROM legal_aid_applications`)
		if n != 2 {
			t.Fatalf("%d applications, want 2", n)
		}
	})
}

// TestSealedNumberThatWillNotOpen: a damaged sealed ID number is an
// internal error, logged, never an application shown with a blank number.
func TestSealedNumberThatWillNotOpen(t *testing.T) {
	e := newEnv(t, "sqlite")
	r := e.resident("13800000001")
	app := r.object("POST", "/api/v1/legal-aid/applications", aidForm(nil), 201)
	if _, err := e.store.DB().Exec(`UPDATE legal_aid_applications SET id_sealed = 'k1:AAAA' WHERE id = ?`, id(app)); err != nil {
		t.Fatal(err)
	}
	officer := e.client()
	officer.signInStaff("aid_officer", "13900000002")
	for _, path := range []string{fmt.Sprintf("/api/v1/legal-aid/applications/%d", id(app)), "/api/v1/legal-aid/queue"} {
		res := officer.do("GET", path, nil)
		if code, _, _ := res.errorOf(t); res.status != 500 || code != "internal" {
			t.Errorf("GET %s with a damaged number: %d %s, want 500 internal", path, res.status, res.body)
		}
	}
	if res := r.do("GET", "/api/v1/me/legal-aid", nil); res.status != 500 {
		t.Errorf("my applications with a damaged number: %d %s", res.status, res.body)
	}
}

func TestDeemedWithdrawalAndTriage(t *testing.T) {
	e := newEnv(t, "sqlite")
	r := e.resident("13800000001")
	slow := r.object("POST", "/api/v1/legal-aid/applications", aidForm(nil), 201)
	urgent := r.object("POST", "/api/v1/legal-aid/applications", aidForm(map[string]any{"limitation_date": "2026-11-24"}), 201)
	officer := e.client()
	officer.signInStaff("aid_officer", "13900000002")
	q := items(officer.object("GET", "/api/v1/legal-aid/queue", nil, 200), "items")
	if len(q) != 2 || id(q[0]) != id(urgent) || q[0]["clock"].(map[string]any)["advance_aid"] != true {
		t.Fatalf("advance aid first: %v", q)
	}
	officer.object("POST", fmt.Sprintf("/api/v1/legal-aid/applications/%d/actions", id(slow)),
		map[string]any{"action": "request_materials", "missing": []string{"收入证明"}, "supplement_by": "2026-11-25"}, 200)
	e.advance(6 * 24 * time.Hour) // 2026-11-26: past the deadline
	q = items(officer.object("GET", "/api/v1/legal-aid/queue", nil, 200), "items")
	if len(q) != 1 {
		t.Fatalf("the withdrawn application is still queued: %v", q)
	}
	if c := q[0]["clock"].(map[string]any); c["due"] != "2026-11-27" || c["overdue"] != false {
		t.Fatalf("clock of the urgent one: %v", c)
	}
	got := r.object("GET", fmt.Sprintf("/api/v1/legal-aid/applications/%d", id(slow)), nil, 200)["application"].(map[string]any)
	if got["status"] != "deemed_withdrawn" {
		t.Fatalf("status %v", got["status"])
	}
}
