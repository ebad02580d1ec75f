package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/legaldesk/legaldesk/internal/store"
	"github.com/legaldesk/legaldesk/internal/testenv"
)

// TestSessionsExpireByTheStoreClock: an expired session is not found, and
// the sweep deletes it (the table does not grow for ever), both by the
// store's injected clock.
func TestSessionsExpireByTheStoreClock(t *testing.T) {
	for _, engine := range testenv.Engines(t) {
		t.Run(engine, func(t *testing.T) {
			ctx := context.Background()
			s := testenv.NewStore(t, engine)
			now := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
			s.Now = func() time.Time { return now }
			d := store.Sessions{S: s}
			if err := d.CommitCtx(ctx, "old", []byte("a"), now.Add(time.Hour)); err != nil {
				t.Fatal(err)
			}
			if err := d.CommitCtx(ctx, "new", []byte("b"), now.Add(3*time.Hour)); err != nil {
				t.Fatal(err)
			}
			now = now.Add(2 * time.Hour)
			if _, found, err := d.FindCtx(ctx, "old"); found || err != nil {
				t.Fatalf("an expired session was found: %v %v", found, err)
			}
			if err := s.DeleteExpiredSessions(ctx); err != nil {
				t.Fatal(err)
			}
			var left []string
			if err := s.DB().Select(&left, `SELECT token FROM sessions ORDER BY token`); err != nil {
				t.Fatal(err)
			}
			if len(left) != 1 || left[0] != "new" {
				t.Fatalf("sessions left after the sweep: %v", left)
			}
		})
	}
}
