package booking_test

import (
	"context"
	"encoding/json"
	"reflect"
	"sync/atomic"
	"testing"
	"time"

	"github.com/legaldesk/legaldesk/internal/booking"
)

// TestAvailabilityJSONEncodedOnce: the body of a cached answer is encoded
// once and served as the same bytes; it says what Availability says, and a
// booking at the site gives a new body with a new ETag.
func TestAvailabilityJSONEncodedOnce(t *testing.T) {
	ctx := context.Background()
	svc, st, slots, _ := rulesEnv(t, map[string]booking.Rules{"": booking.DefaultRules})
	counting := &countingStore{Store: st}
	svc.Store, svc.CacheTTL = counting, 5*time.Second
	from, to := slots[0].Start.Add(-time.Hour), slots[0].Start.Add(24*time.Hour)
	body, etag, err := svc.AvailabilityJSON(ctx, 1, from, to)
	if err != nil {
		t.Fatal(err)
	}
	again, etag2, err := svc.AvailabilityJSON(ctx, 1, from, to)
	if err != nil || &again[0] != &body[0] || etag2 != etag || counting.slots != 1 {
		t.Fatalf("second read: %v, same bytes %v, etag %s vs %s, %d queries", err, &again[0] == &body[0], etag2, etag, counting.slots)
	}
	var got struct{ Items []booking.Slot }
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatal(err)
	}
	want, err := svc.Availability(ctx, 1, from, to)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Items) != len(want) || got.Items[0].Remaining != want[0].Remaining || !reflect.DeepEqual(got.Items[0].Bookable, want[0].Bookable) {
		t.Fatalf("the body says %+v, Availability %+v", got.Items, want)
	}
	if _, _, err := svc.Confirm(ctx, residentIDs(t, st)[0], booking.Request{SlotID: slots[0].ID}); err != nil {
		t.Fatal(err)
	}
	after, etag3, err := svc.AvailabilityJSON(ctx, 1, from, to)
	if err != nil || etag3 == etag || string(after) == string(body) {
		t.Fatalf("after a confirm the answer did not change: %v %s", err, etag3)
	}
}

// gatedStore counts availability queries and holds each one until the
// test opens the gate.
type gatedStore struct {
	booking.Store
	queries atomic.Int64
	gate    chan struct{}
}

func (g *gatedStore) Slots(ctx context.Context, siteID int64, from, to time.Time) ([]booking.Slot, error) {
	g.queries.Add(1)
	<-g.gate
	return g.Store.Slots(ctx, siteID, from, to)
}

// waitFor polls until cond holds (a goroutine has reached the gate).
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); !cond(); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("timed out")
		}
	}
}

// TestAvailabilityReadOnceAtATime: readers who ask together share one
// database read; while an expired answer is read again the old one is
// served; and a read that a booking overtakes is not cached.
func TestAvailabilityReadOnceAtATime(t *testing.T) {
	ctx := context.Background()
	svc, st, slots, now := rulesEnv(t, map[string]booking.Rules{"": booking.DefaultRules})
	g := &gatedStore{Store: st, gate: make(chan struct{})}
	svc.Store, svc.CacheTTL = g, 5*time.Second
	from, to := slots[0].Start.Add(-time.Hour), slots[0].Start.Add(24*time.Hour)
	type answer struct {
		etag string
		err  error
	}
	ask := func() chan answer {
		out := make(chan answer, 1)
		go func() {
			_, etag, err := svc.AvailabilityJSON(ctx, 1, from, to)
			out <- answer{etag, err}
		}()
		return out
	}

	// Ten at once: one read.
	var waiting []chan answer
	for range 10 {
		waiting = append(waiting, ask())
	}
	waitFor(t, func() bool { return g.queries.Load() == 1 })
	time.Sleep(50 * time.Millisecond) // the others reach the flight, or a read of their own
	close(g.gate)
	first := (<-waiting[0]).etag
	for _, w := range waiting[1:] {
		if a := <-w; a.err != nil || a.etag != first {
			t.Fatalf("a reader who waited got %+v, want %s", a, first)
		}
	}
	if n := g.queries.Load(); n != 1 {
		t.Fatalf("%d reads of the database for ten readers at once, want 1", n)
	}

	// Expired: the first reader reads again; meanwhile the old answer is served.
	g.gate = make(chan struct{})
	*now = now.Add(6 * time.Second)
	reloading := ask()
	waitFor(t, func() bool { return g.queries.Load() == 2 })
	if a := <-ask(); a.err != nil || a.etag != first {
		t.Fatalf("while reloading: %+v, want the old answer %s", a, first)
	}
	close(g.gate)
	if a := <-reloading; a.err != nil {
		t.Fatal(a.err)
	}

	// A booking made while a read is in flight: that read is not cached.
	g.gate = make(chan struct{})
	*now = now.Add(20 * time.Second)
	overtaken := ask()
	waitFor(t, func() bool { return g.queries.Load() == 3 })
	if _, _, err := svc.Confirm(ctx, residentIDs(t, st)[0], booking.Request{SlotID: slots[0].ID}); err != nil {
		t.Fatal(err)
	}
	close(g.gate)
	if a := <-overtaken; a.err != nil {
		t.Fatal(a.err)
	}
	got, err := svc.Availability(ctx, 1, from, to)
	if err != nil || g.queries.Load() != 4 || got[0].Remaining != slots[0].Capacity-1 {
		t.Fatalf("after the booking: %d reads, %+v %v", g.queries.Load(), got[0], err)
	}
}
