package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/legaldesk/legaldesk/internal/booking"
	"github.com/legaldesk/legaldesk/internal/store"
	"github.com/legaldesk/legaldesk/internal/testenv"
)

// TestConfirmCommitsAsOne: a confirm's notice, booking, idempotency record
// and place commit together or not at all. The transaction is killed
// between its writes (a trigger refuses each of the notice, the booking,
// the idempotency record and the place in turn, whichever order the
// engine's path writes them in) and, on MySQL, by killing its connection in the
// middle; nothing of it may remain. Then, unhindered, all of it is there.
func TestConfirmCommitsAsOne(t *testing.T) {
	for _, engine := range testenv.Engines(t) {
		t.Run(engine, func(t *testing.T) { testConfirmCommitsAsOne(t, engine, testenv.NewStore(t, engine)) })
	}
}

func testConfirmCommitsAsOne(t *testing.T, engine string, s *store.Store) {
	ctx := context.Background()
	slot, users := oneSlot(t, s, 1)
	resident := users[0]
	confirm := func(key string) error {
		_, _, err := s.Confirm(ctx, booking.Confirmation{ResidentID: resident, SlotID: slot, Code: booking.NewCode(),
			IdemKey: key, RequestHash: "h-" + key, At: time.Now(),
			Check:  func(booking.Slot, []booking.Booking) error { return nil },
			Notice: func(b booking.Booking) (string, string) { return "booking_confirmed", "预约码 " + b.Code }})
		return err
	}
	// Each write, refused in turn by a trigger.
	for _, at := range []struct{ table, event string }{
		{"outbox", "INSERT"}, {"bookings", "INSERT"}, {"idempotency_keys", "INSERT"}, {"slots", "UPDATE"},
	} {
		t.Run("killed at "+at.table, func(t *testing.T) {
			drop := refuse(t, engine, s, at.table, at.event)
			err := confirm("k-" + at.table)
			drop()
			if err == nil || !strings.Contains(err.Error(), "killed") {
				t.Fatalf("confirm with %s refused = %v, want the trigger's error", at.table, err)
			}
			assertNothingOf(t, s, resident, slot)
		})
	}
	if engine == "mysql" {
		t.Run("connection killed", func(t *testing.T) {
			_, _, err := s.Confirm(ctx, booking.Confirmation{ResidentID: resident, SlotID: slot, Code: booking.NewCode(),
				At: time.Now(), Check: func(booking.Slot, []booking.Booking) error { return nil },
				Notice: func(b booking.Booking) (string, string) {
					killOthers(t, s) // the transaction's own connection among them
					return "booking_confirmed", "预约码 " + b.Code
				}})
			if err == nil {
				t.Fatal("a confirm whose connection was killed succeeded")
			}
			assertNothingOf(t, s, resident, slot)
		})
	}
	if err := confirm("k-free"); err != nil {
		t.Fatal(err)
	}
	var bookings, notices, keys, booked int
	count(t, s, &bookings, `SELECT COUNT(*) FROM bookings WHERE resident_id = ?`, resident)
	count(t, s, &notices, `SELECT COUNT(*) FROM outbox WHERE recipient_index = 'owner0' AND kind = 'booking_confirmed'`)
	count(t, s, &keys, `SELECT COUNT(*) FROM idempotency_keys WHERE user_id = ?`, resident)
	count(t, s, &booked, `SELECT booked FROM slots WHERE id = ?`, slot)
	if bookings != 1 || notices != 1 || keys != 1 || booked != 1 {
		t.Errorf("after a confirm: %d bookings, %d notices, %d keys, %d booked; want one of each", bookings, notices, keys, booked)
	}
}

// assertNothingOf fails unless no trace of a confirm is left.
func assertNothingOf(t *testing.T, s *store.Store, resident, slot int64) {
	t.Helper()
	var bookings, notices, keys, booked int
	count(t, s, &bookings, `SELECT COUNT(*) FROM bookings WHERE resident_id = ?`, resident)
	count(t, s, &notices, `SELECT COUNT(*) FROM outbox`)
	count(t, s, &keys, `SELECT COUNT(*) FROM idempotency_keys WHERE user_id = ?`, resident)
	count(t, s, &booked, `SELECT booked FROM slots WHERE id = ?`, slot)
	if bookings+notices+keys+booked != 0 {
		t.Errorf("a killed confirm left %d bookings, %d notices, %d keys, %d booked", bookings, notices, keys, booked)
	}
}

func count(t *testing.T, s *store.Store, dest *int, q string, args ...any) {
	t.Helper()
	if err := s.DB().Get(dest, q, args...); err != nil {
		t.Fatal(err)
	}
}

// refuse makes the database refuse every event on table; the returned
// function lifts it.
func refuse(t *testing.T, engine string, s *store.Store, table, event string) func() {
	t.Helper()
	name := "kill_confirm_" + table // one name per table: no trigger can meet another's
	create := `CREATE TRIGGER ` + name + ` BEFORE ` + event + ` ON ` + table + ` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'killed'`
	if engine == "sqlite" {
		create = `CREATE TRIGGER ` + name + ` BEFORE ` + event + ` ON ` + table + ` BEGIN SELECT RAISE(ABORT, 'killed'); END`
	}
	if _, err := s.DB().Exec(create); err != nil {
		t.Fatal(err)
	}
	return func() {
		if _, err := s.DB().Exec(`DROP TRIGGER ` + name); err != nil {
			t.Fatal(err)
		}
	}
}

// killOthers kills every other connection to the test database.
func killOthers(t *testing.T, s *store.Store) {
	var ids []int64
	q := `SELECT id FROM information_schema.processlist WHERE db = DATABASE() AND id <> CONNECTION_ID()`
	if err := s.DB().Select(&ids, q); err != nil {
		t.Error(err)
	}
	for _, id := range ids {
		s.DB().Exec(`KILL ?`, id)
	}
	if len(ids) == 0 {
		t.Error("no connection to kill")
	}
}
