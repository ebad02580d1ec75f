package api

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestLawyersDay(t *testing.T) {
	bookingEngines(t, func(t *testing.T, e *env) {
		r := e.resident("13800000003")
		slot := slotsOn(r, "2026-12-02")[0]
		bk := r.object("POST", "/api/v1/bookings", map[string]any{"slot_id": id(slot), "topic": "工资拖欠"}, 201)
		shift := int64(bk["shift_id"].(float64))
		// The lawyer on duty is the one named on the slot.
		admin := e.client()
		admin.signIn("13900000001")
		var lawyerID int64
		for _, s := range items(admin.object("GET", "/api/v1/shifts?site_id=1&from=2026-12-02&to=2026-12-02", nil, 200), "items") {
			if id(s) == shift {
				lawyerID = int64(s["lawyer_id"].(float64))
			}
		}
		lawyer := e.client()
		lawyer.signIn(demoPhone(float64(lawyerID)))
		other := e.client()
		other.signIn(demoPhone(float64(lawyerID%40 + 4)))
		day := items(lawyer.object("GET", fmt.Sprintf("/api/v1/shifts/%d/bookings", shift), nil, 200), "items")
		if len(day) != 1 || !strings.Contains(day[0]["resident_name"].(string), "居民") {
			t.Fatalf("the lawyer's day: %v", day)
		}
		other.wantStatus(other.do("GET", fmt.Sprintf("/api/v1/shifts/%d/bookings", shift), nil), 404)
		path := fmt.Sprintf("/api/v1/bookings/%d", id(bk))
		// Not before the consultation starts.
		lawyer.wantStatus(lawyer.do("POST", path+"/attendance", map[string]string{"status": "attended"}), 400)
		lawyer.wantStatus(lawyer.do("POST", "/api/v1/consultations", map[string]any{"booking_id": id(bk), "category": "劳动争议",
			"summary": "written before the consultation", "outcome": "answered"}), 400)
		r.wantStatus(r.do("POST", path+"/rating", map[string]any{"score": 5}), 409)
		e.advance(12*24*time.Hour - 60*time.Minute) // 2026-12-02 09:00
		lawyer.wantStatus(lawyer.do("POST", path+"/attendance", map[string]string{"status": "present"}), 400)
		other.wantStatus(other.do("POST", path+"/attendance", map[string]string{"status": "attended"}), 404)
		rec := lawyer.object("POST", "/api/v1/consultations", map[string]any{"booking_id": id(bk), "category": "劳动争议",
			"summary": "单位拖欠三个月工资，已告知可申请劳动仲裁和法律援助。", "outcome": "legal_aid"}, 201)
		if rec["referral"] != "legal_aid" || rec["walk_in"] != false {
			t.Fatalf("record: %v", rec)
		}
		lawyer.wantStatus(lawyer.do("POST", "/api/v1/consultations", map[string]any{"booking_id": id(bk), "category": "劳动争议",
			"summary": "again", "outcome": "answered"}), 409)
		// The recorded booking stays on the shift's list with its record, and
		// its lawyer (only) can reopen and correct it; the old text is kept.
		day = items(lawyer.object("GET", fmt.Sprintf("/api/v1/shifts/%d/bookings", shift), nil, 200), "items")
		if len(day) != 1 || day[0]["record"] == nil || day[0]["booking"].(map[string]any)["status"] != "attended" {
			t.Fatalf("the lawyer's day after the record: %v", day)
		}
		recPath := fmt.Sprintf("/api/v1/consultations/%d", id(rec))
		fix := map[string]any{"category": "劳动争议", "summary": "单位拖欠三个月工资；已告知申请劳动仲裁，并转法律援助。", "outcome": "legal_aid"}
		other.wantStatus(other.do("PATCH", recPath, fix), 404)
		lawyer.wantStatus(lawyer.do("PATCH", recPath, map[string]any{"category": "劳动争议", "summary": "", "outcome": "legal_aid"}), 400)
		if got := lawyer.object("PATCH", recPath, fix, 200); got["summary"] != fix["summary"] || got["referral"] != "legal_aid" {
			t.Fatalf("corrected: %v", got)
		}
		if n := e.count(`SELECT COUNT(*) FROM consultation_edits WHERE consultation_id = ? AND summary LIKE '%已告知可申请%'`, id(rec)); n != 1 {
			t.Fatalf("%d kept versions of the record, want 1", n)
		}
		refs := items(r.object("GET", "/api/v1/me/referrals?kind=legal_aid", nil, 200), "items")
		if len(refs) != 1 || !strings.Contains(refs[0]["summary"].(string), "拖欠三个月工资") {
			t.Fatalf("referrals: %v", refs)
		}
		if got := r.object("GET", path, nil, 200); got["status"] != "attended" {
			t.Fatalf("booking after the record: %v", got["status"])
		}
		r.object("POST", path+"/rating", map[string]any{"score": 5, "comment": "律师很耐心"}, 201)
		r.wantStatus(r.do("POST", path+"/rating", map[string]any{"score": 4}), 409)
		r.wantStatus(r.do("POST", path+"/rating", map[string]any{"score": 9}), 400)
		// A walk-in at the lawyer's site today, and not elsewhere.
		lawyer.object("POST", "/api/v1/consultations", map[string]any{"site_id": 1, "visitor": "张大爷", "category": "土地承包",
			"summary": "承包地被占用，建议先找村委会调解。", "outcome": "mediation"}, 201)
		bad := lawyer.wantStatus(lawyer.do("POST", "/api/v1/consultations", map[string]any{"site_id": 2, "category": "其他",
			"summary": "x", "outcome": "answered"}), 403)
		if _, _, fields := bad.errorOf(t); fields["site_id"] == nil {
			t.Fatalf("walk-in elsewhere: %s", bad.body)
		}
		for field, body := range map[string]map[string]any{
			"category": {"site_id": 1, "category": "星座", "summary": "x", "outcome": "answered"},
			"summary":  {"site_id": 1, "category": "其他", "summary": "", "outcome": "answered"},
			"outcome":  {"site_id": 1, "category": "其他", "summary": "x", "outcome": "maybe"},
		} {
			r := lawyer.wantStatus(lawyer.do("POST", "/api/v1/consultations", body), 400)
			if _, _, fields := r.errorOf(t); fields[field] == nil {
				t.Errorf("%s: %s", field, r.body)
			}
		}
	})
}

func TestWaitlistOffer(t *testing.T) {
	bookingEngines(t, func(t *testing.T, e *env) {
		a, b := e.resident("13800000004"), e.resident("13800000006")
		// Fill the centre's morning of 2026-12-10: one place per slot.
		slots := slotsOn(a, "2026-12-10")
		var mine []map[string]any
		for i := range 3 {
			mine = append(mine, a.object("POST", "/api/v1/bookings", map[string]any{"slot_id": id(slots[i])}, 201))
		}
		b.object("POST", "/api/v1/waitlist", map[string]any{"site_id": 1, "date": "2026-12-10"}, 201)
		b.wantStatus(b.do("POST", "/api/v1/waitlist", map[string]any{"site_id": 1, "date": "2026-12-10"}), 409)
		b.wantStatus(b.do("POST", "/api/v1/waitlist", map[string]any{"site_id": 1, "date": "2027-06-01"}), 400)
		a.object("POST", fmt.Sprintf("/api/v1/bookings/%d/cancel", id(mine[0])), map[string]any{"reason": "有事"}, 200)
		admin := e.client()
		admin.signIn("13900000001")
		offers := items(admin.object("GET", "/api/v1/admin/outbox?phone=13800000006&kind=waitlist_offer", nil, 200), "items")
		if len(offers) != 1 || !strings.Contains(offers[0]["body"].(string), "保留30分钟") {
			t.Fatalf("offer: %v", offers)
		}
		// The offered place is held for B: another resident cannot take it.
		c := e.resident("13800000008")
		c.wantStatus(c.do("POST", "/api/v1/holds", map[string]any{"slot_id": id(slots[0])}), 409)
		b.object("POST", "/api/v1/holds", map[string]any{"slot_id": id(slots[0])}, 201)
	})
}
