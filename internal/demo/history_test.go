package demo_test

import (
	"context"
	"testing"
	"time"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/demo"
	"github.com/legaldesk/legaldesk/internal/pii"
	"github.com/legaldesk/legaldesk/internal/stats"
	"github.com/legaldesk/legaldesk/internal/store"
	"github.com/legaldesk/legaldesk/internal/testenv"
)

// TestHistory seeds the demo with its past year on every engine and checks
// that the year's figures are of the seed's order of magnitude, that every
// row written is marked demo, and that the annual view says so.
func TestHistory(t *testing.T) {
	for _, engine := range testenv.Engines(t) {
		t.Run(engine, func(t *testing.T) {
			ctx := context.Background()
			s, box := seeded(t, engine)
			started := time.Now()
			if err := demo.History(ctx, s, box); err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: history written in %v", engine, time.Since(started).Round(time.Millisecond))
			svc := &stats.Service{Store: s, Box: box}
			a, err := svc.Annual(ctx, stats.Viewer{ID: 1, Role: "admin"}, demo.HistoryYear)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]float64{}
			for _, f := range a.Figures {
				if f.Value != nil {
					got[f.Key] = *f.Value
				}
			}
			for key, want := range map[string][2]float64{
				"legal_aid_received": {540, 560}, "legal_aid_special_groups": {480, 500}, "notary_matters": {350, 400},
				"consultations_booked": {1500, 3000}, "consultations_walk_in": {200, 800}, "legal_aid_on_time": {90, 99.9},
				"advisor_services": {500, 100000}, "notary_home_visits": {15, 40}, "legal_aid_refused": {20, 40},
			} {
				if got[key] < want[0] || got[key] > want[1] {
					t.Errorf("%s = %v, want %v–%v", key, got[key], want[0], want[1])
				}
			}
			if !a.IncludesDemo {
				t.Error("the annual view does not say it includes demo data")
			}
			for _, table := range []string{"legal_aid_applications", "bookings", "consultations", "notary_visits", "advisor_logs"} {
				var n int
				if err := s.DB().Get(&n, `SELECT COUNT(*) FROM `+table+` WHERE demo = 0`); err != nil || n != 0 {
					t.Errorf("%s: %d rows not marked demo (%v)", table, n, err)
				}
			}
			// Nothing of the past year waits on the officers' board.
			var open int
			if err := s.DB().Get(&open, `SELECT COUNT(*) FROM legal_aid_applications WHERE status IN ('received', 'materials_requested', 'approved')`); err != nil || open != 0 {
				t.Errorf("%d history cases on the board (%v)", open, err)
			}
			// The cases open and are masked in the export like any other.
			tab, err := svc.Export(ctx, stats.Viewer{ID: 1, Role: "admin"}, stats.ListLegalAid, stats.Period{From: calendar.NewDate(2025, 1, 1), To: calendar.NewDate(2025, 1, 31)})
			if err != nil || len(tab.Rows) < 30 || tab.Rows[0][4][6:14] != "********" {
				t.Errorf("export: %d rows, %v", len(tab.Rows), err)
			}
		})
	}
}

// seeded is a fresh store on engine with the demo network seeded, and the
// demo's sealing box.
func seeded(t *testing.T, engine string) (*store.Store, *pii.Box) {
	t.Helper()
	s := testenv.NewStore(t, engine)
	box, _ := pii.NewBox("k1", pii.NewKey(), pii.NewKey())
	d, err := demo.Build(box, time.Date(2026, 11, 20, 10, 0, 0, 0, calendar.Shanghai))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SeedOnce(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return s, box
}
