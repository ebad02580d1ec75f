package demo_test

import (
	"context"
	"regexp"
	"testing"
	"time"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/demo"
	"github.com/legaldesk/legaldesk/internal/testenv"
)

// TestDisputeHistory seeds the demo and its past year of disputes on every
// engine, and checks what statistics will read: 1,676 accepted in 2025 by
// China time, 1,675 resolved with closed_at in 2025, all marked demo, each
// in a township of the network and with sealed parties; a second run adds
// nothing.
func TestDisputeHistory(t *testing.T) {
	for _, engine := range testenv.Engines(t) {
		t.Run(engine, func(t *testing.T) {
			ctx := context.Background()
			s, box := seeded(t, engine)
			start := time.Now()
			n, err := demo.SeedDisputeHistory(ctx, s, box, 2025)
			if err != nil || n != demo.HistoryAccepted {
				t.Fatalf("seeded %d, %v", n, err)
			}
			t.Logf("%d disputes in %v", n, time.Since(start).Round(time.Millisecond))
			from, to := calendar.NewDate(2025, 1, 1).At(0, 0).UTC(), calendar.NewDate(2026, 1, 1).At(0, 0).UTC()
			count := func(q string, args ...any) int {
				t.Helper()
				var n int
				if err := s.DB().Get(&n, q, args...); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
				return n
			}
			if got := count(`SELECT COUNT(*) FROM disputes WHERE demo = 1 AND accepted_at >= ? AND accepted_at < ?`, from, to); got != 1676 {
				t.Errorf("%d accepted in 2025, want 1676", got)
			}
			if got := count(`SELECT COUNT(*) FROM disputes WHERE status = 'resolved' AND closed_at >= ? AND closed_at < ?`, from, to); got != 1675 {
				t.Errorf("%d resolved in 2025, want 1675", got)
			}
			if got := count(`SELECT COUNT(*) FROM disputes WHERE status = 'unresolved' AND referred_to = 'court'`); got != 1 {
				t.Errorf("%d not resolved, want 1", got)
			}
			if got := count(`SELECT COUNT(*) FROM disputes WHERE township NOT IN (SELECT township FROM sites WHERE tier = 'station')
				OR (committee_id IS NULL) = (room_site_id IS NULL) OR closed_at < accepted_at`); got != 0 {
				t.Errorf("%d disputes outside a township, without exactly one assignment, or closed before accepted", got)
			}
			if got := count(`SELECT COUNT(DISTINCT township) FROM disputes`); got != 16 {
				t.Errorf("disputes in %d townships, want 16", got)
			}
			if got := count(`SELECT COUNT(*) FROM dispute_events`); got != 4*1676 {
				t.Errorf("%d events, want 4 per dispute", got)
			}
			var sealed []string
			if err := s.DB().Select(&sealed, `SELECT name_sealed FROM dispute_parties ORDER BY id LIMIT 50`); err != nil || len(sealed) != 50 {
				t.Fatalf("parties: %d, %v", len(sealed), err)
			}
			han := regexp.MustCompile(`\p{Han}`)
			for _, v := range sealed {
				name, err := box.Open(v)
				if err != nil || han.MatchString(v) || !han.MatchString(name) {
					t.Fatalf("party %q opens to %q, %v", v, name, err)
				}
			}
			if n, err := demo.SeedDisputeHistory(ctx, s, box, 2025); err != nil || n != 0 {
				t.Fatalf("second run wrote %d, %v", n, err)
			}
			if got := count(`SELECT COUNT(*) FROM disputes`); got != 1676 {
				t.Errorf("%d disputes after a second run", got)
			}
		})
	}
}
