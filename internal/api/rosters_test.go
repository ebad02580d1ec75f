package api

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	goical "github.com/emersion/go-ical"

	"github.com/legaldesk/legaldesk/internal/demo"
)

// seedDemo loads the Gaoping demo (network, lawyers, rules, pools).
func (e *env) seedDemo() {
	e.t.Helper()
	d, err := demo.Build(e.box, e.now())
	if err != nil {
		e.t.Fatal(err)
	}
	if _, err := e.store.SeedOnce(context.Background(), d); err != nil {
		e.t.Fatal(err)
	}
}

// signIn signs a demo account in with its password.
func (c *client) signIn(phone string) {
	c.e.t.Helper()
	c.wantStatus(c.do("POST", "/api/v1/auth/login", map[string]string{"phone": phone, "password": demo.Password}), 200)
}

func (c *client) object(method, path string, body any, want int) map[string]any {
	c.e.t.Helper()
	return c.wantStatus(c.do(method, path, body), want).json(c.e.t)
}

func items(m map[string]any, key string) []map[string]any {
	var out []map[string]any
	for _, x := range m[key].([]any) {
		out = append(out, x.(map[string]any))
	}
	return out
}

const period = `{"from": "2026-12-01", "to": "2026-12-31"}`

func TestRosterPreviewAndPublish(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		e.seedDemo()
		admin := e.client()
		admin.signIn("13900000001")
		preview := admin.object("POST", "/api/v1/rosters/preview", period, 200)
		shifts := items(preview, "shifts")
		if len(shifts) < 100 || len(items(preview, "unfilled")) != 0 {
			t.Fatalf("preview: %d shifts, %d unfilled", len(shifts), len(items(preview, "unfilled")))
		}
		for _, f := range items(preview, "fairness") {
			if f["bound_met"] != true {
				t.Errorf("pool of site %v: %v–%v", f["site_id"], f["min"], f["max"])
			}
		}
		if got := admin.object("GET", "/api/v1/shifts?from=2026-12-01&to=2026-12-31", nil, 200); len(items(got, "items")) != 0 {
			t.Fatal("a preview must not publish")
		}
		rep := admin.object("POST", "/api/v1/rosters/publish", period, 200)["report"].(map[string]any)
		if int(rep["created"].(float64)) != len(shifts) {
			t.Fatalf("published %v, previewed %d", rep["created"], len(shifts))
		}
		again := admin.object("POST", "/api/v1/rosters/publish", period, 200)["report"].(map[string]any)
		if again["created"].(float64)+again["updated"].(float64)+again["removed"].(float64) != 0 {
			t.Fatalf("re-publishing the same roster changed it: %v", again)
		}
		// The centre (site 1): two sessions on each of December's 23 workdays.
		centre := items(admin.object("GET", "/api/v1/shifts?site_id=1&from=2026-12-01&to=2026-12-31", nil, 200), "items")
		if len(centre) != 46 || centre[0]["site_name"] != "高平市公共法律服务中心" || centre[0]["lawyer_name"] == "" {
			t.Fatalf("centre shifts: %d, first %v", len(centre), centre[0])
		}
		if !strings.HasSuffix(centre[0]["starts_at"].(string), "+08:00") {
			t.Errorf("times must carry +08:00: %v", centre[0]["starts_at"])
		}
		slots := e.count(`SELECT COUNT(*) FROM slots`)
		if slots != len(shifts)*6 {
			t.Fatalf("slots = %d, want 6 per three-hour shift", slots)
		}
	})
}

func TestRosterRefusesUnloadedYear(t *testing.T) {
	e := newEnv(t, "sqlite")
	e.seedDemo()
	admin := e.client()
	admin.signIn("13900000001")
	for _, path := range []string{"/api/v1/calendar/days?from=2028-01-01&to=2028-01-31"} {
		r := admin.wantStatus(admin.do("GET", path, nil), 400)
		if _, msg, _ := r.errorOf(t); !strings.Contains(msg, "2028") {
			t.Fatalf("message: %s", msg)
		}
	}
	r := admin.wantStatus(admin.do("POST", "/api/v1/rosters/preview", `{"from": "2028-01-03", "to": "2028-01-31"}`), 400)
	if _, msg, _ := r.errorOf(t); !strings.Contains(msg, "2028") {
		t.Fatalf("preview message: %s", msg)
	}
	// Once the year is loaded, it works.
	// An empty or partial year is refused, naming what is missing.
	for _, partial := range []string{`{"year": 2028, "holidays": [], "workdays": []}`,
		`{"year": 2028, "holidays": [{"date": "2028-01-01", "name": "元旦"}, {"date": "2028-05-01", "name": "劳动节"}], "workdays": []}`} {
		r := admin.wantStatus(admin.do("POST", "/api/v1/calendar/years", partial), 400)
		if _, msg, fields := r.errorOf(t); fields["holidays"] == nil || !strings.Contains(msg, "春节") || !strings.Contains(msg, "国庆节") {
			t.Fatalf("partial year: %s", r.body)
		}
	}
	year := `{"year": 2028, "holidays": [{"date": "2028-01-01", "name": "元旦"}, {"date": "2028-01-26", "name": "春节"},
		{"date": "2028-05-01", "name": "劳动节"}, {"date": "2028-10-01", "name": "国庆节"}], "workdays": []}`
	admin.wantStatus(admin.do("POST", "/api/v1/calendar/years", year), 201)
	days := items(admin.object("GET", "/api/v1/calendar/days?from=2028-01-01&to=2028-01-03", nil, 200), "items")
	if days[0]["kind"] != "closed" || days[2]["kind"] != "workday" {
		t.Fatalf("loaded 2028: %v", days)
	}
	admin.wantStatus(admin.do("POST", "/api/v1/rosters/preview", `{"from": "2028-01-03", "to": "2028-01-31"}`), 200)
}

func TestDutyRuleValidation(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		e.seedDemo()
		admin := e.client()
		admin.signIn("13900000001")
		base := func(extra string) string {
			return `{"site_id": 2, "pattern": "weekly", "weekdays": [5], "slot_minutes": 30, "capacity": 2,
				"lawyers_per_session": 1, "holiday_policy": "skip", "effective_from": "2026-12-01"` + extra + `}`
		}
		bad := map[string]string{
			"sessions":       base(`, "sessions": [{"start": "09:00", "end": "12:00"}, {"start": "11:00", "end": "13:00"}]`),
			"sessions[0]":    base(`, "sessions": [{"start": "12:00", "end": "09:00"}]`),
			"site_id":        strings.Replace(base(`, "sessions": [{"start": "09:00", "end": "12:00"}]`), `"site_id": 2`, `"site_id": 99999`, 1),
			"holiday_policy": strings.Replace(base(`, "sessions": [{"start": "09:00", "end": "12:00"}]`), `"skip"`, `"sometimes"`, 1),
			"effective_from": strings.Replace(base(`, "sessions": [{"start": "09:00", "end": "12:00"}]`), `2026-12-01`, `12/01/2026`, 1),
		}
		for field, body := range bad {
			r := admin.wantStatus(admin.do("POST", "/api/v1/duty-rules", body), 400)
			if _, _, fields := r.errorOf(t); fields[field] == nil {
				t.Errorf("%s: %s", field, r.body)
			}
		}
		slotBody := base(`, "sessions": [{"start": "09:00", "end": "11:30"}], "slot_minutes": 40`)
		r := admin.wantStatus(admin.do("POST", "/api/v1/duty-rules", strings.Replace(slotBody, `"slot_minutes": 30, `, "", 1)), 400)
		if _, msg, fields := r.errorOf(t); fields["sessions[0]"] == nil {
			t.Errorf("a slot that does not divide the session: %s %v", msg, fields)
		}
		// One active rule per site and period: the demo's Wednesday rule is in the way.
		r = admin.wantStatus(admin.do("POST", "/api/v1/duty-rules", base(`, "sessions": [{"start": "14:30", "end": "17:30"}]`)), 409)
		if _, _, fields := r.errorOf(t); fields["site_id"] == nil {
			t.Fatalf("second active rule: %s", r.body)
		}
		demoRule := items(admin.object("GET", "/api/v1/duty-rules?site_id=2", nil, 200), "items")[0]
		admin.object("PATCH", fmt.Sprintf("/api/v1/duty-rules/%d", int(demoRule["id"].(float64))), `{"active": false}`, 200)
		created := admin.object("POST", "/api/v1/duty-rules", base(`, "sessions": [{"start": "14:30", "end": "17:30"}]`), 201)
		id := int(created["id"].(float64))
		patched := admin.object("PATCH", fmt.Sprintf("/api/v1/duty-rules/%d", id), `{"active": false}`, 200)
		if patched["active"] != false || patched["capacity"].(float64) != 2 {
			t.Fatalf("patched: %v", patched)
		}
		admin.wantStatus(admin.do("PATCH", fmt.Sprintf("/api/v1/duty-rules/%d", id), `{"sessions": []}`), 400)
		resident := e.client()
		resident.wantStatus(resident.do("POST", "/api/v1/auth/sms-code", map[string]string{"phone": "13800000001"}), 204)
		resident.wantStatus(resident.do("POST", "/api/v1/auth/login", map[string]string{"phone": "13800000001", "code": e.lastCode("13800000001")}), 200)
		resident.wantStatus(resident.do("POST", "/api/v1/rosters/preview", period), 403)
		resident.wantStatus(resident.do("GET", "/api/v1/duty-rules", nil), 403)
		e.client().wantStatus(e.client().do("POST", "/api/v1/rosters/publish", period), 401)
	})
}

// Re-publishing never moves or deletes a booked slot; a lawyer change on a
// booked shift is reported.
func TestRepublishKeepsBookedSlots(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		e.seedDemo()
		admin := e.client()
		admin.signIn("13900000001")
		admin.object("POST", "/api/v1/rosters/publish", period, 200)
		station := items(admin.object("GET", "/api/v1/shifts?site_id=2&from=2026-12-01&to=2026-12-31", nil, 200), "items")
		booked := station[0]
		shiftID, lawyer := int64(booked["id"].(float64)), int64(booked["lawyer_id"].(float64))
		var slotStart time.Time
		db := e.store.DB()
		if err := db.Get(&slotStart, `SELECT starts_at FROM slots WHERE shift_id = ? ORDER BY starts_at LIMIT 1`, shiftID); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(`UPDATE slots SET booked = 1 WHERE shift_id = ? AND starts_at = ?`, shiftID, slotStart); err != nil {
			t.Fatal(err)
		}
		// Take the booked shift's lawyer out of the station's pool.
		pool := admin.object("GET", "/api/v1/sites/2/lawyers", nil, 200)["lawyer_ids"].([]any)
		var rest []int64
		for _, l := range pool {
			if int64(l.(float64)) != lawyer {
				rest = append(rest, int64(l.(float64)))
			}
		}
		admin.object("PUT", "/api/v1/sites/2/lawyers", map[string]any{"lawyer_ids": rest}, 200)
		rep := admin.object("POST", "/api/v1/rosters/publish", period, 200)["report"].(map[string]any)
		changed := rep["changed_booked_shift_ids"].([]any)
		if len(changed) != 1 || int64(changed[0].(float64)) != shiftID {
			t.Fatalf("report: %v", rep)
		}
		if n := e.count(`SELECT COUNT(*) FROM slots WHERE shift_id = ? AND starts_at = ? AND booked = 1`, shiftID, slotStart); n != 1 {
			t.Fatal("the booked slot moved or vanished")
		}
		// Switch the station's rule off: unbooked shifts go, the booked one stays.
		rules := items(admin.object("GET", "/api/v1/duty-rules?site_id=2", nil, 200), "items")
		admin.object("PATCH", fmt.Sprintf("/api/v1/duty-rules/%d", int(rules[0]["id"].(float64))), `{"active": false}`, 200)
		rep = admin.object("POST", "/api/v1/rosters/publish", `{"from": "2026-12-01", "to": "2026-12-31", "site_ids": [2]}`, 200)["report"].(map[string]any)
		if rep["kept_booked"].(float64) != 1 || rep["removed"].(float64) < 3 {
			t.Fatalf("report after switching the rule off: %v", rep)
		}
		left := items(admin.object("GET", "/api/v1/shifts?site_id=2&from=2026-12-01&to=2026-12-31", nil, 200), "items")
		if len(left) != 1 || int64(left[0]["id"].(float64)) != shiftID {
			t.Fatalf("left at the station: %v", left)
		}
		changes := items(admin.object("GET", fmt.Sprintf("/api/v1/shifts/%d/changes", shiftID), nil, 200), "items")
		if len(changes) < 2 {
			t.Fatalf("the shift's history is not recorded: %v", changes)
		}
	})
}

// lawyerShift returns a published centre shift of the lawyer, after minDays.
func lawyerShift(t *testing.T, c *client, minDate string) map[string]any {
	t.Helper()
	for _, s := range items(c.object("GET", "/api/v1/me/shifts?from="+minDate+"&to=2026-12-31", nil, 200), "items") {
		if s["site_id"].(float64) == 1 {
			return s
		}
	}
	t.Fatal("the lawyer has no centre shift")
	return nil
}

func TestLeaveReassigns(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		e.seedDemo()
		admin := e.client()
		admin.signIn("13900000001")
		admin.object("POST", "/api/v1/rosters/publish", period, 200)
		lawyer := e.client()
		lawyer.signIn("13900000101")
		mine := items(lawyer.object("GET", "/api/v1/me/shifts?from=2026-12-01&to=2026-12-31", nil, 200), "items")
		if len(mine) == 0 {
			t.Fatal("the demo lawyer has no shifts")
		}
		day := mine[0]["date"].(string)
		res := lawyer.object("POST", "/api/v1/leave", map[string]string{"from": day, "to": day, "reason": "出差"}, 201)
		moves := items(res, "moves")
		if len(moves) == 0 {
			t.Fatal("no shift was reassigned")
		}
		for _, m := range moves {
			if m["to_lawyer_id"] == m["from_lawyer_id"] || m["to_lawyer_id"].(float64) == 0 {
				t.Fatalf("move: %v", m)
			}
		}
		after := items(lawyer.object("GET", "/api/v1/me/shifts?from="+day+"&to="+day, nil, 200), "items")
		if len(after) != 0 {
			t.Fatalf("still on duty during leave: %v", after)
		}
		// A re-publish respects the leave too.
		admin.object("POST", "/api/v1/rosters/publish", period, 200)
		if after := items(lawyer.object("GET", "/api/v1/me/shifts?from="+day+"&to="+day, nil, 200), "items"); len(after) != 0 {
			t.Fatal("re-publishing put the lawyer back during leave")
		}
		lawyer.wantStatus(lawyer.do("POST", "/api/v1/leave", map[string]string{"from": "2020-01-01", "to": "2020-01-02"}), 400)
		lawyer.wantStatus(lawyer.do("POST", "/api/v1/leave", map[string]string{"from": day, "to": "2026-11-01"}), 400)
	})
}

// swappable finds one of a's shifts and a colleague who may take it: in the
// site's pool, free that day and under the weekly cap.
func swappable(t *testing.T, admin, a *client, aID float64) (map[string]any, float64) {
	t.Helper()
	for _, s := range items(a.object("GET", "/api/v1/me/shifts?from=2026-12-01&to=2026-12-31", nil, 200), "items") {
		d := s["date"].(string)
		pool := admin.object("GET", fmt.Sprintf("/api/v1/sites/%d/lawyers", int(s["site_id"].(float64))), nil, 200)["lawyer_ids"].([]any)
		for _, c := range pool {
			if c.(float64) == aID {
				continue
			}
			mon, _ := time.Parse("2006-01-02", monday(d))
			week := items(admin.object("GET", fmt.Sprintf("/api/v1/shifts?lawyer_id=%d&from=%s&to=%s", int(c.(float64)),
				mon.Format("2006-01-02"), mon.AddDate(0, 0, 6).Format("2006-01-02")), nil, 200), "items")
			busy := len(week) >= 3
			for _, w := range week {
				busy = busy || w["date"] == d
			}
			if !busy {
				return s, c.(float64)
			}
		}
	}
	t.Fatal("no swappable shift")
	return nil, 0
}

// otherLawyer is a demo lawyer who is neither a nor b.
func otherLawyer(a, b float64) float64 {
	for id := float64(4); ; id++ {
		if id != a && id != b {
			return id
		}
	}
}

// demoPhone is the phone of a demo lawyer: user ids 4… are 13900000101….
func demoPhone(id float64) string { return fmt.Sprintf("139%08d", 100+int(id)-3) }

func TestSwaps(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		e.seedDemo()
		admin := e.client()
		admin.signIn("13900000001")
		admin.object("POST", "/api/v1/rosters/publish", period, 200)
		a := e.client()
		a.signIn("13900000101")
		aID := a.object("GET", "/api/v1/me", nil, 200)["user"].(map[string]any)["id"].(float64)
		shift, bID := swappable(t, admin, a, aID)
		b := e.client()
		b.signIn(demoPhone(bID))
		sid := shift["id"].(float64)
		colleagues := items(a.object("GET", fmt.Sprintf("/api/v1/shifts/%d/colleagues", int(sid)), nil, 200), "items")
		found := false
		for _, c := range colleagues {
			found = found || c["id"].(float64) == bID
			if c["id"].(float64) == aID {
				t.Fatal("the lawyer is listed as their own colleague")
			}
		}
		if !found {
			t.Fatalf("B is eligible but not listed: %v", colleagues)
		}
		b.wantStatus(b.do("GET", fmt.Sprintf("/api/v1/shifts/%d/colleagues", int(sid)), nil), 403)
		b.wantStatus(b.do("POST", "/api/v1/shift-swaps", map[string]any{"shift_id": sid, "to_lawyer_id": aID}), 403)
		a.wantStatus(a.do("POST", "/api/v1/shift-swaps", map[string]any{"shift_id": sid, "to_lawyer_id": 1}), 400)
		sw := a.object("POST", "/api/v1/shift-swaps", map[string]any{"shift_id": sid, "to_lawyer_id": bID}, 201)
		a.wantStatus(a.do("POST", "/api/v1/shift-swaps", map[string]any{"shift_id": sid, "to_lawyer_id": bID}), 409)
		swapPath := fmt.Sprintf("/api/v1/shift-swaps/%d", int(sw["id"].(float64)))
		a.wantStatus(a.do("POST", swapPath+"/accept", nil), 403)
		outsider := e.client()
		outsider.signIn(demoPhone(otherLawyer(aID, bID)))
		outsider.wantStatus(outsider.do("POST", swapPath+"/accept", nil), 404)
		outsider.wantStatus(outsider.do("POST", swapPath+"/decline", nil), 404)
		if got := b.object("POST", swapPath+"/accept", nil, 200); got["status"] != "accepted" {
			t.Fatalf("swap: %v", got)
		}
		b.wantStatus(b.do("POST", swapPath+"/accept", nil), 409)
		d := shift["date"].(string)
		mine := items(b.object("GET", "/api/v1/me/shifts?from="+d+"&to="+d, nil, 200), "items")
		if len(mine) != 1 || mine[0]["id"].(float64) != sid {
			t.Fatalf("B's shifts that day: %v", mine)
		}
		if all := items(admin.object("GET", "/api/v1/shift-swaps", nil, 200), "items"); len(all) != 1 {
			t.Fatalf("the admin sees %d swaps", len(all))
		}
	})
}

func TestSwapTooLate(t *testing.T) {
	e := newEnv(t, "sqlite")
	e.seedDemo()
	admin := e.client()
	admin.signIn("13900000001")
	admin.object("POST", "/api/v1/rosters/publish", period, 200)
	a := e.client()
	a.signIn("13900000101")
	s := lawyerShift(t, a, "2026-12-01")
	start, _ := time.Parse(time.RFC3339, s["starts_at"].(string))
	e.advance(start.Sub(e.now()) - time.Hour) // one hour before the shift
	r := a.wantStatus(a.do("POST", "/api/v1/shift-swaps", map[string]any{"shift_id": s["id"], "to_lawyer_id": 20}), 400)
	if _, msg, _ := r.errorOf(t); !strings.Contains(msg, "太近") {
		t.Fatalf("message: %s", msg)
	}
}

// The .ics feed parses with an independent iCalendar parser and keeps the
// Chinese text intact.
func TestCalendarFeed(t *testing.T) {
	e := newEnv(t, "sqlite")
	e.seedDemo()
	admin := e.client()
	admin.signIn("13900000001")
	admin.object("POST", "/api/v1/rosters/publish", period, 200)
	lawyer := e.client()
	lawyer.signIn("13900000101")
	want := len(items(lawyer.object("GET", "/api/v1/me/shifts?from=2026-12-01&to=2026-12-31", nil, 200), "items"))
	url := lawyer.object("GET", "/api/v1/me/calendar-feed", nil, 200)["url"].(string)
	if again := lawyer.object("GET", "/api/v1/me/calendar-feed", nil, 200)["url"]; again != url {
		t.Fatal("the feed URL must stay the same until revoked")
	}
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/calendar") {
		t.Fatalf("content type %q", ct)
	}
	cal, err := goical.NewDecoder(res.Body).Decode()
	res.Body.Close()
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	events := cal.Events()
	if len(events) != want {
		t.Fatalf("%d events, want %d", len(events), want)
	}
	summary, _ := events[0].Props.Text("SUMMARY")
	location, _ := events[0].Props.Text("LOCATION")
	start, err := events[0].DateTimeStart(nil)
	if !strings.HasPrefix(summary, "律师值班：") || !strings.Contains(location, "公共法律服务") || err != nil || start.IsZero() {
		t.Fatalf("event: summary %q location %q start %v %v", summary, location, start, err)
	}
	// DTSTAMP comes from the server's clock, which the test controls.
	if stamp, err := events[0].Props.DateTime("DTSTAMP", nil); err != nil || stamp.Format("2006-01-02") != e.now().UTC().Format("2006-01-02") {
		t.Errorf("DTSTAMP %v (%v), want the injected clock's day %s", stamp, err, e.now().UTC().Format("2006-01-02"))
	}
	lawyer.wantStatus(lawyer.do("DELETE", "/api/v1/me/calendar-feed", nil), 204)
	res, _ = http.Get(url)
	res.Body.Close()
	if res.StatusCode != 404 {
		t.Fatalf("a revoked feed answered %d", res.StatusCode)
	}
	if next := lawyer.object("GET", "/api/v1/me/calendar-feed", nil, 200)["url"]; next == url {
		t.Fatal("revoking must make a new URL")
	}
}

func monday(d string) string {
	t, _ := time.Parse("2006-01-02", d)
	return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7)).Format("2006-01-02")
}

// TestPublishPreviewListsChanges: after a pool changes, the preview lists
// what publishing would change — the booked shift among them, with its
// resident counted — and publishing then does exactly that.
func TestPublishPreviewListsChanges(t *testing.T) {
	e := bookingEnv(t, "sqlite")
	admin := e.client()
	admin.signIn("13900000001")
	if c, ok := admin.object("POST", "/api/v1/rosters/preview", period, 200)["changes"]; ok {
		t.Fatalf("the published roster previewed again must list no changes: %v", c)
	}
	// A resident books the centre's first December shift; then its lawyer
	// leaves the centre's pool.
	a := e.resident("13800000001")
	slot := slotsOn(a, "2026-12-03")[0]
	a.object("POST", "/api/v1/bookings", map[string]any{"slot_id": id(slot)}, 201)
	leaving := int64(slot["lawyer_id"].(float64))
	pool := admin.object("GET", "/api/v1/sites/1/lawyers", nil, 200)["lawyer_ids"].([]any)
	var rest []int64
	for _, l := range pool {
		if int64(l.(float64)) != leaving {
			rest = append(rest, int64(l.(float64)))
		}
	}
	admin.object("PUT", "/api/v1/sites/1/lawyers", map[string]any{"lawyer_ids": rest}, 200)
	preview := admin.object("POST", "/api/v1/rosters/preview", period, 200)
	changes := items(preview, "changes")
	kinds, bookedSeen := map[string]int{}, false
	lawyers := preview["lawyers"].(map[string]any)
	for _, c := range changes {
		kinds[c["kind"].(string)]++
		if int64(c["to_lawyer_id"].(float64)) == leaving && c["kind"] != "kept_booked" {
			t.Errorf("a shift goes to the lawyer who left the pool: %v", c)
		}
		if c["booked"].(float64) == 1 && c["date"] == "2026-12-03" {
			bookedSeen = true
		}
		if lawyers[fmt.Sprint(c["from_lawyer_id"])] == nil {
			t.Errorf("no name for lawyer %v", c["from_lawyer_id"])
		}
	}
	if kinds["reassigned"] == 0 || !bookedSeen {
		t.Fatalf("changes %v; the booked shift seen: %v", kinds, bookedSeen)
	}
	rep := admin.object("POST", "/api/v1/rosters/publish", period, 200)["report"].(map[string]any)
	if int(rep["updated"].(float64)) != kinds["reassigned"]+kinds["retimed"] || int(rep["created"].(float64)) != kinds["created"] ||
		int(rep["removed"].(float64)) != kinds["removed"] || int(rep["kept_booked"].(float64)) != kinds["kept_booked"] {
		t.Fatalf("published %v, previewed %v", rep, kinds)
	}
}
