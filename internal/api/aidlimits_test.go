package api

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/legaldesk/legaldesk/internal/legalaid"
)

// Free text is bounded field by field, on the form and on every action.
func TestAidTextLimits(t *testing.T) {
	e := newEnv(t, "sqlite")
	r := e.resident("13800000001")
	long := strings.Repeat("长", 5000)
	for field, extra := range map[string]map[string]any{
		"township":         {"township": long},
		"path_detail":      {"path_detail": long},
		"represented_name": {"relation": "self", "represented_name": long},
	} {
		res := r.wantStatus(r.do("POST", "/api/v1/legal-aid/applications", aidForm(extra)), 400)
		if _, _, fields := res.errorOf(t); fields[field] == nil {
			t.Errorf("%s: %s", field, res.body)
		}
	}
	app := r.object("POST", "/api/v1/legal-aid/applications", aidForm(nil), 201)
	officer := e.client()
	officer.signInStaff("aid_officer", "13900000002")
	path := fmt.Sprintf("/api/v1/legal-aid/applications/%d/actions", id(app))
	for field, body := range map[string]map[string]any{
		"reason":     {"action": "reject", "reason": long},
		"staff_note": {"action": "approve", "staff_note": long},
		"missing":    {"action": "request_materials", "missing": []string{long}, "supplement_by": "2026-11-30"},
	} {
		res := officer.wantStatus(officer.do("POST", path, body), 400)
		if _, _, fields := res.errorOf(t); fields[field] == nil {
			t.Errorf("%s: %s", field, res.body)
		}
	}
	if got := r.object("GET", fmt.Sprintf("/api/v1/legal-aid/applications/%d", id(app)), nil, 200)["application"].(map[string]any); got["status"] != "received" {
		t.Fatalf("a refused action changed the status to %v", got["status"])
	}
}

// A resident has at most legalaid.MaxOpen applications being handled.
func TestOpenApplicationsCapped(t *testing.T) {
	e := newEnv(t, "sqlite")
	r := e.resident("13800000001")
	for range legalaid.MaxOpen {
		r.object("POST", "/api/v1/legal-aid/applications", aidForm(nil), 201)
	}
	r.wantStatus(r.do("POST", "/api/v1/legal-aid/applications", aidForm(nil)), 409).wantError(t, legalaid.ErrTooManyOpen)
	other := e.resident("13800000002")
	other.object("POST", "/api/v1/legal-aid/applications", aidForm(nil), 201)
}

// The board's filter takes known statuses only, and every read of the
// board or of the objections is audited with what was shown.
func TestAidBoardFilterAndAudit(t *testing.T) {
	e := newEnv(t, "sqlite")
	r := e.resident("13800000001")
	app := r.object("POST", "/api/v1/legal-aid/applications", aidForm(nil), 201)
	officer := e.client()
	officer.signInStaff("aid_officer", "13900000002")
	many := strings.TrimSuffix(strings.Repeat("received,", 40000), ",")
	for _, q := range []string{"status=bogus", "status=" + many, "matter=piracy", "township=" + url.QueryEscape(strings.Repeat("镇", 100))} {
		res := officer.wantStatus(officer.do("GET", "/api/v1/legal-aid/queue?"+q, nil), 400)
		if code, _, fields := res.errorOf(t); code != "invalid" || len(fields) == 0 {
			t.Errorf("%.40s: %s", q, res.body)
		}
	}
	if q := items(officer.object("GET", "/api/v1/legal-aid/queue?status=received,approved", nil, 200), "items"); len(q) != 1 {
		t.Fatalf("filtered board: %v", q)
	}
	reads, _ := e.store.AuditOf(t.Context(), "legal_aid_queue", 0)
	if len(reads) != 1 || reads[0].Action != "read" || reads[0].Detail != fmt.Sprintf("ids=%d", id(app)) {
		t.Fatalf("board reads audited: %+v", reads)
	}
	admin := e.client()
	admin.signInStaff("admin", "13900000001")
	admin.object("GET", "/api/v1/legal-aid/objections", nil, 200)
	if reads, _ := e.store.AuditOf(t.Context(), "legal_aid_objections", 0); len(reads) != 1 || *reads[0].UserID == 0 {
		t.Fatalf("objection list reads audited: %+v", reads)
	}
}
