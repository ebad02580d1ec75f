package booking_test

import (
	"context"
	"errors"
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
	// The centre (site 1) and the first station (site 2) both sit on Wednesday mornings.
	if _, _, err := rs.Publish(ctx, 1, calendar.NewDate(2026, 12, 2), calendar.NewDate(2026, 12, 2), []int64{1, 2}); err != nil {
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

// TestBookingRules: notice, horizon, the past, the cap on active bookings
// and overlapping bookings, each under an injected clock and each refused
// with its code and field.
func TestBookingRules(t *testing.T) {
	ctx := context.Background()
	centre := booking.DefaultRules
	centre.MaxActive = 2
	svc, st, slots, now := rulesEnv(t, map[string]booking.Rules{"": booking.DefaultRules, "center": centre})
	residents := residentIDs(t, st)
	start := slots[0].Start
	refused := []struct {
		name  string
		at    time.Time
		code  errs.Code
		field string
	}{
		{"inside the minimum notice", start.Add(-time.Hour), errs.Invalid, "slot_id"},
		{"beyond the horizon", start.Add(-31 * 24 * time.Hour), errs.Invalid, "slot_id"},
		{"already started", start.Add(time.Minute), errs.Invalid, "slot_id"},
	}
	for _, tc := range refused {
		*now = tc.at
		_, _, err := svc.Confirm(ctx, residents[0], booking.Request{SlotID: slots[0].ID})
		var e *errs.Error
		if !errors.As(err, &e) || e.Code != tc.code || e.Fields[tc.field].ZH == "" {
			t.Errorf("%s: %v, want %s on %s", tc.name, err, tc.code, tc.field)
		}
	}
	*now = start.Add(-3 * 24 * time.Hour)
	for _, sl := range slots[:2] {
		if _, _, err := svc.Confirm(ctx, residents[0], booking.Request{SlotID: sl.ID}); err != nil {
			t.Fatalf("within the rules: %v", err)
		}
	}
	if _, _, err := svc.Confirm(ctx, residents[0], booking.Request{SlotID: slots[2].ID}); !errs.Is(err, errs.Conflict) {
		t.Errorf("a third active booking at the centre (cap 2): %v, want conflict", err)
	}
	// The station's first slot is at the same time as the centre's first.
	stationSlots, err := st.Slots(ctx, 2, start.Add(-time.Hour), start.Add(time.Hour))
	if err != nil || len(stationSlots) == 0 || !stationSlots[0].Start.Equal(start) {
		t.Fatalf("station slots: %v %v", stationSlots, err)
	}
	if _, _, err := svc.Confirm(ctx, residents[0], booking.Request{SlotID: stationSlots[0].ID}); !errs.Is(err, errs.Conflict) {
		t.Errorf("an overlapping booking elsewhere: %v, want conflict", err)
	}
	if _, _, err := svc.Confirm(ctx, residents[1], booking.Request{SlotID: slots[0].ID}); !errors.Is(err, booking.ErrSlotFull) {
		t.Errorf("another resident on a full slot: %v, want booking.ErrSlotFull", err)
	}
}

// countingStore counts availability queries.
type countingStore struct {
	booking.Store
	slots int
}

func (c *countingStore) Slots(ctx context.Context, siteID int64, from, to time.Time) ([]booking.Slot, error) {
	c.slots++
	return c.Store.Slots(ctx, siteID, from, to)
}

// TestAvailabilityCache: a site's availability is served from the cache
// until it expires, a booking at that site changes it or the roster does; what it shows is
// always what a fresh read would show.
func TestAvailabilityCache(t *testing.T) {
	ctx := context.Background()
	svc, st, slots, now := rulesEnv(t, map[string]booking.Rules{"": booking.DefaultRules})
	counting := &countingStore{Store: st}
	svc.Store, svc.CacheTTL = counting, 5*time.Second
	from, to := slots[0].Start.Add(-time.Hour), slots[0].Start.Add(24*time.Hour)
	read := func() []booking.Slot {
		got, err := svc.Availability(ctx, 1, from, to)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	first := read()
	read()
	if counting.slots != 1 {
		t.Fatalf("%d queries for two reads within the TTL, want 1", counting.slots)
	}
	if _, _, err := svc.Confirm(ctx, residentIDs(t, st)[0], booking.Request{SlotID: slots[0].ID}); err != nil {
		t.Fatal(err)
	}
	after := read()
	if counting.slots != 2 || after[0].Remaining != first[0].Remaining-1 {
		t.Fatalf("after a confirm: %d queries, remaining %d (was %d)", counting.slots, after[0].Remaining, first[0].Remaining)
	}
	*now = now.Add(6 * time.Second)
	read()
	if counting.slots != 3 {
		t.Fatalf("an expired entry was served: %d queries", counting.slots)
	}
	// A published roster, a leave or a swap may change any site's slots.
	svc.ShiftsChanged(ctx, nil)
	read()
	if counting.slots != 4 {
		t.Fatalf("an entry was served after the roster changed: %d queries", counting.slots)
	}
}
