package api

import (
	"fmt"
	"strings"
	"testing"
)

// Art. 43: a submitted application tells the applicant its number and
// the day the decision is due by SMS, written with the application.
func TestAidReceivedSMS(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		r := e.resident("13800000001")
		app := r.object("POST", "/api/v1/legal-aid/applications", aidForm(nil), 201)
		sms := e.smsTo("13800000001", "legal_aid_received")
		if len(sms) != 1 {
			t.Fatalf("the receipt SMS: %+v", sms)
		}
		want := []string{"【法律援助】", "申请编号" + app["code"].(string), "2026年11月27日前作出决定", "凭申请编号和身份证号可查询进度"}
		for _, w := range want {
			if !strings.Contains(sms[0].Body, w) {
				t.Errorf("the SMS lacks %q: %s", w, sms[0].Body)
			}
		}
	})
}

// Art. 48: a termination names its ground; without one the API refuses
// it with a field error and the case stays as it was.
func TestAidTerminationNeedsGround(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		r := e.resident("13800000001")
		app := r.object("POST", "/api/v1/legal-aid/applications", aidForm(nil), 201)
		path := fmt.Sprintf("/api/v1/legal-aid/applications/%d", id(app))
		officer := e.officer(false)
		officer.object("POST", path+"/actions", map[string]any{"action": "approve"}, 200)
		res := officer.wantStatus(officer.do("POST", path+"/actions", map[string]any{"action": "terminate", "ground": "", "reason": "受援人要求终止"}), 400)
		if _, _, fields := res.errorOf(t); fields["ground"] == nil {
			t.Fatalf("fields: %s", res.body)
		}
		if got := officer.object("GET", path, nil, 200)["application"].(map[string]any); got["status"] != "approved" {
			t.Fatalf("status: %v", got["status"])
		}
	})
}

// The receipt's materials come in English too, item for item.
func TestAidChecklistInEnglish(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		r := e.resident("13800000001")
		app := r.object("POST", "/api/v1/legal-aid/applications", aidForm(nil), 201)
		zh, en := app["checklist"].([]any), app["checklist_en"].([]any)
		if len(zh) < 3 || len(en) != len(zh) {
			t.Fatalf("checklist %v / %v", zh, en)
		}
		for _, item := range en {
			if strings.ContainsAny(item.(string), "的证明材料") {
				t.Errorf("an English item in Chinese: %q", item)
			}
		}
	})
}
