package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/legaldesk/legaldesk/internal/advisor"
	"github.com/legaldesk/legaldesk/internal/demo"
	"github.com/legaldesk/legaldesk/internal/pii"
	"github.com/legaldesk/legaldesk/internal/testenv"
)

// BenchmarkAutoApplyCity: the demo city's 301 village rooms, none covered,
// auto-assigned and saved in one transaction (load, plan, 301 inserts with
// their cap checks and audit lines), on each engine.
func BenchmarkAutoApplyCity(b *testing.B) {
	for _, engine := range testenv.Engines(b) {
		b.Run(engine, func(b *testing.B) {
			s := testenv.NewStore(b, engine)
			box, _ := pii.NewBox("k1", pii.NewKey(), pii.NewKey())
			d, err := demo.Build(box, time.Now())
			if err != nil {
				b.Fatal(err)
			}
			if _, err := s.SeedOnce(context.Background(), d); err != nil {
				b.Fatal(err)
			}
			svc := &advisor.Service{Store: s, Now: time.Now, Cap: 10, TermMonths: 36}
			const vacate = `UPDATE advisor_assignments SET status = 'ended', active_site_id = NULL WHERE status = 'active'`
			for b.Loop() {
				b.StopTimer()
				if _, err := s.DB().Exec(vacate); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				res, err := svc.AutoApply(context.Background(), 1, "")
				if err != nil || len(res.Proposals) != 301 {
					b.Fatalf("%d proposals, %v", len(res.Proposals), err)
				}
			}
		})
	}
}
