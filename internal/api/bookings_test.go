package api

import (
	"fmt"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/legaldesk/legaldesk/internal/booking"
	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/holds"
	"github.com/legaldesk/legaldesk/internal/testenv"
)

// manyResidents raises the sign-in limits so a test can sign in hundreds.
func manyResidents(s *setup) {
	s.rules.SMSPerPhone, s.rules.LoginPerPhone = 50, 100
}

// bookingEnv is the demo with December 2026 published (the tests live on
// 2026-11-20, so early December is bookable and late December beyond the
// 30-day horizon).
func bookingEnv(t *testing.T, engine string, opts ...option) *env {
	e := newEnv(t, engine, append(opts, manyResidents)...)
	e.seedDemo()
	admin := e.client()
	admin.signIn("13900000001")
	admin.object("POST", "/api/v1/rosters/publish", period, 200)
	return e
}

// resident signs in a resident by SMS code.
func (e *env) resident(phone string) *client {
	e.t.Helper()
	c := e.client()
	c.wantStatus(c.do("POST", "/api/v1/auth/sms-code", map[string]string{"phone": phone}), 204)
	c.wantStatus(c.do("POST", "/api/v1/auth/login", map[string]string{"phone": phone, "code": e.lastCode(phone)}), 200)
	return c
}

// slotsOn lists the centre's slots (site 1) on a day.
func slotsOn(c *client, day string) []map[string]any {
	return items(c.object("GET", "/api/v1/slots?site_id=1&from="+day+"&to="+day, nil, 200), "items")
}

func id(m map[string]any) int64 { return int64(m["id"].(float64)) }

// bookingEngines runs fn on a published demo on every engine.
func bookingEngines(t *testing.T, fn func(t *testing.T, e *env), opts ...option) {
	for _, engine := range testenv.Engines(t) {
		t.Run(engine, func(t *testing.T) { fn(t, bookingEnv(t, engine, opts...)) })
	}
}

func TestBookingFlow(t *testing.T) {
	bookingEngines(t, func(t *testing.T, e *env) {
		a, b := e.resident("13800000001"), e.resident("13800000002")
		slots := slotsOn(a, "2026-12-02")
		if len(slots) != 12 || slots[0]["remaining"].(float64) != 1 || slots[0]["lawyer_name"] == "" || slots[0]["bookable"] != true {
			t.Fatalf("slots: %d, first %v", len(slots), slots[0])
		}
		slot := id(slots[0])
		hold := a.object("POST", "/api/v1/holds", map[string]any{"slot_id": slot}, 201)
		if !strings.HasSuffix(hold["expires_at"].(string), "+08:00") {
			t.Errorf("expires_at %v", hold["expires_at"])
		}
		if got := slotsOn(b, "2026-12-02")[0]["remaining"].(float64); got != 0 {
			t.Fatalf("a held slot shows %v places", got)
		}
		b.wantStatus(b.do("POST", "/api/v1/holds", map[string]any{"slot_id": slot}), 409)
		b.wantStatus(b.do("POST", "/api/v1/bookings", map[string]any{"hold_id": hold["hold_id"]}), 404) // another resident's hold reads as none

		body := map[string]any{"hold_id": hold["hold_id"], "topic": "劳动合同纠纷"}
		first := a.wantStatus(a.do("POST", "/api/v1/bookings", body, "Idempotency-Key", "k-1"), 201)
		bk := first.json(t)
		code := bk["code"].(string)
		if len(code) != 8 || strings.ContainsAny(code, "01ILO") || bk["status"] != "confirmed" {
			t.Fatalf("booking: %v", bk)
		}
		again := a.wantStatus(a.do("POST", "/api/v1/bookings", body, "Idempotency-Key", "k-1"), 201)
		if again.json(t)["id"] != bk["id"] || again.header.Get("Idempotent-Replayed") != "true" {
			t.Fatalf("a retried confirm must return the first booking: %s", again.body)
		}
		a.wantStatus(a.do("POST", "/api/v1/bookings", map[string]any{"slot_id": slot}, "Idempotency-Key", "k-1"), 409)
		a.wantStatus(a.do("POST", "/api/v1/bookings", map[string]any{"slot_id": slot}, "Idempotency-Key", "k-2"), 409)
		n := e.count(`SELECT COUNT(*) FROM bookings`)
		if n != 1 {
			t.Fatalf("%d bookings in the database, want 1", n)
		}
		b.wantStatus(b.do("POST", "/api/v1/bookings", map[string]any{"slot_id": slot}), 409)

		path := fmt.Sprintf("/api/v1/bookings/%d", id(bk))
		mine := items(a.object("GET", "/api/v1/me/bookings", nil, 200), "items")
		if len(mine) != 1 || mine[0]["code"] != code {
			t.Fatalf("my bookings: %v", mine)
		}
		b.wantStatus(b.do("GET", path, nil), 404)
		qr := a.wantStatus(a.do("GET", path+"/qr.png", nil), 200)
		if qr.header.Get("Content-Type") != "image/png" || len(qr.body) < 100 {
			t.Fatalf("qr: %s %d bytes", qr.header.Get("Content-Type"), len(qr.body))
		}
		// Reschedule to the next slot, then cancel.
		moved := a.object("POST", path+"/reschedule", map[string]any{"slot_id": id(slots[1])}, 200)
		if int64(moved["slot_id"].(float64)) != id(slots[1]) {
			t.Fatalf("moved: %v", moved)
		}
		left := slotsOn(a, "2026-12-02")
		if left[0]["remaining"].(float64) != 1 || left[1]["remaining"].(float64) != 0 {
			t.Fatalf("after the move: %v / %v", left[0]["remaining"], left[1]["remaining"])
		}
		b.wantStatus(b.do("POST", path+"/cancel", map[string]any{"reason": "x"}), 404)
		if got := a.object("POST", path+"/cancel", map[string]any{"reason": "临时有事"}, 200); got["status"] != "cancelled" {
			t.Fatalf("cancel: %v", got)
		}
		a.wantStatus(a.do("POST", path+"/cancel", nil), 409)
		if slotsOn(a, "2026-12-02")[1]["remaining"].(float64) != 1 {
			t.Fatal("the cancelled place was not freed")
		}
		admin := e.client()
		admin.signIn("13900000001")
		kinds := map[string]bool{}
		for _, m := range items(admin.object("GET", "/api/v1/admin/outbox?phone=13800000001", nil, 200), "items") {
			kinds[m["kind"].(string)] = true
		}
		for _, k := range []string{"booking_confirmed", "booking_changed", "booking_cancelled"} {
			if !kinds[k] {
				t.Errorf("no %s notice in the outbox: %v", k, kinds)
			}
		}
	})
}

func TestBookingBadInput(t *testing.T) {
	e := bookingEnv(t, "sqlite", func(s *setup) { s.holdTTL = 300 * time.Millisecond })
	a := e.resident("13800000001")
	slots := slotsOn(a, "2026-12-02")
	cases := []struct {
		name   string
		body   any
		status int
		field  string
	}{
		{"unknown slot", map[string]any{"slot_id": 99999999}, 404, "slot_id"},
		{"both ids", map[string]any{"slot_id": id(slots[0]), "hold_id": "x"}, 400, "hold_id"},
		{"neither id", map[string]any{"topic": "x"}, 400, "hold_id"},
		{"slot beyond the horizon", map[string]any{"slot_id": id(slotsOn(a, "2026-12-28")[0])}, 400, "slot_id"},
		{"garbage hold", map[string]any{"hold_id": "nonsense"}, 404, ""},
		{"malformed JSON", `{"slot_id": `, 400, ""},
		{"wrong type", `{"slot_id": "one"}`, 400, "slot_id"},
		{"topic too long", map[string]any{"slot_id": id(slots[0]), "topic": strings.Repeat("长", 101)}, 400, "topic"},
		{"oversize body", `{"note": "` + strings.Repeat("x", 1<<17) + `"}`, 413, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := a.wantStatus(a.do("POST", "/api/v1/bookings", c.body), c.status)
			_, _, fields := r.errorOf(t)
			if c.field != "" && fields[c.field] == nil {
				t.Fatalf("no message on %s: %s", c.field, r.body)
			}
		})
	}
	// An expired hold.
	hold := a.object("POST", "/api/v1/holds", map[string]any{"slot_id": id(slots[2])}, 201)
	time.Sleep(500 * time.Millisecond)
	r := a.wantStatus(a.do("POST", "/api/v1/bookings", map[string]any{"hold_id": hold["hold_id"]}), 404)
	r.wantError(t, holds.ErrNotFound)
	// A slot that has started.
	e.advance(13 * 24 * time.Hour) // now 2026-12-03
	a.wantStatus(a.do("POST", "/api/v1/bookings", map[string]any{"slot_id": id(slots[3])}), 400)
	a.wantStatus(a.do("POST", "/api/v1/holds", map[string]any{"slot_id": id(slots[3])}), 400)
	// Staff cannot book as residents; nobody books signed out.
	e.client().wantStatus(e.client().do("POST", "/api/v1/bookings", map[string]any{"slot_id": 1}), 401)
	n := e.count(`SELECT COUNT(*) FROM bookings`)
	if n != 0 {
		t.Fatalf("refused requests wrote %d bookings", n)
	}
}

// TestPastBookingsDoNotCount: the cap is on upcoming bookings; one that has
// ended without its attendance recorded does not hold a place in it.
func TestPastBookingsDoNotCount(t *testing.T) {
	bookingEngines(t, func(t *testing.T, e *env) {
		a := e.resident("13800000001")
		slots := slotsOn(a, "2026-12-03")
		for i := range 3 {
			a.object("POST", "/api/v1/bookings", map[string]any{"slot_id": id(slots[i])}, 201)
		}
		later := slotsOn(a, "2026-12-08")
		a.wantStatus(a.do("POST", "/api/v1/bookings", map[string]any{"slot_id": id(later[0])}), 409)
		e.advance(14 * 24 * time.Hour) // now 2026-12-04, the three are over
		a.object("POST", "/api/v1/bookings", map[string]any{"slot_id": id(later[0])}, 201)
	})
}

// TestBookingLimits: the cap on upcoming bookings and the overlap rule,
// on every engine (on MySQL the rules' reads go in one batch).
func TestBookingLimits(t *testing.T) {
	bookingEngines(t, testBookingLimits)
}

func testBookingLimits(t *testing.T, e *env) {
	a := e.resident("13800000001")
	slots := slotsOn(a, "2026-12-03")
	for i := range 3 {
		a.object("POST", "/api/v1/bookings", map[string]any{"slot_id": id(slots[i])}, 201)
	}
	r := a.wantStatus(a.do("POST", "/api/v1/bookings", map[string]any{"slot_id": id(slots[4])}), 409)
	// The message names the cap, which comes from the rules.
	if code, msg, _ := r.errorOf(t); code != string(errs.Conflict) || !strings.Contains(msg, strconv.Itoa(booking.DefaultRules.MaxActive)) {
		t.Fatalf("max active: %s %s", code, msg)
	}
	b := e.resident("13800000002")
	afternoon := slotsOn(b, "2026-12-04")
	b.object("POST", "/api/v1/bookings", map[string]any{"slot_id": id(afternoon[0])}, 201)
	// The station's Wednesday slot overlaps nothing; the same time elsewhere does.
	station := items(b.object("GET", "/api/v1/slots?site_id=2&from=2026-12-02&to=2026-12-02", nil, 200), "items")
	b.object("POST", "/api/v1/bookings", map[string]any{"slot_id": id(station[0])}, 201)
	r = b.wantStatus(b.do("POST", "/api/v1/bookings", map[string]any{"slot_id": id(slotsOn(b, "2026-12-02")[0])}), 409)
	if code, msg, _ := r.errorOf(t); code != string(errs.Conflict) || msg != booking.ErrOverlap.Message.ZH {
		t.Fatalf("overlap: %s", msg)
	}
}

// race sends each resident's confirms at the slots through the given
// servers and checks that exactly the capacity was booked.
func race(t *testing.T, e *env, clients []*client, slots []int64, capacity int, during func(i int)) {
	var created, fivexx atomic.Int64
	var wg sync.WaitGroup
	ids := make(chan string, len(clients))
	for i, c := range clients {
		wg.Go(func() {
			if during != nil {
				during(i)
			}
			slot := slots[i%len(slots)]
			body := map[string]any{"slot_id": slot}
			if h := c.do("POST", "/api/v1/holds", map[string]any{"slot_id": slot}); h.status == 201 {
				body = map[string]any{"hold_id": h.json(t)["hold_id"]}
			}
			r := c.do("POST", "/api/v1/bookings", body, "Idempotency-Key", fmt.Sprint("race-", i))
			switch {
			case r.status == http.StatusCreated:
				created.Add(1)
				ids <- fmt.Sprint(r.json(t)["id"])
			case r.status >= 500:
				fivexx.Add(1)
				t.Errorf("5xx: %d %s", r.status, r.body)
			}
		})
	}
	wg.Wait()
	close(ids)
	if created.Load() != int64(capacity) || fivexx.Load() != 0 {
		t.Fatalf("%d bookings confirmed, want %d; %d 5xx", created.Load(), capacity, fivexx.Load())
	}
	inDB := e.count(`SELECT COUNT(*) FROM bookings WHERE status = 'confirmed'`)
	overbooked := e.count(`SELECT COUNT(*) FROM slots WHERE booked > capacity`)
	if inDB != capacity || overbooked != 0 {
		t.Fatalf("%d bookings in the database, %d overbooked slots", inDB, overbooked)
	}
	for id := range ids {
		n := e.count(`SELECT COUNT(*) FROM bookings WHERE id = ?`, id)
		if n != 1 {
			t.Fatalf("booking %s answered 201 but is not in the database", id)
		}
	}
}

// contest makes 4 slots of 5 places (20 in all) and 200 signed-in residents.
func contest(t *testing.T, e *env, servers ...*env) ([]*client, []int64) {
	day := slotsOn(e.client(), "2026-12-07")
	var slots []int64
	for _, s := range day[:4] {
		slots = append(slots, id(s))
		if _, err := e.store.DB().Exec(`UPDATE slots SET capacity = 5 WHERE id = ?`, id(s)); err != nil {
			t.Fatal(err)
		}
	}
	if len(servers) == 0 {
		servers = []*env{e}
	}
	clients := make([]*client, 200)
	for i := range clients {
		clients[i] = servers[i%len(servers)].resident(fmt.Sprintf("137%08d", i))
	}
	return clients, slots
}

func TestConcurrentBooking(t *testing.T) {
	bookingEngines(t, func(t *testing.T, e *env) {
		clients, slots := contest(t, e)
		race(t, e, clients, slots, 20, nil)
	})
}

// Retries of one confirm, sent at once with the same key: one booking.
func TestConcurrentRetries(t *testing.T) {
	bookingEngines(t, func(t *testing.T, e *env) {
		a := e.resident("13800000009")
		slot := id(slotsOn(a, "2026-12-08")[0])
		var wg sync.WaitGroup
		codes := make(chan string, 10)
		for range 10 {
			wg.Go(func() {
				r := a.do("POST", "/api/v1/bookings", map[string]any{"slot_id": slot}, "Idempotency-Key", "same-key")
				if r.status != 201 {
					t.Errorf("retry answered %d: %s", r.status, r.body)
					return
				}
				codes <- r.json(t)["code"].(string)
			})
		}
		wg.Wait()
		close(codes)
		first := ""
		for c := range codes {
			if first != "" && c != first {
				t.Fatalf("retries made different bookings: %s and %s", first, c)
			}
			first = c
		}
		n := e.count(`SELECT COUNT(*) FROM bookings`)
		if n != 1 {
			t.Fatalf("%d bookings", n)
		}
	})
}

// Two app instances on one MariaDB and one Redis, clients spread over both.
func TestTwoInstances(t *testing.T) {
	if testenv.MySQLDSN() == "" || testenv.RedisAddr() == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI=true but the MariaDB or Redis test settings are missing")
		}
		t.Skip("MariaDB and Redis not configured")
	}
	rc, prefix := testenv.RequireRedis(t), testenv.RedisPrefix()
	shared := holds.NewRedis(rc, prefix)
	first := bookingEnv(t, "mysql", func(s *setup) { s.holds, s.prefix = shared, prefix })
	// The second instance shares the database, Redis (holds, sessions,
	// limits) and the keys, as deployed instances do.
	second := newEnv(t, "mysql", manyResidents, func(s *setup) {
		s.holds, s.shared, s.box, s.prefix = shared, first.store, first.box, prefix
	})
	clients, slots := contest(t, first, first, second)
	race(t, first, clients, slots, 20, nil)
}

// Redis is killed in the middle of the race and started again after: holds
// fail with 503, confirming goes on, and exactly the capacity is booked.
func TestRedisStoppedMidRun(t *testing.T) {
	rs := testenv.StartRedis(t)
	engine := "sqlite"
	if testenv.MySQLDSN() != "" {
		engine = "mysql"
	}
	c := redis.NewClient(&redis.Options{Addr: rs.Addr, ContextTimeoutEnabled: true, DialTimeout: 200 * time.Millisecond,
		ReadTimeout: 300 * time.Millisecond, MaxRetries: -1})
	t.Cleanup(func() { c.Close() })
	own := holds.NewRedis(c, "race:")
	e := bookingEnv(t, engine, func(s *setup) { s.holds, s.dbSessions = own, true })
	clients, slots := contest(t, e)
	race(t, e, clients, slots, 20, func(i int) {
		if i == 60 {
			rs.Stop()
		}
	})
	// While Redis is down a hold says so clearly.
	a := e.resident("13800000007")
	r := a.wantStatus(a.do("POST", "/api/v1/holds", map[string]any{"slot_id": id(slotsOn(a, "2026-12-09")[0])}), 503)
	if code, msg, _ := r.errorOf(t); code != string(errs.Unavailable) || msg != holds.ErrUnavailable.Message.ZH {
		t.Fatalf("hold without Redis: %s %s", code, msg)
	}
	rs.Start()
	deadline := time.Now().Add(10 * time.Second)
	for {
		r := a.do("POST", "/api/v1/holds", map[string]any{"slot_id": id(slotsOn(a, "2026-12-09")[0])})
		if r.status == 201 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("holds did not recover: %d %s", r.status, r.body)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
