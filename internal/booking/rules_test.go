package booking_test

import (
	"context"
	"testing"
	"time"

	"github.com/legaldesk/legaldesk/internal/booking"
	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/demo"
	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/holds"
	"github.com/legaldesk/legaldesk/internal/pii"
	"github.com/legaldesk/legaldesk/internal/roster"
	"github.com/legaldesk/legaldesk/internal/store"
	"github.com/legaldesk/legaldesk/internal/testenv"
)

// rulesEnv is the demo with the centre (site 1, tier "center") rostered for
// 2026-12-02, and a booking service whose clock the test sets.
func rulesEnv(t *testing.T, rules map[string]booking.Rules) (*booking.Service, *store.Store, []booking.Slot, *time.Time) {
	ctx := context.Background()
	st := testenv.NewStore(t, "sqlite")
	box, _ := pii.NewBox("k", pii.NewKey(), pii.NewKey())
	now := time.Date(2026, 11, 20, 9, 0, 0, 0, calendar.Shanghai)
	d, _ := demo.Build(box, now)
	if _, err := st.SeedOnce(ctx, d); err != nil {
		t.Fatal(err)
	}
	rs := &roster.Service{Store: st, Now: func() time.Time { return now }, WeeklyCap: 3, MaxDays: 93}
	if _, _, err := rs.Publish(ctx, 1, calendar.NewDate(2026, 12, 2), calendar.NewDate(2026, 12, 2), []int64{1}); err != nil {
		t.Fatal(err)
	}
	slots, err := st.Slots(ctx, 1, time.Date(2026, 12, 2, 0, 0, 0, 0, calendar.Shanghai), time.Date(2026, 12, 3, 0, 0, 0, 0, calendar.Shanghai))
	if err != nil || len(slots) < 4 {
		t.Fatalf("slots: %d %v", len(slots), err)
	}
	svc := &booking.Service{Store: st, Holds: holds.Slots{Store: holds.NewMemory(), TTL: time.Minute}, Notify: &counter{sent: map[string]int{}},
		Log: discard(), Now: func() time.Time { return now }, Rules: rules}
	return svc, st, slots, &now
}

// TestCancelCutoffPerTier: the centre's own cut-off applies to its
// bookings, not the general one.
func TestCancelCutoffPerTier(t *testing.T) {
	ctx := context.Background()
	rules := map[string]booking.Rules{"": booking.DefaultRules, "center": booking.DefaultRules}
	c := rules["center"]
	c.CancelCutoff = 48 * time.Hour
	rules["center"] = c
	svc, st, slots, now := rulesEnv(t, rules)
	resident := residentIDs(t, st)[0]
	b, _, err := svc.Confirm(ctx, resident, booking.Request{SlotID: slots[0].ID})
	if err != nil {
		t.Fatal(err)
	}
	// 30 hours before: past the general 2-hour cut-off, inside the centre's 48.
	*now = slots[0].Start.Add(-30 * time.Hour)
	me := booking.Viewer{ID: resident, Role: booking.AsResident}
	if _, err := svc.Cancel(ctx, me, b.ID, ""); !errs.Is(err, errs.Invalid) {
		t.Fatalf("cancel 30 h before with a 48 h cut-off: %v, want refused", err)
	}
	if _, err := svc.Cancel(ctx, booking.Viewer{ID: 1, Role: booking.AsAdmin}, b.ID, "电话取消"); err != nil {
		t.Fatalf("an administrator may cancel after the cut-off: %v", err)
	}
}
