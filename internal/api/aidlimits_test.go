package api

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/legaldesk/legaldesk/internal/legalaid"
	"github.com/legaldesk/legaldesk/internal/pii"
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

// Item 8 of issue 10: impossible ID numbers refused; Art. 32 applicants
// pick no Art. 31 item; officers see ages; the aided person's ID number on
// an application on their behalf; walk-ins with a landline or no phone.
func TestAidFormCorrectness(t *testing.T) {
	e := newEnv(t, "sqlite")
	r := e.resident("13800000001")
	for _, idn := range []string{"140581202611270016", "140581189912310013", "990581198001010012"} {
		res := r.wantStatus(r.do("POST", "/api/v1/legal-aid/applications", aidForm(map[string]any{"id_number": fixCheck(idn)})), 400)
		if _, _, fields := res.errorOf(t); fields["id_number"] == nil {
			t.Errorf("%s: %s", idn, res.body)
		}
	}
	r.object("POST", "/api/v1/legal-aid/applications", aidForm(map[string]any{"matter": "civil_admin", "path": "art32_no_hardship", "path_detail": "abuse_violence"}), 201)
	res := r.wantStatus(r.do("POST", "/api/v1/legal-aid/applications", aidForm(map[string]any{"phone": "0356-5221234"})), 400)
	if _, _, fields := res.errorOf(t); fields["phone"] == nil {
		t.Fatalf("a resident's landline: %s", res.body)
	}
	res = r.wantStatus(r.do("POST", "/api/v1/legal-aid/applications", aidForm(map[string]any{"aided_id_number": "11010519491231002X"})), 400)
	if _, _, fields := res.errorOf(t); fields["aided_id_number"] == nil {
		t.Fatalf("aided ID on one's own application: %s", res.body)
	}
	minor := fixCheck("140581201501010010")
	mine := r.object("POST", "/api/v1/legal-aid/applications", aidForm(map[string]any{"relation": "legal_representative", "represented_name": "张小明", "aided_id_number": minor}), 201)
	if mine["aided_id_number"] != "140581********"+minor[14:] || mine["age"] != nil {
		t.Fatalf("the applicant sees %v, age %v", mine["aided_id_number"], mine["age"])
	}
	officer := e.officer(false)
	full := officer.object("GET", fmt.Sprintf("/api/v1/legal-aid/applications/%d", id(mine)), nil, 200)["application"].(map[string]any)
	// 2,400 yuan a month for three people meets a standard of 1,500 per person (Art. 34).
	if full["meets_standard"] != true || mine["meets_standard"] != nil {
		t.Fatalf("meets the standard: officer %v, applicant %v", full["meets_standard"], mine["meets_standard"])
	}
	if full["aided_id_number"] != mine["aided_id_number"] || full["aided_age"] != float64(11) || full["age"] != float64(76) {
		t.Fatalf("the officer sees %v, ages %v / %v", full["aided_id_number"], full["age"], full["aided_age"])
	}
	if shown := officer.object("POST", fmt.Sprintf("/api/v1/legal-aid/applications/%d/id-number", id(mine)), nil, 200); shown["aided_id_number"] != minor {
		t.Fatalf("the officer's show gives %v", shown)
	}
	for _, phone := range []string{"0356-5221234", ""} {
		officer.object("POST", "/api/v1/legal-aid/applications", aidForm(map[string]any{"phone": phone}), 201)
	}
	officer.wantStatus(officer.do("POST", "/api/v1/legal-aid/applications", aidForm(map[string]any{"phone": "12"})), 400)
}

// fixCheck replaces an ID number's check character with the right one.
func fixCheck(id string) string { return id[:17] + string(pii.IDCheckChar(id[:17])) }
