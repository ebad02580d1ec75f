package api

import (
	"bytes"
	"context"
	"fmt"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"github.com/legaldesk/legaldesk/internal/notary"
	"github.com/legaldesk/legaldesk/internal/notify"
	"github.com/legaldesk/legaldesk/internal/pii"
)

// Demo catalogue ids (internal/demo/notary.go): 1 继承 (60 min), 2 遗嘱
// (60, in person only, home visit possible), 3 委托 (30), 4 声明 (30),
// 10 学历 (20, no home visit).
const (
	inheritance, will, entrust, declaration, degree = 1, 2, 3, 4, 10
)

// idNumber makes a valid ID number born on birth (YYYYMMDD).
func idNumber(birth, seq string) string {
	s := "140581" + birth + seq
	return s + string(pii.IDCheckChar(s))
}

// notaryEnv is the demo with the notary office's December opened.
func notaryEnv(t *testing.T, engine string) (*env, *client) {
	e := newEnv(t, engine, manyResidents)
	e.seedDemo()
	clerk := e.client()
	clerk.signIn("13900000003")
	r := clerk.object("POST", "/api/v1/notary/calendar", map[string]any{"from": "2026-12-01", "to": "2026-12-31", "capacity": 2}, 200)
	if r["created"].(float64) < 100 {
		t.Fatalf("calendar: %v", r)
	}
	return e, clerk
}

func starts(c *client, matters, day string) []map[string]any {
	return items(c.object("GET", "/api/v1/notary/slots?matter_ids="+matters+"&from="+day+"&to="+day, nil, 200), "items")
}

// uploadItem posts one file for a checklist item.
func (c *client) uploadItem(path, item string, data []byte) response {
	c.e.t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	w.WriteField("item", item)
	part, _ := w.CreateFormFile("file", "scan.png")
	part.Write(data)
	w.Close()
	req, _ := http.NewRequest("POST", c.e.srv.URL+path, &buf)
	req.Header.Set("Content-Type", w.FormDataContentType())
	res, err := c.http.Do(req)
	if err != nil {
		c.e.t.Fatal(err)
	}
	defer res.Body.Close()
	var b bytes.Buffer
	b.ReadFrom(res.Body)
	return response{status: res.StatusCode, header: res.Header, body: b.Bytes()}
}

func checklistOf(v map[string]any) map[string]map[string]any {
	out := map[string]map[string]any{}
	for _, it := range v["checklist"].([]any) {
		m := it.(map[string]any)
		out[m["name"].(string)] = m
	}
	return out
}

func TestNotaryPackageFlow(t *testing.T) {
	e, clerk := notaryEnv(t, "sqlite")
	if got := items(e.client().object("GET", "/api/v1/notary/matters?q=遗嘱", nil, 200), "items"); len(got) != 1 || got[0]["in_person_only"] != true {
		t.Fatalf("search 遗嘱: %v", got)
	}
	a := e.resident("13800000001")
	// Inheritance and a will together take 120 minutes: 4 slots, so the
	// last start of the morning is 10:00 and none crosses lunch.
	st := starts(a, "1,2", "2026-12-07")
	if len(st) == 0 || !strings.HasPrefix(st[0]["starts_at"].(string), "2026-12-07T09:00") || !strings.HasPrefix(st[0]["ends_at"].(string), "2026-12-07T11:00") {
		t.Fatalf("starts: %v", st)
	}
	for _, s := range st {
		if at := s["starts_at"].(string); at > "2026-12-07T10:00:00+08:00" && at < "2026-12-07T14:30" {
			t.Fatalf("a package crossing lunch was offered at %s", at)
		}
	}
	h := a.object("POST", "/api/v1/notary/holds", map[string]any{"slot_id": st[0]["slot_id"]}, 201)
	body := map[string]any{"hold_id": h["hold_id"], "matter_ids": []int{inheritance, will},
		"parties": []map[string]any{{"name": "王秀兰"}, {"name": "王建国"}}, "id_number": idNumber("19800101", "002")}
	r := a.wantStatus(a.do("POST", "/api/v1/notary/bookings", body, "Idempotency-Key", "n-1"), 201)
	v := r.json(t)
	list := checklistOf(v)
	// 身份证 and 户口簿 are asked by both matters and listed once.
	if len(list["身份证"]["matters"].([]any)) != 2 || list["户口簿"]["later"] != false || list["亲属关系证明"]["later"] != true {
		t.Fatalf("checklist: %v", v["checklist"])
	}
	if v["status"] != "booked" || v["ready"] != false || !strings.HasPrefix(v["code"].(string), "N") {
		t.Fatalf("visit: %v", v)
	}
	again := a.wantStatus(a.do("POST", "/api/v1/notary/bookings", body, "Idempotency-Key", "n-1"), 201)
	if again.header.Get("Idempotent-Replayed") != "true" || id(again.json(t)) != id(v) {
		t.Fatalf("replay: %s", again.body)
	}
	if n := e.count(`SELECT booked FROM notary_slots WHERE id = ?`, st[0]["slot_id"]); n != 1 {
		t.Fatalf("the first slot has %d booked", n)
	}
	if n := e.count(`SELECT COUNT(*) FROM notary_visit_slots WHERE visit_id = ?`, id(v)); n != 4 {
		t.Fatalf("the package took %d slots, want 4", n)
	}
	path := fmt.Sprintf("/api/v1/notary/bookings/%d", id(v))
	a.wantStatus(a.uploadItem(path+"/materials", "身份证", pngBytes), 201)
	a.uploadItem(path+"/materials", "不存在的材料", pngBytes).wantError(t, notary.ErrNotOnChecklist)
	// The clerk lists what is missing in one notice: one item needed, one 容缺.
	checked := clerk.object("POST", path+"/materials-check", map[string]any{"missing": []string{"被继承人死亡证明", "亲属关系证明"}}, 200)
	if checked["materials_state"] != "missing" || checked["ready"] != false {
		t.Fatalf("after the check: %v", checked)
	}
	notices, _ := e.store.Outbox(context.Background(), notify.Filter{RecipientIndex: e.box.Index("phone", "13800000001"), Limit: 1})
	if len(notices) == 0 || !strings.Contains(notices[0].Body, "被继承人死亡证明、亲属关系证明") {
		t.Fatalf("no single notice listing both items: %v", notices)
	}
	a.wantStatus(a.uploadItem(path+"/materials", "被继承人死亡证明", pngBytes), 201)
	got := a.object("GET", path, nil, 200)["visit"].(map[string]any)
	if got["ready"] != true || got["status"] != "checked" {
		t.Fatalf("the 容缺 item blocked ready: %v", got)
	}
	day := items(clerk.object("GET", "/api/v1/notary/day?date=2026-12-07", nil, 200), "items")
	if len(day) != 1 || day[0]["ready"] != true {
		t.Fatalf("the clerk's day: %v", day)
	}
	clerk.object("POST", path+"/status", map[string]any{"status": "done"}, 400)
	done := clerk.object("POST", path+"/status", map[string]any{"status": "done", "certificate_no": "(2026)晋高证字第366号", "fee_charged": 300}, 200)
	if done["status"] != "done" || done["certificate_no"] == "" {
		t.Fatalf("done: %v", done)
	}
	stats := clerk.object("GET", "/api/v1/notary/stats?year=2026", nil, 200)["matters_done"].([]any)
	if stats[11].(float64) != 2 || stats[10].(float64) != 0 {
		t.Fatalf("matters done per month: %v", stats)
	}
	a.do("POST", path+"/status", map[string]any{"status": "cancelled"}).wantError(t, notary.ErrNotActive)
}
