package api

import (
	"fmt"
	"testing"
)

// Art. 44: with four days to the limitation date an officer gives aid
// first; the lawyer is assigned at once and the board shows the formal
// decision still pending; approving later keeps the lawyer.
func TestAdvanceAidGiven(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		e.seedDemo()
		r := e.resident("13800000001")
		app := r.object("POST", "/api/v1/legal-aid/applications", aidForm(map[string]any{"limitation_date": "2026-11-24"}), 201)
		path := fmt.Sprintf("/api/v1/legal-aid/applications/%d", id(app))
		officer := e.officer(true)
		var lawyerID float64
		for _, s := range items(officer.object("GET", path+"/lawyer-suggestions", nil, 200), "items") {
			if s["conflict"] == nil && s["forbidden"] == nil {
				lawyerID = s["lawyer_id"].(float64)
				break
			}
		}
		// Art. 44: no ground chosen is refused, never taken as the first.
		res := officer.wantStatus(officer.do("POST", path+"/actions", map[string]any{"action": "grant_advance", "ground": "", "lawyer_id": lawyerID}), 400)
		if _, _, fields := res.errorOf(t); fields["ground"] == nil {
			t.Fatalf("no ground: %s", res.body)
		}
		res = officer.wantStatus(officer.do("POST", path+"/actions", map[string]any{"action": "grant_advance", "ground": "limitation"}), 400)
		if _, _, fields := res.errorOf(t); fields["lawyer_id"] == nil {
			t.Fatalf("no lawyer: %s", res.body)
		}
		got := officer.object("POST", path+"/actions", map[string]any{"action": "grant_advance", "ground": "limitation", "lawyer_id": lawyerID}, 200)
		if got["status"] != "assigned" || got["advance_ground"] != "limitation" || got["decided_at"] != nil {
			t.Fatalf("advance aid: %v", got)
		}
		q := items(officer.object("GET", "/api/v1/legal-aid/queue", nil, 200), "items")
		c := q[0]["clock"].(map[string]any)
		if id(q[0]) != id(app) || c["step"] != "advance_formalities" || c["advance_aid"] != true || fmt.Sprint(c["pending"]) != "[decision]" {
			t.Fatalf("the board: %v", q)
		}
		if sms := e.smsTo("13800000001", "legal_aid_advance"); len(sms) != 1 {
			t.Fatalf("advance SMS: %v", sms)
		}
		lawyer := e.client()
		lawyer.signIn(demoPhone(lawyerID))
		lawyer.object("GET", path, nil, 200)
		e.advance(2 * day)
		got = officer.object("POST", path+"/actions", map[string]any{"action": "approve"}, 200)
		if got["status"] != "assigned" || got["lawyer_id"] != lawyerID {
			t.Fatalf("the formal decision: %v", got)
		}
		if q := items(officer.object("GET", "/api/v1/legal-aid/queue", nil, 200), "items"); len(q) != 0 {
			t.Fatalf("still on the board: %v", q)
		}
		wantText(t, letterText(t, r, path+"/decision.pdf?kind=approval"), "给予法律援助决定书", "高平市法律援助中心2026年11月22日")
	})
}
