package api

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/notary"
)

// book makes a one-matter visit for c on the first start of the day.
func book(t *testing.T, c *client, matter int, day string) map[string]any {
	st := starts(c, fmt.Sprint(matter), day)
	return c.object("POST", "/api/v1/notary/bookings", map[string]any{"slot_id": st[0]["slot_id"], "matter_ids": []int{matter},
		"parties": []map[string]any{{"name": "当事人"}}, "id_number": idNumber("19850101", "001")}, 201)
}

// TestNotaryAccess: a resident sees only their own visits and materials, a
// clerk sees the office's (audited), a lawyer and an administrator none.
func TestNotaryAccess(t *testing.T) {
	e, clerk := notaryEnv(t, "sqlite")
	a, b := e.resident("13800000001"), e.resident("13800000002")
	lawyer, admin := e.client(), e.client()
	lawyer.signIn("13900000101")
	admin.signIn("13900000001")
	v := book(t, a, entrust, "2026-12-09")
	path := fmt.Sprintf("/api/v1/notary/bookings/%d", id(v))
	up := a.wantStatus(a.uploadItem(path+"/materials", "身份证", pngBytes), 201).json(t)
	file := fmt.Sprintf("/api/v1/notary/materials/%d", id(up))

	for _, p := range []string{path, file} {
		b.do("GET", p, nil).wantError(t, errs.New(errs.NotFound, "公证预约不存在", ""))
		a.wantStatus(a.do("GET", p, nil), 200)
		clerk.wantStatus(clerk.do("GET", p, nil), 200)
		lawyer.wantStatus(lawyer.do("GET", p, nil), 403)
		admin.wantStatus(admin.do("GET", p, nil), 403)
	}
	b.uploadItem(path+"/materials", "身份证", pngBytes).wantError(t, errs.New(errs.NotFound, "公证预约不存在", ""))
	b.do("POST", path+"/status", map[string]any{"status": "cancelled"}).wantError(t, errs.New(errs.NotFound, "公证预约不存在", ""))
	if mine := items(b.object("GET", "/api/v1/me/notary-bookings", nil, 200), "items"); len(mine) != 0 {
		t.Fatalf("another resident lists %d visits", len(mine))
	}
	if n := e.count(`SELECT COUNT(*) FROM audit_log WHERE action = 'read' AND object = 'notary_visit' AND object_id = ?`, id(v)); n == 0 {
		t.Fatal("the clerk's read was not audited")
	}
	// A resident cannot close their visit as done, only cancel it.
	a.do("POST", path+"/status", map[string]any{"status": "done", "certificate_no": "X1"}).wantError(t,
		errs.New(errs.Forbidden, "只有公证处工作人员可以办结", ""))
	// Cancelling frees the place.
	a.object("POST", path+"/status", map[string]any{"status": "cancelled"}, 200)
	if n := e.count(`SELECT COUNT(*) FROM notary_slots WHERE booked > 0`); n != 0 {
		t.Fatalf("%d slots still booked after the cancel", n)
	}
}

// TestNotaryWhoComes: an agent may act for most matters, never for an
// in-person-only one (Notary Law Art. 26); a bedridden testator's will is
// still possible as a home visit, which the clerk schedules on the office's
// calendar and the resident then sees with its date.
func TestNotaryWhoComes(t *testing.T) {
	e, clerk := notaryEnv(t, "sqlite")
	a := e.resident("13800000001")
	st := starts(a, "2", "2026-12-10")
	withAgent := map[string]any{"slot_id": st[0]["slot_id"], "matter_ids": []int{will},
		"parties": []map[string]any{{"name": "王老汉"}, {"name": "李代理", "agent": true}}, "id_number": idNumber("19850101", "001")}
	a.do("POST", "/api/v1/notary/bookings", withAgent).wantError(t, notary.ErrAgentInPerson)
	withAgent["matter_ids"] = []int{inheritance}
	agentVisit := a.object("POST", "/api/v1/notary/bookings", withAgent, 201)
	if list := checklistOf(agentVisit); list[notary.PowerOfAttorney] == nil {
		t.Fatalf("no power of attorney on an agent's checklist: %v", agentVisit["checklist"])
	}

	old := idNumber("19450301", "011")
	home := map[string]any{"matter_ids": []int{will}, "parties": []map[string]any{{"name": "王老汉"}}, "id_number": old,
		"address": "高平市米山镇米西村3号", "reason": "卧床不起，无法到公证处", "preferred_dates": "12月上旬上午"}
	young := map[string]any{}
	for k, v := range home {
		young[k] = v
	}
	young["id_number"] = idNumber("19900101", "012")
	a.do("POST", "/api/v1/notary/home-visits", young).wantError(t, notary.ErrNotEligible)
	noHome := map[string]any{}
	for k, v := range home {
		noHome[k] = v
	}
	noHome["matter_ids"] = []int{degree}
	a.do("POST", "/api/v1/notary/home-visits", noHome).wantError(t, notary.ErrNoHomeVisit)
	req := a.object("POST", "/api/v1/notary/home-visits", home, 201)
	if req["status"] != "requested" || req["priority"] != true || req["priority_reason"] != "elderly" {
		t.Fatalf("home request: %v", req)
	}
	queue := items(clerk.object("GET", "/api/v1/notary/home-visits", nil, 200), "items")
	if len(queue) != 1 || id(queue[0]) != id(req) {
		t.Fatalf("the clerk's home-visit queue: %v", queue)
	}
	sched := clerk.object("PATCH", fmt.Sprintf("/api/v1/notary/home-visits/%d", id(req)),
		map[string]any{"starts_at": "2026-12-11T09:00:00+08:00", "notary_name": "赵公证员"}, 200)
	if sched["status"] != "booked" || sched["notary_name"] != "赵公证员" {
		t.Fatalf("scheduled: %v", sched)
	}
	// The will takes 60 minutes: the 09:00 and 09:30 slots lose one notary.
	blocked := e.count(`SELECT COUNT(*) FROM notary_slots s JOIN notary_visit_slots x ON x.slot_id = s.id
		WHERE x.visit_id = ? AND s.capacity = 1`, id(req))
	if blocked != 2 {
		t.Fatalf("the home visit took a notary off %d slots, want 2", blocked)
	}
	var seen bool
	for _, v := range items(a.object("GET", "/api/v1/me/notary-bookings", nil, 200), "items") {
		if id(v) == id(req) && v["starts_at"] == "2026-12-11T09:00:00+08:00" {
			seen = true
		}
	}
	if !seen {
		t.Fatal("the resident does not see the home visit's date")
	}
	// Scheduled once only.
	clerk.do("PATCH", fmt.Sprintf("/api/v1/notary/home-visits/%d", id(req)),
		map[string]any{"starts_at": "2026-12-11T09:00:00+08:00", "notary_name": "赵公证员"}).wantError(t,
		errs.New(errs.Conflict, "该上门申请已安排或已结束", ""))
}

// TestNotaryReminders: the day before, a booked visit gets one reminder,
// however often the sweep runs; a cancelled visit gets none.
func TestNotaryReminders(t *testing.T) {
	e, _ := notaryEnv(t, "sqlite")
	a, b := e.resident("13800000001"), e.resident("13800000002")
	kept := book(t, a, entrust, "2026-12-09")
	gone := book(t, b, entrust, "2026-12-09")
	b.object("POST", fmt.Sprintf("/api/v1/notary/bookings/%d/status", id(gone)), map[string]any{"status": "cancelled"}, 200)
	r := &notary.Reminders{Store: e.store, Notify: e.api.Accounts, Log: e.api.log, Now: e.now, Kinds: notary.DefaultReminders}
	if n, err := r.RunOnce(context.Background()); err != nil || n != 0 {
		t.Fatalf("ten days ahead: %d sent, %v", n, err)
	}
	e.advance(18*24*time.Hour + 6*time.Hour) // 2026-12-08 16:00, the afternoon before
	for want := 1; want >= 0; want-- {
		if n, err := r.RunOnce(context.Background()); err != nil || n != want {
			t.Fatalf("the day before: %d sent, want %d (%v)", n, want, err)
		}
	}
	if n := e.count(`SELECT COUNT(*) FROM notary_notices WHERE visit_id = ?`, id(kept)); n != 1 {
		t.Fatalf("%d notices for the kept visit", n)
	}
}

// TestNotaryWaitlist: when a visit is cancelled, the first resident
// waiting for that day is offered its time (held, and told by SMS).
func TestNotaryWaitlist(t *testing.T) {
	e, _ := notaryEnv(t, "sqlite")
	a, b := e.resident("13800000001"), e.resident("13800000002")
	join := map[string]any{"date": "2026-12-09", "matter_ids": []int{entrust}}
	b.object("POST", "/api/v1/notary/waitlist", join, 201)
	b.do("POST", "/api/v1/notary/waitlist", join).wantError(t, errs.New(errs.Conflict, "您已在当天的候补名单中", ""))
	b.do("POST", "/api/v1/notary/waitlist", map[string]any{"date": "2026-11-01", "matter_ids": []int{entrust}}).wantError(t,
		errs.New(errs.Invalid, "请选择可预约范围内的日期", "").Field("date", "", ""))
	v := book(t, a, entrust, "2026-12-09")
	a.object("POST", fmt.Sprintf("/api/v1/notary/bookings/%d/status", id(v)), map[string]any{"status": "cancelled"}, 200)
	if n := e.count(`SELECT COUNT(*) FROM notary_waitlist WHERE status = 'offered' AND slot_id IS NOT NULL`); n != 1 {
		t.Fatalf("%d offers", n)
	}
	if n := e.count(`SELECT COUNT(*) FROM outbox WHERE kind = 'notary_waitlist'`); n != 1 {
		t.Fatalf("%d waitlist notices", n)
	}
}
