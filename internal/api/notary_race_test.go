package api

import (
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/legaldesk/legaldesk/internal/testenv"
)

// TestNotaryPackageRace: 200 residents book a two-matter package (two
// consecutive slots) at once, half from 09:00 and half from 09:30, on
// slots of 5 places. Every package needs 09:30, so exactly 5 succeed; no
// slot is over capacity and no package holds one slot without the other.
func TestNotaryPackageRace(t *testing.T) {
	for _, engine := range testenv.Engines(t) {
		t.Run(engine, func(t *testing.T) {
			e, _ := notaryEnv(t, engine)
			st := starts(e.client(), "3,4", "2026-12-08")
			first, second := st[0]["slot_id"], st[1]["slot_id"]
			// 09:00, 09:30 and 10:00: the slots the two starts' packages take.
			if _, err := e.store.DB().Exec(`UPDATE notary_slots SET capacity = 5 WHERE id IN (?, ?, ?)`, first, second, st[2]["slot_id"]); err != nil {
				t.Fatal(err)
			}
			clients := make([]*client, 200)
			for i := range clients {
				clients[i] = e.resident(fmt.Sprintf("137%08d", i))
			}
			var created, fivexx atomic.Int64
			var wg sync.WaitGroup
			for i, c := range clients {
				wg.Go(func() {
					slot := []any{first, second}[i%2]
					body := map[string]any{"slot_id": slot, "matter_ids": []int{entrust, declaration},
						"parties": []map[string]any{{"name": "当事人"}}, "id_number": idNumber("19850101", fmt.Sprintf("%03d", i))}
					if h := c.do("POST", "/api/v1/notary/holds", map[string]any{"slot_id": slot}); h.status == 201 {
						delete(body, "slot_id")
						body["hold_id"] = h.json(t)["hold_id"]
					}
					r := c.do("POST", "/api/v1/notary/bookings", body, "Idempotency-Key", fmt.Sprint("nrace-", i))
					switch {
					case r.status == http.StatusCreated:
						created.Add(1)
					case r.status >= 500:
						fivexx.Add(1)
						t.Errorf("5xx: %d %s", r.status, r.body)
					}
				})
			}
			wg.Wait()
			if created.Load() != 5 || fivexx.Load() != 0 {
				t.Fatalf("%d packages booked, want 5; %d 5xx", created.Load(), fivexx.Load())
			}
			visits := e.count(`SELECT COUNT(*) FROM notary_visits WHERE status = 'booked'`)
			partial := e.count(`SELECT COUNT(*) FROM notary_visits v WHERE (SELECT COUNT(*) FROM notary_visit_slots x WHERE x.visit_id = v.id) <> 2`)
			over := e.count(`SELECT COUNT(*) FROM notary_slots WHERE booked > capacity`)
			drift := e.count(`SELECT COUNT(*) FROM notary_slots s WHERE s.booked <> (SELECT COUNT(*) FROM notary_visit_slots x WHERE x.slot_id = s.id)`)
			if visits != 5 || partial != 0 || over != 0 || drift != 0 {
				t.Fatalf("%d visits, %d partial packages, %d slots over capacity, %d slots whose count drifted", visits, partial, over, drift)
			}
			if n := e.count(`SELECT booked FROM notary_slots WHERE id = ?`, second); n != 5 {
				t.Fatalf("the shared slot has %d booked, want 5", n)
			}
		})
	}
}
