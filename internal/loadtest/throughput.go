package loadtest

import (
	"context"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/legaldesk/legaldesk/internal/calendar"
)

// bigSlot is the capacity of each slot set up for the throughput phase
// (the most a duty rule allows).
const bigSlot = 50

// prepareThroughput gives the notary office (a site with no duty of its
// own in the demo) a rule with large slots, a pool and a published week,
// so that confirms can succeed in bulk. It returns the site and its slots.
func prepareThroughput(ctx context.Context, admin *client, after string) (int64, []slot, error) {
	var sites struct {
		Items []struct{ ID int64 } `json:"items"`
	}
	if _, err := admin.call(ctx, "GET", "/api/v1/sites?tier=notary", nil, &sites); err != nil || len(sites.Items) == 0 {
		return 0, nil, fmt.Errorf("no notary site to measure on: %v", err)
	}
	site := sites.Items[0].ID
	var lawyers struct {
		Items []struct{ ID int64 } `json:"items"`
	}
	admin.call(ctx, "GET", "/api/v1/lawyers", nil, &lawyers)
	var pool []int64
	for i, l := range lawyers.Items {
		if i < 10 {
			pool = append(pool, l.ID)
		}
	}
	if st, err := admin.call(ctx, "PUT", fmt.Sprintf("/api/v1/sites/%d/lawyers", site), map[string]any{"lawyer_ids": pool}, nil); err != nil || st != 200 {
		return 0, nil, fmt.Errorf("pool: status %d %v", st, err)
	}
	today := time.Now().In(calendar.Shanghai)
	rule := map[string]any{"site_id": site, "pattern": "workdays", "sessions": []map[string]string{{"start": "08:00", "end": "18:00"}},
		"slot_minutes": 60, "capacity": bigSlot, "lawyers_per_session": 1, "holiday_policy": "skip",
		"effective_from": today.Format("2006-01-02")}
	if st, err := admin.call(ctx, "POST", "/api/v1/duty-rules", rule, nil); err != nil || (st != 201 && st != 409) {
		return 0, nil, fmt.Errorf("duty rule: status %d %v", st, err)
	}
	period := map[string]any{"from": today.AddDate(0, 0, 1).Format("2006-01-02"), "to": today.AddDate(0, 0, 28).Format("2006-01-02"), "site_ids": []int64{site}}
	if st, err := admin.call(ctx, "POST", "/api/v1/rosters/publish", period, nil); err != nil || st != 200 {
		return 0, nil, fmt.Errorf("publish: status %d %v", st, err)
	}
	// Every open place of four published weeks (the booking horizon is 30
	// days), not just one day's: a run of thousands of residents needs
	// more than one day holds, and a phase of a few seconds measures noise.
	var out struct{ Items []slot }
	path := fmt.Sprintf("/api/v1/slots?site_id=%d&from=%s&to=%s", site, period["from"], period["to"])
	if _, err := admin.call(ctx, "GET", path, nil, &out); err != nil {
		return 0, nil, err
	}
	var open []slot
	for _, s := range out.Items {
		if s.Bookable && s.Remaining > 0 && s.Start[:10] > after {
			open = append(open, s)
		}
	}
	if len(open) == 0 {
		return 0, nil, fmt.Errorf("site %d has no open place after %s", site, after)
	}
	return site, open, nil
}

// throughput has every resident confirm straight by slot on distinct slots
// (no holds, no contention on one row), so that most confirms succeed.
func throughput(ctx context.Context, o Options, residents []*client, slots []slot) (Latency, int, int) {
	t := &timer{name: "confirm (successes)", start: time.Now()}
	var ok atomic.Int64
	places := 0
	for _, s := range slots {
		places += s.Remaining
	}
	// Each resident may hold three upcoming bookings (one may be taken).
	per := min(2, len(slots), places/len(residents))
	parallel(len(residents)*per, o.Concurrency, func(i int) {
		c, s := residents[i/per], slots[(i%per+i/per)%len(slots)]
		start := time.Now()
		st, err := c.call(ctx, "POST", "/api/v1/bookings", map[string]any{"slot_id": s.ID}, nil)
		if err == nil && st == 201 {
			ok.Add(1)
			t.record(time.Since(start), true)
		}
	})
	return t.summary(), int(ok.Load()), len(residents) * per
}
