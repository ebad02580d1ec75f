package booking_test

import (
	"context"
	"encoding/json"
	"reflect"
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
