package api

import (
	"fmt"
	"strings"
	"testing"
)

// TestClosingADayCancelsItsBookings: the administrator previews a closure
// (nothing changes), then closes the day: the day's booking at the closed
// site is cancelled with the reason, the resident is told by SMS, the day
// offers no slot any more while other sites keep theirs, republishing the
// month still works (it once failed on the cancelled booking's slot), and
// reopening the day gives its slots back. On both engines.
func TestClosingADayCancelsItsBookings(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		e.seedDemo()
		admin := e.client()
		admin.signIn("13900000001")
		admin.object("POST", "/api/v1/rosters/publish", period, 200)
		a := e.resident("13800000001")
		slot := slotsOn(a, "2026-12-03")[0]
		b := a.object("POST", "/api/v1/bookings", map[string]any{"slot_id": id(slot)}, 201)
		closing := map[string]any{"date": "2026-12-03", "site_id": 1, "kind": "closed", "name": "停电检修"}

		preview := admin.object("POST", "/api/v1/calendar/overrides", with(closing, "preview", true), 200)
		if preview["cancelled_bookings"].(float64) != 1 || preview["closed_slots"].(float64) < 1 {
			t.Fatalf("preview: %v", preview)
		}
		if got := a.object("GET", fmt.Sprintf("/api/v1/bookings/%v", b["id"]), nil, 200)["status"]; got != "confirmed" {
			t.Fatalf("a preview changed the booking: %v", got)
		}
		if n := e.count(`SELECT COUNT(*) FROM calendar_overrides`); n != 0 {
			t.Fatalf("a preview saved %d overrides", n)
		}

		closed := admin.object("POST", "/api/v1/calendar/overrides", closing, 201)
		if closed["cancelled_bookings"].(float64) != 1 || closed["id"] == nil {
			t.Fatalf("closure: %v", closed)
		}
		after := a.object("GET", fmt.Sprintf("/api/v1/bookings/%v", b["id"]), nil, 200)
		if after["status"] != "cancelled" || !strings.Contains(after["cancel_reason"].(string), "停电检修") {
			t.Fatalf("the booking after the closure: %v", after)
		}
		sms := items(admin.object("GET", "/api/v1/admin/outbox?kind=booking_closed&phone=13800000001", nil, 200), "items")
		if len(sms) != 1 || !strings.Contains(sms[0]["body"].(string), "停电检修") || !strings.Contains(sms[0]["body"].(string), "12348") {
			t.Fatalf("the resident's notice: %v", sms)
		}
		if left := slotsOn(a, "2026-12-03"); len(left) != 0 {
			t.Fatalf("the closed day still offers %d slots", len(left))
		}
		a.wantStatus(a.do("POST", "/api/v1/bookings", map[string]any{"slot_id": id(slot)}), 409)
		station := items(a.object("GET", "/api/v1/slots?site_id=2&from=2026-12-02&to=2026-12-02", nil, 200), "items")
		if len(station) == 0 {
			t.Fatal("a closure of the centre closed a station too")
		}

		// Republishing the month keeps the closed day's shifts as records
		// (their cancelled bookings keep their slots) and offers nothing.
		admin.object("POST", "/api/v1/rosters/publish", period, 200)
		if left := slotsOn(a, "2026-12-03"); len(left) != 0 {
			t.Fatalf("after republishing, the closed day offers %d slots", len(left))
		}

		admin.wantStatus(admin.do("DELETE", fmt.Sprintf("/api/v1/calendar/overrides/%v", closed["id"]), nil), 204)
		admin.object("POST", "/api/v1/rosters/publish", period, 200)
		if back := slotsOn(a, "2026-12-03"); len(back) == 0 || back[0]["remaining"].(float64) < 1 {
			t.Fatalf("the reopened day: %v", back)
		}
	})
}

// with copies a body and sets one more field.
func with(body map[string]any, key string, v any) map[string]any {
	out := map[string]any{key: v}
	for k, x := range body {
		out[k] = x
	}
	return out
}
