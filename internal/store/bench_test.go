package store_test

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/legaldesk/legaldesk/internal/account"
	"github.com/legaldesk/legaldesk/internal/booking"
	"github.com/legaldesk/legaldesk/internal/network"
	"github.com/legaldesk/legaldesk/internal/store"
	"github.com/legaldesk/legaldesk/internal/testenv"
)

// BenchmarkConfirm is the confirm transaction issued straight to the
// database, many clients at once: the limit the HTTP path is compared with
// in docs/benchmarks.md.
func BenchmarkConfirm(b *testing.B) {
	for _, engine := range testenv.Engines(b) {
		b.Run(engine, func(b *testing.B) { benchConfirm(b, testenv.NewStore(b, engine)) })
	}
}

func benchConfirm(b *testing.B, s *store.Store) {
	ctx := context.Background()
	const residents, slots = 2000, 200
	site := network.Site{Name: "中心", Tier: network.Center, Active: true}
	if err := s.CreateSite(ctx, 0, &site, network.Check); err != nil {
		b.Fatal(err)
	}
	db := s.DB()
	start := time.Now().Add(48 * time.Hour).UTC()
	res, err := db.Exec(`INSERT INTO shifts (site_id, date, session, seat, starts_at, ends_at, created_at, updated_at) VALUES (?, '2030-01-01', 0, 0, ?, ?, ?, ?)`,
		site.ID, start, start, start, start)
	if err != nil {
		b.Fatal(err)
	}
	shift, _ := res.LastInsertId()
	slotIDs := make([]int64, slots)
	for i := range slotIDs {
		t := start.Add(time.Duration(i) * time.Minute)
		r, err := db.Exec(`INSERT INTO slots (shift_id, site_id, starts_at, ends_at, capacity, booked) VALUES (?, ?, ?, ?, 1000000, 0)`,
			shift, site.ID, t, t.Add(time.Minute))
		if err != nil {
			b.Fatal(err)
		}
		slotIDs[i], _ = r.LastInsertId()
	}
	users := make([]int64, residents)
	for i := range users {
		u := account.User{Role: account.Resident, Name: "r", PhoneSealed: "x", PhoneIndex: fmt.Sprint("bench", i), Active: true}
		if err := s.CreateUser(ctx, &u); err != nil {
			b.Fatal(err)
		}
		users[i] = u.ID
	}
	var n atomic.Int64
	b.SetParallelism(16)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			k := n.Add(1) - 1
			c := booking.Confirmation{ResidentID: users[k%residents], SlotID: slotIDs[(k/residents)%slots], Code: booking.NewCode(),
				At: time.Now(), Check: func(booking.Slot, []booking.Booking) error { return nil }}
			if _, _, err := s.Confirm(ctx, c); err != nil {
				b.Fatal(err)
			}
		}
	})
}
