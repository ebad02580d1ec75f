package store_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/legaldesk/legaldesk/internal/account"
	"github.com/legaldesk/legaldesk/internal/booking"
	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/network"
	"github.com/legaldesk/legaldesk/internal/store"
	"github.com/legaldesk/legaldesk/internal/testenv"
)

// TestStoreReturnsTheFeaturesErrors: the rules' errors have one owner, the
// booking feature; the store's guards (the conditional update, the UNIQUE
// key, the idempotency record) return those same errors.
func TestStoreReturnsTheFeaturesErrors(t *testing.T) {
	for _, engine := range testenv.Engines(t) {
		t.Run(engine, func(t *testing.T) { testFeatureErrors(t, testenv.NewStore(t, engine)) })
	}
}

func testFeatureErrors(t *testing.T, s *store.Store) {
	ctx := context.Background()
	slot, users := oneSlot(t, s, 3)
	confirm := func(user int64, key, hash string) error {
		_, _, err := s.Confirm(ctx, booking.Confirmation{ResidentID: user, SlotID: slot, Code: booking.NewCode(), IdemKey: key,
			RequestHash: hash, At: time.Now(), Check: func(booking.Slot, []booking.Booking) error { return nil }})
		return err
	}
	if err := confirm(users[0], "k1", "h1"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Replayed(ctx, users[0], "k1", "another body"); !errors.Is(err, errs.ErrKeyReused) {
		t.Errorf("a key reused for another body: %v, want errs.ErrKeyReused", err)
	}
	if err := confirm(users[0], "", ""); !errors.Is(err, booking.ErrAlreadyBooked) {
		t.Errorf("the same resident again: %v, want booking.ErrAlreadyBooked", err)
	}
	if err := confirm(users[1], "", ""); err != nil {
		t.Fatal(err)
	}
	if err := confirm(users[2], "", ""); !errors.Is(err, booking.ErrSlotFull) {
		t.Errorf("a full slot: %v, want booking.ErrSlotFull", err)
	}
}

// oneSlot makes a site with one slot of capacity 2 and n residents.
func oneSlot(t *testing.T, s *store.Store, n int) (int64, []int64) {
	slots, users := seedSlots(t, s, 1, 2, n)
	return slots[0], users
}

// seedSlots makes a site with one shift of nSlots one-minute slots of the
// given capacity, and n residents.
func seedSlots(tb testing.TB, s *store.Store, nSlots, capacity, n int) ([]int64, []int64) {
	ctx := context.Background()
	site := network.Site{Name: "中心", Tier: network.Center, Active: true}
	if err := s.CreateSite(ctx, 0, &site, network.Check); err != nil {
		tb.Fatal(err)
	}
	start := time.Now().Add(48 * time.Hour).UTC().Truncate(time.Second)
	db := s.DB()
	res, err := db.Exec(`INSERT INTO shifts (site_id, date, session, seat, starts_at, ends_at, created_at, updated_at) VALUES (?, '2030-01-01', 0, 0, ?, ?, ?, ?)`,
		site.ID, start, start, start, start)
	if err != nil {
		tb.Fatal(err)
	}
	shift, _ := res.LastInsertId()
	slots := make([]int64, nSlots)
	for i := range slots {
		at := start.Add(time.Duration(i) * time.Minute)
		res, err := db.Exec(`INSERT INTO slots (shift_id, site_id, starts_at, ends_at, capacity, booked) VALUES (?, ?, ?, ?, ?, 0)`,
			shift, site.ID, at, at.Add(time.Minute), capacity)
		if err != nil {
			tb.Fatal(err)
		}
		slots[i], _ = res.LastInsertId()
	}
	users := make([]int64, n)
	for i := range users {
		u := account.User{Role: account.Resident, Name: "r", PhoneSealed: "x", PhoneIndex: fmt.Sprint("owner", i), Active: true}
		if err := s.CreateUser(ctx, &u); err != nil {
			tb.Fatal(err)
		}
		users[i] = u.ID
	}
	return slots, users
}
