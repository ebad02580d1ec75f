package api

import (
	"fmt"
	"testing"
)

// TestAidIDReveal: the case page shows the ID number masked; "show" gives
// it in full to an officer and writes an audit record each time. The
// bureau sees it only while an objection awaits it; the applicant, the
// lawyer and other residents never through this route.
func TestAidIDReveal(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		e.seedDemo()
		owner := e.resident("13800000001")
		app := owner.object("POST", "/api/v1/legal-aid/applications", aidForm(nil), 201)
		path := fmt.Sprintf("/api/v1/legal-aid/applications/%d", id(app))
		officer := e.client()
		officer.signIn("13900000002")
		if got := officer.object("GET", path, nil, 200)["application"].(map[string]any); got["id_number"] != "110105********002X" {
			t.Fatalf("the case page shows %v", got["id_number"])
		}
		before := e.count(`SELECT COUNT(*) FROM audit_log WHERE object = 'legal_aid_id_number' AND object_id = ?`, id(app))
		full := officer.object("POST", path+"/id-number", nil, 200)
		if full["id_number"] != "11010519491231002X" {
			t.Fatalf("shown: %v", full)
		}
		if n := e.count(`SELECT COUNT(*) FROM audit_log WHERE object = 'legal_aid_id_number' AND object_id = ? AND action = 'read'`, id(app)); n != before+1 {
			t.Fatalf("audit records of the show: %d, want %d", n, before+1)
		}
		officer.wantStatus(officer.do("POST", "/api/v1/legal-aid/applications/999999/id-number", nil), 404)
		owner.wantStatus(owner.do("POST", path+"/id-number", nil), 403)
		lawyer := e.client()
		lawyer.signIn("13900000101")
		lawyer.wantStatus(lawyer.do("POST", path+"/id-number", nil), 403)
		e.client().wantStatus(e.client().do("POST", path+"/id-number", nil), 401)

		// The bureau: not related until an objection waits on its decision.
		admin := e.admin()
		admin.wantStatus(admin.do("POST", path+"/id-number", nil), 404)
		officer.object("POST", path+"/actions", map[string]any{"action": "reject", "reason": "家庭人均收入高于本市经济困难标准"}, 200)
		admin.wantStatus(admin.do("POST", path+"/id-number", nil), 404)
		owner.object("POST", path+"/objections", map[string]any{"reason": "收入计算把已离婚配偶算入"}, 201)
		if got := admin.object("POST", path+"/id-number", nil, 200); got["id_number"] != "11010519491231002X" {
			t.Fatalf("the bureau during the objection: %v", got)
		}
		if n := e.count(`SELECT COUNT(*) FROM audit_log WHERE object = 'legal_aid_id_number' AND object_id = ?`, id(app)); n != before+2 {
			t.Fatalf("audit records: %d, want %d", n, before+2)
		}
	})
}
