package api

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/legaldesk/legaldesk/internal/mediation"
)

// referToMediation stores a consultation whose lawyer referred the
// resident (or a walk-in, with resident "") to mediation, at a township's
// station, and returns its id.
func (e *env) referToMediation(resident, visitor, township, category string) int64 {
	e.t.Helper()
	residentID := any(nil)
	if resident != "" {
		var id int64
		if err := e.store.DB().Get(&id, `SELECT id FROM users WHERE phone_index = ?`, e.box.Index("phone", resident)); err != nil {
			e.t.Fatal(err)
		}
		residentID = id
	}
	res, err := e.store.DB().Exec(`INSERT INTO consultations (site_id, lawyer_id, resident_id, walk_in, visitor, category, summary,
		outcome, referral, created_at) VALUES ((SELECT id FROM sites WHERE tier = 'station' AND township = ?),
		(SELECT MIN(id) FROM users WHERE role = 'lawyer'), ?, ?, ?, ?, '邻居在承包地上建棚，双方争执，建议人民调解。', 'mediation', 'mediation', ?)`,
		township, residentID, resident == "", visitor, category, e.now().UTC())
	if err != nil {
		e.t.Fatal(err)
	}
	id, _ := res.LastInsertId()
	return id
}

func (e *env) mediator() *client {
	c := e.client()
	c.signIn("13900000004")
	return c
}

func committeeID(t *testing.T, c *client, name string) int64 {
	t.Helper()
	for _, m := range items(c.object("GET", "/api/v1/mediation/committees", nil, 200), "items") {
		if m["name"] == name {
			return id(m)
		}
	}
	t.Fatalf("no committee %s", name)
	return 0
}

// TestDisputeFromReferral: a consultation referred to mediation waits for
// the mediator, who takes it in (once); the dispute goes accepted →
// mediating → resolved, each step in its history, and then never changes.
// Illegal steps are refused with the workflow's own errors.
func TestDisputeFromReferral(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		e.seedDemo()
		m, k := e.mediator(), newConformance(t)
		cons := e.referToMediation("13800000001", "", "米山镇", "土地承包")
		refs := items(k.call(m, "GET", "/api/v1/mediation/referrals", nil, 200).json(t), "items")
		if len(refs) != 1 || refs[0]["phone"] != "138****0001" || refs[0]["suggested_type"] != "land" || refs[0]["township"] != "米山镇" {
			t.Fatalf("referrals: %v", refs)
		}
		intake := map[string]any{"consultation_id": cons, "type": "land", "township": "米山镇",
			"summary": "邻居在承包地上建棚，双方争执。", "parties": []map[string]any{
				{"role": "applicant", "name": "王建军"}, {"role": "respondent", "name": "李国平", "phone": "13800000009"}}}
		d := k.call(m, "POST", "/api/v1/disputes", intake, 201).json(t)
		if d["source"] != "consultation" || d["status"] != "accepted" || d["origin"] == nil || !strings.HasPrefix(d["number"].(string), "M2026") {
			t.Fatalf("dispute: %v", d)
		}
		parties := d["parties"].([]any)
		if p := parties[0].(map[string]any); p["name"] != "王建军" || p["phone"] != "13800000001" {
			t.Fatalf("the applicant keeps the consulting resident's phone: %v", p)
		}
		if c := d["clock"].(map[string]any); c["due"] != "2026-12-20" || c["days_left"].(float64) != 30 {
			t.Fatalf("clock: %v", c)
		}
		// One dispute per consultation: the referral is gone.
		m.wantStatus(m.do("POST", "/api/v1/disputes", intake), 404)
		if refs := items(m.object("GET", "/api/v1/mediation/referrals", nil, 200), "items"); len(refs) != 0 {
			t.Fatalf("taken referral still listed: %v", refs)
		}
		path := fmt.Sprintf("/api/v1/disputes/%d", id(d))
		m.do("PATCH", path, map[string]any{"action": "start"}).wantError(t, mediation.ErrNotAssigned)
		k.callInvalid(m, "PATCH", path, map[string]any{"action": "resolve", "agreement_date": "2026-11-20", "agreement": "双方同意拆除棚子"}, 409)
		k.callInvalid(m, "PATCH", path, map[string]any{"action": "assign"}, 400)
		comm := committeeID(t, m, "米山镇人民调解委员会")
		got := k.call(m, "PATCH", path, map[string]any{"action": "assign", "committee_id": comm}, 200).json(t)
		if got["committee_name"] != "米山镇人民调解委员会" {
			t.Fatalf("assigned: %v", got)
		}
		k.call(m, "PATCH", path, map[string]any{"action": "start"}, 200)
		bad := m.wantStatus(m.do("PATCH", path, map[string]any{"action": "resolve", "agreement_date": "2026-11-19", "agreement": "双方同意拆除棚子"}), 400)
		if _, _, f := bad.errorOf(t); f["agreement_date"] == nil {
			t.Fatalf("an agreement before acceptance: %s", bad.body)
		}
		got = k.call(m, "PATCH", path, map[string]any{"action": "resolve", "agreement_date": "2026-11-20", "agreement": "双方同意三日内拆除棚子，互不追究。"}, 200).json(t)
		if got["status"] != "resolved" || got["closed_at"] == nil || got["clock"] != nil || len(got["events"].([]any)) != 4 {
			t.Fatalf("resolved: %v", got)
		}
		for _, step := range []map[string]any{{"action": "withdraw", "reason": "申请人撤回"}, {"action": "assign", "committee_id": comm},
			{"action": "fail", "referred_to": "court", "reason": "无法达成"}} {
			m.do("PATCH", path, step).wantError(t, mediation.ErrClosed)
		}
		// The bureau reads it with names masked; others are refused.
		view := k.call(e.admin(), "GET", path, nil, 200).json(t)
		if p := view["parties"].([]any)[1].(map[string]any); p["name"] != "李**" || p["phone"] != "138****0009" {
			t.Fatalf("the bureau's view: %v", p)
		}
		admin := e.admin()
		admin.wantStatus(admin.do("PATCH", path, map[string]any{"action": "start"}), 403)
		m.wantStatus(m.do("GET", "/api/v1/disputes/999999", nil), 404)
		if n := e.count(`SELECT COUNT(*) FROM audit_log WHERE object = 'dispute' AND object_id = ? AND action = 'read'`, id(d)); n < 2 {
			t.Fatalf("%d audited reads", n)
		}
	})
}

// TestDisputeNotResolved: mediation that fails ends with the route the
// parties are told of (Art. 26), in a text to each party with a phone,
// written with the step.
func TestDisputeNotResolved(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		e.seedDemo()
		m, k := e.mediator(), newConformance(t)
		rooms := k.call(m, "GET", "/api/v1/mediation/committees", nil, 200).json(t)["rooms"].([]any)
		if len(rooms) != 9 {
			t.Fatalf("%d dispatched rooms, want 9", len(rooms))
		}
		d := k.call(m, "POST", "/api/v1/disputes", map[string]any{"type": "labour", "township": "北城街道", "summary": "工厂拖欠两个月工资。",
			"room_site_id": id(rooms[0].(map[string]any)), "parties": []map[string]any{
				{"role": "applicant", "name": "赵敏", "phone": "13800000005"}, {"role": "applicant", "name": "周杰"},
				{"role": "respondent", "name": "高平泫氏实业有限公司", "phone": "13700000001"}}}, 201).json(t)
		if d["source"] != "staff" || d["room_name"] == "" || len(d["events"].([]any)) != 2 {
			t.Fatalf("dispute: %v", d)
		}
		path := fmt.Sprintf("/api/v1/disputes/%d", id(d))
		k.call(m, "PATCH", path, map[string]any{"action": "start"}, 200)
		m.wantStatus(m.do("PATCH", path, map[string]any{"action": "fail", "reason": "公司拒绝支付"}), 400)
		got := k.call(m, "PATCH", path, map[string]any{"action": "fail", "referred_to": "arbitration", "reason": "公司拒绝支付"}, 200).json(t)
		if got["status"] != "unresolved" || got["referred_to"] != "arbitration" {
			t.Fatalf("unresolved: %v", got)
		}
		if n := e.count(`SELECT COUNT(*) FROM outbox WHERE kind = 'mediation_unresolved' AND body LIKE '%第二十六条%' AND body LIKE '%仲裁%'`); n != 2 {
			t.Fatalf("%d notices, want one per party with a phone (2)", n)
		}
	})
}

// TestDisputeBoard: the board counts every column and puts the overdue
// first; the clock turns near-due in the last five days and overdue after
// the 30th day, China time.
func TestDisputeBoard(t *testing.T) {
	e := newEnv(t, "sqlite")
	e.seedDemo()
	m, k := e.mediator(), newConformance(t)
	make := func(summary string) int64 {
		return id(m.object("POST", "/api/v1/disputes", map[string]any{"type": "neighbour", "township": "米山镇", "summary": summary,
			"parties": []map[string]any{{"role": "applicant", "name": "甲某"}, {"role": "respondent", "name": "乙某"}}}, 201))
	}
	first := make("排水沟堵塞引起的邻里纠纷。")
	e.advance(6 * 24 * time.Hour)
	second := make("院墙越界引起的邻里纠纷。")
	m.object("PATCH", fmt.Sprintf("/api/v1/disputes/%d", second), map[string]any{"action": "withdraw", "reason": "双方自行和解，申请人撤回"}, 200)
	third := make("宅基地通道引起的邻里纠纷。")
	e.advance(19 * 24 * time.Hour) // day 25 of the first
	b := k.call(m, "GET", "/api/v1/disputes", nil, 200).json(t)
	if c := b["counts"].(map[string]any); c["accepted"].(float64) != 2 || c["withdrawn"].(float64) != 1 {
		t.Fatalf("counts: %v", c)
	}
	list := items(b, "items")
	if len(list) != 2 || id(list[0]) != first || id(list[1]) != third || list[0]["clock"].(map[string]any)["near_due"] != true || b["near_due"].(float64) != 1 {
		t.Fatalf("board on day 25: %v", b)
	}
	e.advance(6 * 24 * time.Hour) // day 31
	b = m.object("GET", "/api/v1/disputes?township=米山镇", nil, 200)
	if clock := items(b, "items")[0]["clock"].(map[string]any); clock["overdue"] != true || b["overdue"].(float64) != 1 {
		t.Fatalf("board on day 31: %v", b)
	}
	if list := items(k.call(m, "GET", "/api/v1/disputes?status=withdrawn", nil, 200).json(t), "items"); len(list) != 1 || id(list[0]) != second {
		t.Fatalf("the withdrawn column: %v", list)
	}
	m.wantStatus(m.do("GET", "/api/v1/disputes?status=lost", nil), 400)
}

// TestDisputeBadInput: every field of the intake is checked, with a
// message on the field.
func TestDisputeBadInput(t *testing.T) {
	e := newEnv(t, "sqlite")
	e.seedDemo()
	m := e.mediator()
	ok := map[string]any{"type": "family", "township": "米山镇", "summary": "赡养老人费用分担纠纷。",
		"parties": []map[string]any{{"role": "applicant", "name": "甲某"}, {"role": "respondent", "name": "乙某"}}}
	for name, c := range map[string]struct {
		key   string
		value any
		field string
	}{
		"type":        {"type", "feud", "type"},
		"summary":     {"summary", "短", "summary"},
		"township":    {"township", "", "township"},
		"no such":     {"township", "火星镇", "township"},
		"one side":    {"parties", []map[string]any{{"role": "applicant", "name": "甲某"}}, "parties"},
		"phone":       {"parties", []map[string]any{{"role": "applicant", "name": "甲某", "phone": "12345"}, {"role": "respondent", "name": "乙某"}}, "parties"},
		"id number":   {"parties", []map[string]any{{"role": "applicant", "name": "甲某", "id_number": "110101199001011234"}, {"role": "respondent", "name": "乙某"}}, "parties"},
		"committee":   {"committee_id", 999999, "committee_id"},
		"referral":    {"consultation_id", 999999, "consultation_id"},
		"nameless":    {"parties", []map[string]any{{"role": "applicant", "name": ""}, {"role": "respondent", "name": "乙某"}}, "parties"},
		"role":        {"parties", []map[string]any{{"role": "judge", "name": "甲某"}, {"role": "respondent", "name": "乙某"}}, "parties"},
		"not a party": {"parties", "甲某", ""},
	} {
		body := map[string]any{}
		for k, v := range ok {
			body[k] = v
		}
		body[c.key] = c.value
		res := m.do("POST", "/api/v1/disputes", body)
		if res.status != 400 && res.status != 404 {
			t.Errorf("%s: %d %s", name, res.status, res.body)
			continue
		}
		if _, _, f := res.errorOf(t); c.field != "" && f[c.field] == nil {
			t.Errorf("%s: no message on %s: %s", name, c.field, res.body)
		}
	}
	if n := e.count(`SELECT COUNT(*) FROM disputes`); n != 0 {
		t.Fatalf("%d disputes written by bad requests", n)
	}
	lawyer := e.client()
	lawyer.signIn("13900000101")
	lawyer.wantStatus(lawyer.do("POST", "/api/v1/disputes", ok), 403)
	m.object("POST", "/api/v1/disputes", ok, 201)
}

// TestOneDisputePerConsultation: mediators taking the same referral in at
// once get one dispute; the others are told it is taken (or gone), and
// the UNIQUE key, not the check before it, is the guard.
func TestOneDisputePerConsultation(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		e.seedDemo()
		cons := e.referToMediation("", "张大爷", "河西镇", "婚姻家庭")
		body := map[string]any{"consultation_id": cons, "type": "family", "township": "河西镇", "summary": "赡养费分担引起的家庭纠纷。",
			"parties": []map[string]any{{"role": "applicant", "name": "张大爷"}, {"role": "respondent", "name": "张某某"}}}
		// One mediator's session (sign-ins are rate-limited), eight requests.
		m := e.mediator()
		clients := []*client{m, m, m, m, m, m, m, m}
		statuses := make(chan int, len(clients))
		var wg sync.WaitGroup
		for _, c := range clients {
			wg.Add(1)
			go func() {
				defer wg.Done()
				statuses <- c.do("POST", "/api/v1/disputes", body).status
			}()
		}
		wg.Wait()
		close(statuses)
		created := 0
		for s := range statuses {
			switch s {
			case 201:
				created++
			case 404, 409:
			default:
				t.Errorf("status %d", s)
			}
		}
		if n := e.count(`SELECT COUNT(*) FROM disputes WHERE consultation_id = ?`, cons); created != 1 || n != 1 {
			t.Fatalf("%d created, %d stored; want one", created, n)
		}
	})
}
