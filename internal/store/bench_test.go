package store_test

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/legaldesk/legaldesk/internal/booking"
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
	const residents = 2000
	slotIDs, users := seedSlots(b, s, 200, 1000000, residents)
	slots := int64(len(slotIDs))
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
