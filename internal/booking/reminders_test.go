package booking_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/legaldesk/legaldesk/internal/booking"
	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/demo"
	"github.com/legaldesk/legaldesk/internal/pii"
	"github.com/legaldesk/legaldesk/internal/roster"
	"github.com/legaldesk/legaldesk/internal/testenv"
)

// counter records notices per booking and kind.
type counter struct {
	mu   sync.Mutex
	sent map[string]int
}

func (c *counter) NotifyUser(_ context.Context, userID int64, kind, _ string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sent[kind]++
	return nil
}

// TestReminders: with an injected clock, the 24-hour and 2-hour reminders
// go once each, even with two schedulers racing; a booking made late gets
// only the reminder it is still early enough for.
func TestReminders(t *testing.T) {
	for _, engine := range testenv.Engines(t) {
		t.Run(engine, func(t *testing.T) { testReminders(t, engine) })
	}
}

func testReminders(t *testing.T, engine string) {
	ctx := context.Background()
	st := testenv.NewStore(t, engine)
	box, _ := pii.NewBox("k", pii.NewKey(), pii.NewKey())
	booked := time.Date(2026, 11, 20, 9, 0, 0, 0, calendar.Shanghai)
	d, _ := demo.Build(box, booked)
	if _, err := st.SeedOnce(ctx, d); err != nil {
		t.Fatal(err)
	}
	svc := &roster.Service{Store: st, Now: func() time.Time { return booked }, WeeklyCap: 3, MaxDays: 93}
	if _, _, err := svc.Publish(ctx, 1, calendar.NewDate(2026, 12, 1), calendar.NewDate(2026, 12, 4), []int64{1}); err != nil {
		t.Fatal(err)
	}
	slots, err := st.Slots(ctx, 1, time.Date(2026, 12, 2, 0, 0, 0, 0, calendar.Shanghai), time.Date(2026, 12, 3, 0, 0, 0, 0, calendar.Shanghai))
	if err != nil || len(slots) < 2 {
		t.Fatalf("slots: %d %v", len(slots), err)
	}
	confirm := func(resident int64, slot booking.Slot, at time.Time) {
		_, _, err := st.Confirm(ctx, booking.Confirmation{ResidentID: resident, SlotID: slot.ID, Code: booking.NewCode(), At: at,
			Check: func(booking.Slot, []booking.Booking) error { return nil }})
		if err != nil {
			t.Fatal(err)
		}
	}
	residents := residentIDs(t, st)
	confirm(residents[0], slots[0], booked)                           // days ahead: both reminders
	confirm(residents[1], slots[1], slots[1].Start.Add(-5*time.Hour)) // 5 hours ahead: only the 2-hour one

	n := &counter{sent: map[string]int{}}
	now := booked
	clock := func() time.Time { return now }
	run := func() {
		var wg sync.WaitGroup
		var total atomic.Int64
		for range 2 { // two instances at once
			wg.Go(func() {
				r := &booking.Reminders{Store: st, Notify: n, Log: discard(), Now: clock, Kinds: booking.DefaultReminders}
				k, err := r.RunOnce(ctx)
				if err != nil {
					t.Error(err)
				}
				total.Add(int64(k))
			})
		}
		wg.Wait()
	}
	run()
	if len(n.sent) != 0 {
		t.Fatalf("sent too early: %v", n.sent)
	}
	now = slots[0].Start.Add(-23 * time.Hour)
	run()
	run()
	if n.sent["reminder_24h"] != 1 || n.sent["reminder_2h"] != 0 {
		t.Fatalf("a day before: %v", n.sent)
	}
	now = slots[1].Start.Add(-90 * time.Minute)
	run()
	run()
	if n.sent["reminder_24h"] != 1 || n.sent["reminder_2h"] != 2 {
		t.Fatalf("90 minutes before: %v", n.sent)
	}
	now = slots[1].Start.Add(time.Hour)
	run()
	if n.sent["reminder_2h"] != 2 {
		t.Fatalf("after the start: %v", n.sent)
	}
}
