package api

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/legaldesk/legaldesk/internal/legalaid"
	"github.com/legaldesk/legaldesk/internal/notify"
	"github.com/legaldesk/legaldesk/internal/testenv"
)

const day = 24 * time.Hour

// letterText is a letter's PDF text with the line breaks of its layout
// taken out, so that phrases wrapped across lines still match.
func letterText(t *testing.T, c *client, path string) string {
	t.Helper()
	pdf := c.wantStatus(c.do("GET", path, nil), 200)
	return strings.Join(strings.Fields(testenv.PDFText(t, pdf.body)), "")
}

func wantText(t *testing.T, text string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("the letter lacks %q:\n%s", w, text)
		}
	}
}

// smsTo lists the outbox entries of one kind sent to a phone.
func (e *env) smsTo(phone, kind string) []notify.Entry {
	e.t.Helper()
	list, err := e.store.Outbox(context.Background(), notify.Filter{RecipientIndex: e.box.Index("phone", phone), Kind: kind, Limit: 10})
	if err != nil {
		e.t.Fatal(err)
	}
	return list
}

// officer signs in the demo's officer, or creates one where there is no demo.
func (e *env) officer(seeded bool) *client {
	c := e.client()
	if seeded {
		c.signIn("13900000002")
	} else {
		c.signInStaff("aid_officer", "13900000002")
	}
	return c
}

// Arts. 25, 36: an officer registers a court's notice; no economic path,
// never refused, assigned within three days of receipt (Art. 26: a senior
// lawyer for a capital case).
func TestNotifiedDefence(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		e.seedDemo()
		officer := e.officer(true)
		res := officer.wantStatus(officer.do("POST", "/api/v1/legal-aid/notices", map[string]any{"organ": "mayor", "notice_date": "2027-01-01"}), 400)
		if _, _, fields := res.errorOf(t); fields["organ"] == nil || fields["case_number"] == nil || fields["category"] == nil || fields["name"] == nil || fields["notice_date"] == nil {
			t.Fatalf("fields: %s", res.body)
		}
		r := e.resident("13800000001")
		r.wantStatus(r.do("POST", "/api/v1/legal-aid/notices", map[string]any{}), 403)
		app := officer.object("POST", "/api/v1/legal-aid/notices", map[string]any{"organ": "court", "organ_name": "高平市人民法院",
			"case_number": "（2026）晋0581刑初123号", "notice_date": "2026-11-19", "category": "life_or_death", "name": "李某某"}, 201)
		if app["origin"] != "notified" || app["status"] != "approved" || app["path"] != nil || app["mandatory"] != true {
			t.Fatalf("registered: %v", app)
		}
		path := fmt.Sprintf("/api/v1/legal-aid/applications/%d", id(app))
		q := items(officer.object("GET", "/api/v1/legal-aid/queue", nil, 200), "items")
		if c := q[0]["clock"].(map[string]any); id(q[0]) != id(app) || c["step"] != "assign_notified" || c["due"] != "2026-11-23" {
			t.Fatalf("the board: %v", q[0])
		}
		officer.wantStatus(officer.do("POST", path+"/actions", map[string]any{"action": "reject", "reason": "不符合经济困难条件"}), 409)
		e.advance(2 * day)
		var senior, junior float64
		for _, s := range items(officer.object("GET", path+"/lawyer-suggestions", nil, 200), "items") {
			switch {
			case s["forbidden"] != nil && junior == 0:
				junior = s["lawyer_id"].(float64)
			case s["forbidden"] == nil && s["conflict"] == nil && senior == 0:
				senior = s["lawyer_id"].(float64)
			}
		}
		if senior == 0 {
			t.Fatal("no senior lawyer suggested")
		}
		if junior != 0 {
			officer.wantStatus(officer.do("POST", path+"/actions", map[string]any{"action": "assign", "lawyer_id": junior}), 400)
		}
		got := officer.object("POST", path+"/actions", map[string]any{"action": "assign", "lawyer_id": senior}, 200)
		if got["status"] != "assigned" {
			t.Fatalf("assigned: %v", got["status"])
		}
		steps := items(officer.object("GET", path, nil, 200), "timeline")
		if steps[0]["action"] != "register_notice" || steps[1]["action"] != "assign" {
			t.Fatalf("timeline: %v", steps)
		}
	})
}

// Art. 43: the one notice reaches the applicant (SMS in the outbox, a
// printable notice listing everything, in "my applications"); an upload
// after it waits for the officer's look and deemed withdrawal does not
// fire; the review period resumes with the days paused added.
func TestMaterialsNoticeReachesApplicant(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		r := e.resident("13800000001")
		app := r.object("POST", "/api/v1/legal-aid/applications", aidForm(nil), 201)
		path := fmt.Sprintf("/api/v1/legal-aid/applications/%d", id(app))
		officer := e.officer(false)
		notice := map[string]any{"action": "request_materials", "missing": []string{"身份证复印件", "劳动合同或工资条"}, "supplement_by": "2026-11-24"}
		res := officer.wantStatus(officer.do("POST", path+"/actions", notice), 400) // four days: under the minimum
		if _, _, fields := res.errorOf(t); fields["supplement_by"] == nil {
			t.Fatalf("deadline: %s", res.body)
		}
		notice["supplement_by"] = "2026-11-25"
		officer.object("POST", path+"/actions", notice, 200)
		sms := e.smsTo("13800000001", "legal_aid_materials")
		if len(sms) != 1 || !strings.Contains(sms[0].Body, "身份证复印件；劳动合同或工资条") || !strings.Contains(sms[0].Body, "2026-11-25") {
			t.Fatalf("the SMS: %+v", sms)
		}
		mine := items(r.object("GET", "/api/v1/me/legal-aid", nil, 200), "items")
		if mine[0]["status"] != "materials_requested" || mine[0]["missing_materials"] != "身份证复印件；劳动合同或工资条" {
			t.Fatalf("my applications: %v", mine[0])
		}
		e.advance(3 * day) // printed on 11-23, dated on the day of the notice
		text := letterText(t, r, path+"/decision.pdf")
		wantText(t, text, "补充材料通知书", "身份证复印件；劳动合同或工资条", "2026年11月25日前", "视为撤回申请", "第四十三条", "高平市司法局", "高平市法律援助中心2026年11月20日")
		if strings.Contains(text, "2026年11月23日") {
			t.Error("the notice is dated the day it was printed")
		}
		e.advance(-1 * day) // 11-22: the applicant uploads
		r.wantStatus(r.upload(path+"/attachments", "劳动合同.pdf", pdfBytes), 201)
		e.advance(5 * day) // 11-27: past the deadline, but materials wait for a look
		q := items(officer.object("GET", "/api/v1/legal-aid/queue", nil, 200), "items")
		if len(q) != 1 || q[0]["status"] != "materials_requested" || q[0]["clock"].(map[string]any)["step"] != "check_materials" {
			t.Fatalf("the board: %v", q)
		}
		got := officer.object("POST", path+"/actions", map[string]any{"action": "supply"}, 200)
		if got["paused_days"] != float64(2) { // 11-20 → 11-22
			t.Fatalf("paused %v", got["paused_days"])
		}
		q = items(officer.object("GET", "/api/v1/legal-aid/queue", nil, 200), "items")
		if c := q[0]["clock"].(map[string]any); c["step"] != "decide" || c["due"] != "2026-11-29" {
			t.Fatalf("resumed: %v", c)
		}
	})
}

// Deemed withdrawal (Art. 43) is told to the applicant: an SMS and a letter.
func TestDeemedWithdrawalNotified(t *testing.T) {
	e := newEnv(t, "sqlite")
	r := e.resident("13800000001")
	app := r.object("POST", "/api/v1/legal-aid/applications", aidForm(nil), 201)
	path := fmt.Sprintf("/api/v1/legal-aid/applications/%d", id(app))
	officer := e.officer(false)
	officer.object("POST", path+"/actions", map[string]any{"action": "request_materials", "missing": []string{"收入证明"}, "supplement_by": "2026-11-25"}, 200)
	e.advance(6 * day)
	officer.object("GET", "/api/v1/legal-aid/queue", nil, 200)
	if sms := e.smsTo("13800000001", "legal_aid_withdrawn"); len(sms) != 1 {
		t.Fatalf("withdrawal SMS: %+v", sms)
	}
	e.advance(2 * day)
	wantText(t, letterText(t, r, path+"/decision.pdf"), "视为撤回申请通知书", "2026年11月25日前", "第四十三条", "高平市司法局", "高平市法律援助中心2026年11月26日")
}

// Art. 49: an officer records an objection handed in at the window for a
// walk-in on someone's behalf, by the aided person; the bureau's decision
// is final and its letter states the right to reconsideration or litigation.
func TestWindowObjectionForWalkIn(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		officer := e.officer(false)
		app := officer.object("POST", "/api/v1/legal-aid/applications", aidForm(map[string]any{"relation": "close_relative", "represented_name": "张小明"}), 201)
		path := fmt.Sprintf("/api/v1/legal-aid/applications/%d", id(app))
		e.advance(day) // refused on 11-21
		officer.object("POST", path+"/actions", map[string]any{"action": "reject", "reason": "家庭人均收入高于本市经济困难标准"}, 200)
		wantText(t, letterText(t, officer, path+"/decision.pdf"), "不予法律援助决定书", "张秀英（受援人：张小明）", "家庭人均收入高于本市经济困难标准",
			"第四十九条", "向高平市司法局提出", "高平市法律援助中心2026年11月21日")
		e.advance(day)
		got := officer.object("POST", path+"/objections", map[string]any{"reason": "家里的收入算错了，请复查", "objector": "aided_person"}, 201)
		if got["status"] != "objection_pending" {
			t.Fatalf("status %v", got["status"])
		}
		admin := e.client()
		admin.signInStaff("admin", "13900000001")
		open := items(admin.object("GET", "/api/v1/legal-aid/objections", nil, 200), "items")
		// Filed on 11-22: the bureau's five days end on 11-27 (Art. 49).
		if len(open) != 1 || open[0]["objector"] != "aided_person" || open[0]["channel"] != "window" || open[0]["due"] != "2026-11-27" || open[0]["overdue"] != false {
			t.Fatalf("the bureau's list: %v", open)
		}
		e.advance(2 * day) // decided on 11-24, within five days
		admin.object("POST", fmt.Sprintf("/api/v1/legal-aid/objections/%d/decision", id(open[0])), map[string]any{"decision": "uphold", "reason": "收入核算无误"}, 200)
		officer.wantStatus(officer.do("POST", path+"/objections", map[string]any{"reason": "仍然不服，再次提出"}), 409).wantError(t, legalaid.ErrObjectionDecided)
		e.advance(3 * day)
		wantText(t, letterText(t, officer, path+"/decision.pdf"), "法律援助异议审查决定书", "维持高平市法律援助中心的决定", "收入核算无误",
			"行政复议", "行政诉讼", "高平市司法局2026年11月24日")
	})
}

// Art. 48: the assigned lawyer reports a ground from the case, the officer
// terminates, the letter states the ground and the right to object; an
// overturned termination taken from "approved" is back on the board.
func TestTerminationReportedAndOverturned(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		e.seedDemo()
		r := e.resident("13800000001")
		officer := e.officer(true)
		admin := e.client()
		admin.signIn("13900000001")
		apply := func() string {
			app := r.object("POST", "/api/v1/legal-aid/applications", aidForm(nil), 201)
			path := fmt.Sprintf("/api/v1/legal-aid/applications/%d", id(app))
			officer.object("POST", path+"/actions", map[string]any{"action": "approve"}, 200)
			return path
		}
		assigned := apply()
		var lawyerID float64
		for _, s := range items(officer.object("GET", assigned+"/lawyer-suggestions", nil, 200), "items") {
			if s["conflict"] == nil && s["forbidden"] == nil {
				lawyerID = s["lawyer_id"].(float64)
				break
			}
		}
		officer.object("POST", assigned+"/actions", map[string]any{"action": "assign", "lawyer_id": lawyerID}, 200)
		lawyer := e.client()
		lawyer.signIn(demoPhone(lawyerID))
		lawyer.wantStatus(lawyer.do("POST", assigned+"/actions", map[string]any{"action": "terminate", "ground": "own_lawyer", "reason": "已自行委托"}), 403)
		got := lawyer.object("POST", assigned+"/actions", map[string]any{"action": "report_ground", "ground": "own_lawyer", "reason": "受援人告知已自行委托律师"}, 200)
		if got["status"] != "assigned" || got["reported_ground"] != "own_lawyer" {
			t.Fatalf("reported: %v", got)
		}
		e.advance(day)
		officer.object("POST", assigned+"/actions", map[string]any{"action": "terminate", "ground": got["reported_ground"], "reason": "受援人已自行委托律师"}, 200)
		e.advance(day)
		wantText(t, letterText(t, r, assigned+"/decision.pdf"), "终止法律援助决定书", "（六）受援人自行委托律师或者其他代理人", "第四十九条",
			"向高平市司法局提出", "高平市法律援助中心2026年11月21日")

		approved := apply()
		officer.object("POST", approved+"/actions", map[string]any{"action": "terminate", "ground": "no_longer_eligible", "reason": "家庭收入已明显增加"}, 200)
		r.object("POST", approved+"/objections", map[string]any{"reason": "收入并未增加，有工资条为证"}, 201)
		open := items(admin.object("GET", "/api/v1/legal-aid/objections", nil, 200), "items")
		got = admin.object("POST", fmt.Sprintf("/api/v1/legal-aid/objections/%d/decision", id(open[0])), map[string]any{"decision": "overturn", "reason": "收入未发生变化"}, 200)
		if got["status"] != "approved" || got["lawyer_id"] != nil {
			t.Fatalf("overturned: %v %v", got["status"], got["lawyer_id"])
		}
		var back bool
		for _, q := range items(officer.object("GET", "/api/v1/legal-aid/queue", nil, 200), "items") {
			back = back || (fmt.Sprintf("/api/v1/legal-aid/applications/%d", id(q)) == approved && q["clock"].(map[string]any)["step"] == "assign")
		}
		if !back {
			t.Fatal("the overturned termination is not back on the board to assign")
		}
		wantText(t, letterText(t, r, approved+"/decision.pdf?kind=objection"), "法律援助异议审查决定书", "终止法律援助", "责令高平市法律援助中心改正", "高平市司法局")
		wantText(t, letterText(t, r, approved+"/decision.pdf?kind=approval"), "给予法律援助决定书", "三日内指派", "向高平市司法局提出", "高平市法律援助中心")
		r.wantStatus(r.do("GET", approved+"/decision.pdf?kind=withdrawal", nil), 409).wantError(t, legalaid.ErrNoLetter)
		r.wantStatus(r.do("GET", approved+"/decision.pdf?kind=nonsense", nil), 400)
	})
}
