package loadtest

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/legaldesk/legaldesk/internal/calendar"
)

// signIn makes residents 137xxxxxxxx and signs each in with the code the
// log sender put in the outbox.
func signIn(ctx context.Context, o Options, admin *client) ([]*client, error) {
	out := make([]*client, o.Residents)
	// New residents on every run, so runs against one server do not add up.
	base := 10_000_000 + int(time.Now().UnixMilli()%800)*100_000
	var firstErr error
	var mu sync.Mutex
	parallel(o.Residents, min(o.Concurrency, 8), func(i int) {
		// Residents are spread over the instances, round robin; they share
		// one database and one Redis, so the race is the same race.
		c := newClient(o.instance(i))
		phone := fmt.Sprintf("137%08d", base+i)
		err := signInOne(ctx, c, admin, phone)
		mu.Lock()
		defer mu.Unlock()
		if err != nil && firstErr == nil {
			firstErr = fmt.Errorf("resident %s: %w (raise LEGALDESK_AUTH_SMS_PER_PHONE and LEGALDESK_AUTH_LOGIN_PER_PHONE on the server)", phone, err)
		}
		out[i] = c
	})
	return out, firstErr
}

func signInOne(ctx context.Context, c, admin *client, phone string) error {
	if st, err := c.call(ctx, "POST", "/api/v1/auth/sms-code", map[string]string{"phone": phone}, nil); err != nil || st != 204 {
		return fmt.Errorf("sms-code: status %d %v", st, err)
	}
	var box struct {
		Items []struct{ Body string } `json:"items"`
	}
	if _, err := admin.call(ctx, "GET", "/api/v1/admin/outbox?kind=sms_code&limit=1&phone="+phone, nil, &box); err != nil || len(box.Items) == 0 {
		return fmt.Errorf("no code in the outbox: %v", err)
	}
	b := box.Items[0].Body
	i := strings.Index(b, "验证码是")
	if i < 0 {
		return fmt.Errorf("no code in %q", b)
	}
	code := b[i+len("验证码是") : i+len("验证码是")+6]
	if st, err := c.call(ctx, "POST", "/api/v1/auth/login", map[string]string{"phone": phone, "code": code}, nil); err != nil || st != 200 {
		return fmt.Errorf("login: status %d %v", st, err)
	}
	return nil
}

type slot struct {
	ID        int64  `json:"id"`
	Remaining int    `json:"remaining"`
	Bookable  bool   `json:"bookable"`
	Start     string `json:"starts_at"`
}

// availabilityPath is the site's availability over the coming days.
func availabilityPath(o Options) string {
	now := time.Now().In(calendar.Shanghai)
	return fmt.Sprintf("/api/v1/slots?site_id=%d&from=%s&to=%s", o.SiteID, now.Format("2006-01-02"), now.AddDate(0, 0, o.Days).Format("2006-01-02"))
}

// reads measures availability for the site over the coming days.
func reads(ctx context.Context, o Options, c *client) Latency {
	t := &timer{name: "availability (GET)", start: time.Now()}
	path := availabilityPath(o)
	parallel(o.Reads, o.Concurrency, func(int) {
		start := time.Now()
		// As a browser asks; the generator leaves the unpacking to the
		// phones it stands for and discards the bytes.
		st, err := c.call(ctx, "GET", path, nil, nil, "Accept-Encoding", "gzip")
		t.record(time.Since(start), err == nil && st == 200)
	})
	return t.summary()
}

// readsAt measures availability at a steady rate, as people arrive rather
// than as fast as the machine allows: request i is due at start + i/rate
// and its latency counts from when it was due, so a server that falls
// behind is charged for the wait (no coordinated omission). Five seconds.
func readsAt(ctx context.Context, o Options, c *client, rate int) Latency {
	path := availabilityPath(o)
	t := &timer{name: fmt.Sprintf("availability at %d/s", rate), start: time.Now()}
	parallel(5*rate, o.Concurrency, func(i int) {
		due := t.start.Add(time.Duration(i) * time.Second / time.Duration(rate))
		time.Sleep(time.Until(due))
		st, err := c.call(ctx, "GET", path, nil, nil, "Accept-Encoding", "gzip")
		t.record(time.Since(due), err == nil && st == 200)
	})
	return t.summary()
}

// contestedDay finds the first day after `after` (YYYY-MM-DD, or "" for
// today) with bookable places at the site.
func contestedDay(ctx context.Context, o Options, c *client, after string) (string, []slot, error) {
	now := time.Now().In(calendar.Shanghai)
	for i := 1; i <= 30; i++ {
		day := now.AddDate(0, 0, i).Format("2006-01-02")
		if day <= after {
			continue
		}
		var out struct{ Items []slot }
		if _, err := c.call(ctx, "GET", fmt.Sprintf("/api/v1/slots?site_id=%d&from=%s&to=%s", o.SiteID, day, day), nil, &out); err != nil {
			return "", nil, err
		}
		var open []slot
		for _, s := range out.Items {
			if s.Bookable && s.Remaining > 0 {
				open = append(open, s)
			}
		}
		if len(open) > 0 {
			return day, open, nil
		}
	}
	return "", nil, fmt.Errorf("site %d has no bookable place in 30 days: publish a roster first", o.SiteID)
}

// race: every resident holds a slot and confirms (by slot when the hold is
// refused), each with its own Idempotency-Key, and retries once with it.
func race(ctx context.Context, o Options, residents []*client, slots []slot) (Latency, Latency, int, []string) {
	holds := &timer{name: "hold (POST /holds)", start: time.Now()}
	confirms := &timer{name: "confirm (POST)", start: time.Now()}
	var booked atomic.Int64
	var mu sync.Mutex
	var problems []string
	parallel(len(residents), o.Concurrency, func(i int) {
		c, s := residents[i], slots[i%len(slots)]
		body := map[string]any{"slot_id": s.ID}
		var h struct {
			HoldID string `json:"hold_id"`
		}
		start := time.Now()
		st, err := c.call(ctx, "POST", "/api/v1/holds", map[string]any{"slot_id": s.ID}, &h)
		holds.record(time.Since(start), err == nil && st < 500)
		if st == 201 {
			body = map[string]any{"hold_id": h.HoldID}
		}
		key := fmt.Sprint("load-", i, "-", time.Now().UnixNano())
		var first, again struct{ ID int64 }
		start = time.Now()
		st, err = c.call(ctx, "POST", "/api/v1/bookings", body, &first, "Idempotency-Key", key)
		confirms.record(time.Since(start), err == nil && st < 500)
		if st != 201 {
			return
		}
		booked.Add(1)
		// A retry after a lost answer must give the same booking.
		if st2, _ := c.call(ctx, "POST", "/api/v1/bookings", body, &again, "Idempotency-Key", key); st2 != 201 || again.ID != first.ID {
			mu.Lock()
			problems = append(problems, fmt.Sprintf("retry of booking %d answered %d with %d", first.ID, st2, again.ID))
			mu.Unlock()
		}
	})
	return holds.summary(), confirms.summary(), int(booked.Load()), problems
}

// check compares the race's answers with what the server now says.
func check(ctx context.Context, o Options, c *client, day string, slots []slot, rep Report) []string {
	var problems []string
	if rep.Booked != rep.Places {
		problems = append(problems, fmt.Sprintf("%d bookings confirmed for %d free places", rep.Booked, rep.Places))
	}
	if rep.Confirms.Errors+rep.Holds.Errors > 0 {
		problems = append(problems, fmt.Sprintf("%d server errors", rep.Confirms.Errors+rep.Holds.Errors))
	}
	var out struct{ Items []slot }
	c.call(ctx, "GET", fmt.Sprintf("/api/v1/slots?site_id=%d&from=%s&to=%s", o.SiteID, day, day), nil, &out)
	contested := map[int64]bool{}
	for _, s := range slots {
		contested[s.ID] = true
	}
	for _, s := range out.Items {
		if contested[s.ID] && s.Remaining != 0 {
			problems = append(problems, fmt.Sprintf("slot %d still shows %d places", s.ID, s.Remaining))
		}
	}
	return problems
}
