package api

import (
	"fmt"
	"testing"
)

// TestAccessIsARelationship proves the rule behind the access table: a route
// that takes an id answers only the people related to that object — the
// resident who booked (not another resident), the lawyer of the shift (not
// another lawyer) — and tells everyone else it does not exist.
func TestAccessIsARelationship(t *testing.T) {
	e := bookingEnv(t, "sqlite")
	residentA, residentB := e.resident("13800000001"), e.resident("13800000002")
	slot := slotsOn(residentA, "2026-12-02")[0]
	bk := residentA.object("POST", "/api/v1/bookings", map[string]any{"slot_id": id(slot), "topic": "劳动合同纠纷", "note": "私密说明"}, 201)
	lawyerOn, lawyerOff := e.client(), e.client()
	lawyerOn.signIn(demoPhone(slot["lawyer_id"].(float64)))
	lawyerOff.signIn(demoPhone(slot["lawyer_id"].(float64) + 1))
	admin, officer := e.client(), e.client()
	admin.signIn("13900000001")
	officer.signIn("13900000002")

	bpath := fmt.Sprintf("/api/v1/bookings/%d", id(bk))
	shift := fmt.Sprintf("/api/v1/shifts/%d/bookings", int64(bk["shift_id"].(float64)))
	cases := []struct {
		who    string
		c      *client
		method string
		path   string
		body   any
		want   int
	}{
		{"resident A", residentA, "GET", bpath, nil, 200},
		{"resident B", residentB, "GET", bpath, nil, 404},
		{"lawyer on the shift", lawyerOn, "GET", bpath, nil, 200},
		{"lawyer off the shift", lawyerOff, "GET", bpath, nil, 404},
		{"admin", admin, "GET", bpath, nil, 200},
		{"resident A", residentA, "GET", bpath + "/qr.png", nil, 200},
		{"resident B", residentB, "GET", bpath + "/qr.png", nil, 404},
		{"resident A", residentA, "GET", bpath + "/calendar.ics", nil, 200},
		{"resident B", residentB, "GET", bpath + "/calendar.ics", nil, 404},
		{"lawyer off the shift", lawyerOff, "GET", bpath + "/calendar.ics", nil, 404},
		{"lawyer on the shift", lawyerOn, "GET", bpath + "/qr.png", nil, 200},
		{"lawyer off the shift", lawyerOff, "GET", bpath + "/qr.png", nil, 404},
		{"resident B", residentB, "POST", bpath + "/cancel", map[string]any{}, 404},
		{"resident B", residentB, "POST", bpath + "/reschedule", map[string]any{"slot_id": id(slot) + 1}, 404},
		{"resident B", residentB, "POST", bpath + "/rating", map[string]any{"score": 5}, 404},
		{"lawyer off the shift", lawyerOff, "POST", bpath + "/attendance", map[string]any{"status": "attended"}, 404},
		{"lawyer on the shift", lawyerOn, "GET", shift, nil, 200},
		{"lawyer off the shift", lawyerOff, "GET", shift, nil, 404},
		{"aid officer", officer, "GET", bpath, nil, 404},
	}
	for _, tc := range cases {
		res := tc.c.do(tc.method, tc.path, tc.body)
		if res.status != tc.want {
			t.Errorf("%s %s as %s: %d, want %d: %s", tc.method, tc.path, tc.who, res.status, tc.want, res.body)
		}
	}
	// The lawyer of the shift needs the topic and note to prepare.
	if got := lawyerOn.object("GET", bpath, nil, 200); got["note"] != "私密说明" {
		t.Errorf("the shift's lawyer sees note %v", got["note"])
	}
	audit, err := e.store.AuditOf(t.Context(), "booking", id(bk))
	if err != nil || len(audit) != 1 || *audit[0].UserID != 1 {
		t.Errorf("the admin's read of the booking must be audited once, got %v (%v)", audit, err)
	}

	// Legal aid: the applicant and the centre's officers; not another
	// resident, not a lawyer who is not assigned, not the bureau.
	app := residentA.object("POST", "/api/v1/legal-aid/applications", aidForm(nil), 201)
	apath := fmt.Sprintf("/api/v1/legal-aid/applications/%d", id(app))
	for _, tc := range []struct {
		who  string
		c    *client
		path string
		want int
	}{
		{"resident A", residentA, apath, 200}, {"resident B", residentB, apath, 404},
		{"a lawyer not assigned", lawyerOn, apath, 404}, {"admin", admin, apath, 404}, {"aid officer", officer, apath, 200},
		{"resident B", residentB, apath + "/decision.pdf", 404}, {"a lawyer not assigned", lawyerOff, apath + "/decision.pdf", 404},
	} {
		if res := tc.c.do("GET", tc.path, nil); res.status != tc.want {
			t.Errorf("GET %s as %s: %d, want %d", tc.path, tc.who, res.status, tc.want)
		}
	}
	if res := residentB.do("POST", apath+"/actions", map[string]any{"action": "withdraw"}); res.status != 404 {
		t.Errorf("resident B withdrawing A's application: %d, want 404", res.status)
	}
}
