package booking_test

import (
	"context"
	"testing"
	"time"

	"github.com/legaldesk/legaldesk/internal/booking"
	"github.com/legaldesk/legaldesk/internal/errs"
)

// TestRecordOpensWithTheConsultation: a booked consultation takes its
// record from half an hour before its start, and never when the booking
// was cancelled or marked a no-show: a record marks it attended and opens
// the resident's rating.
func TestRecordOpensWithTheConsultation(t *testing.T) {
	ctx := context.Background()
	svc, st, slots, now := rulesEnv(t, map[string]booking.Rules{"": booking.DefaultRules})
	residents := residentIDs(t, st)
	kept, _, err := svc.Confirm(ctx, residents[0], booking.Request{SlotID: slots[0].ID})
	if err != nil {
		t.Fatal(err)
	}
	dropped, _, err := svc.Confirm(ctx, residents[1], booking.Request{SlotID: slots[1].ID})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Cancel(ctx, booking.Viewer{ID: residents[1], Role: booking.AsResident}, dropped.ID, ""); err != nil {
		t.Fatal(err)
	}
	record := func(b booking.Booking) error {
		id := b.ID
		_, err := svc.Record(ctx, b.LawyerID, booking.Consultation{BookingID: &id, Category: "劳动争议",
			Summary: "单位拖欠工资，已告知可申请劳动仲裁。", Outcome: "answered"})
		return err
	}
	if err := record(kept); !errs.Is(err, errs.Invalid) {
		t.Fatalf("a record twelve days early: %v, want a refusal", err)
	}
	*now = kept.Start.Add(-31 * time.Minute)
	if err := record(kept); !errs.Is(err, errs.Invalid) {
		t.Fatalf("a record 31 minutes early: %v, want a refusal", err)
	}
	*now = dropped.Start
	if err := record(dropped); !errs.Is(err, errs.Conflict) {
		t.Fatalf("a record of a cancelled booking: %v, want a refusal", err)
	}
	*now = kept.Start.Add(-30 * time.Minute)
	if err := record(kept); err != nil {
		t.Fatalf("a record half an hour before the start: %v", err)
	}
	got, err := st.Booking(ctx, kept.ID)
	if err != nil || got.Status != booking.Attended {
		t.Fatalf("the recorded booking: %s %v", got.Status, err)
	}
	var n int
	if err := st.DB().Get(&n, `SELECT COUNT(*) FROM consultations`); err != nil || n != 1 {
		t.Fatalf("%d records (%v), want the one", n, err)
	}
}
