package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/legaldesk/legaldesk/internal/booking"
	"github.com/legaldesk/legaldesk/internal/errs"
)

// Confirm books a place in one transaction. It reads (the resident locked,
// the idempotency record, the resident's upcoming bookings, the slot),
// checks the rules, then writes: the guarded update that takes the place,
// the notice into the outbox (a transactional outbox: a committed booking
// always has its notice, a rolled-back one never does), the booking under
// its UNIQUE keys and the idempotency record.
//
// On MySQL the reads go in one round trip and the writes in another
// (confirm_batch.go): BEGIN, reads, writes, COMMIT, as many round trips as
// the bare booking transaction. There the guard must come first among the
// writes (see confirmWritesBatch). On SQLite, where nothing travels and
// transactions are serial, they run one by one from prepared statements,
// the guard last.
func (s *Store) Confirm(ctx context.Context, c booking.Confirmation) (booking.Booking, bool, error) {
	var b booking.Booking
	replayed := false
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		in, err := s.confirmReads(ctx, tx, c)
		if err != nil {
			return err
		}
		if in.Idem != nil {
			replayed = true
			id, err := in.Idem.answer(c.RequestHash)
			if err != nil {
				return err
			}
			b, err = s.findBooking(ctx, tx, id)
			return err
		}
		if in.Slot.ID == 0 {
			return errs.ErrNotFound
		}
		if err := c.Check(in.Slot, in.Mine); err != nil {
			return err
		}
		b = newBooking(c, in.Slot, in.Name)
		b.ID, err = s.confirmWrites(ctx, tx, c, b)
		return err
	})
	return b, replayed, err
}

// confirmIn is what a confirm reads before it decides.
type confirmIn struct {
	Name string            // the resident's, who is locked
	Idem *idemRecord       // an earlier request's under the same key, if any
	Mine []booking.Booking // upcoming, confirmed
	Slot booking.Slot      // zero when there is no such slot
}

// idemRecord is what an idempotency key answered the first time.
type idemRecord struct {
	Hash     string `db:"request_hash"`
	Response string `db:"response"` // the booking's id
}

// answer is the booking a retry gets: the first request's, if this one
// carries the same body (errs.ErrKeyReused if not).
func (r idemRecord) answer(hash string) (int64, error) {
	if r.Hash != hash {
		return 0, errs.ErrKeyReused
	}
	return strconv.ParseInt(r.Response, 10, 64)
}

// newBooking is the booking a confirm makes, built from the slot it read,
// so that nothing is read back; the id comes from the insert.
func newBooking(c booking.Confirmation, sl booking.Slot, resident string) booking.Booking {
	at := c.At.UTC().Truncate(time.Microsecond) // what DATETIME(6) keeps
	b := booking.Booking{Code: c.Code, SlotID: sl.ID, SiteID: sl.SiteID, ResidentID: c.ResidentID,
		Status: booking.Confirmed, Topic: c.Topic, Note: c.Note, Start: sl.Start, End: sl.End, CreatedAt: at,
		SiteName: sl.SiteName, LawyerName: sl.LawyerName, LawyerID: sl.LawyerID, ShiftID: sl.ShiftID, Tier: sl.Tier,
		ResidentName: resident}
	localBooking(&b)
	return b
}

// The confirm's statements, shared by both engines' paths.
const (
	lockResidentQuery = `SELECT name FROM users WHERE id = ?`
	idemQuery         = `SELECT request_hash, response FROM idempotency_keys WHERE user_id = ? AND idem_key = ?`
	// upcomingQuery reads only what the rules look at: joined to the
	// names, as bookingQuery is, it cost MariaDB 180 µs instead of 100.
	upcomingQuery = `SELECT id, slot_id, site_id, resident_id, status, starts_at, ends_at FROM bookings
		WHERE resident_id = ? AND status = 'confirmed' AND ends_at > ?`
	insertBooking = `INSERT INTO bookings (code, slot_id, site_id, resident_id, status, active_slot, topic, note, starts_at, ends_at, created_at, updated_at)
		VALUES (?, ?, ?, ?, 'confirmed', ?, ?, ?, ?, ?, ?, ?)`
	insertIdem = `INSERT INTO idempotency_keys (user_id, idem_key, request_hash, status, response, created_at) VALUES (?, ?, ?, 201, ?, ?)`
	// takePlaceQuery is the guard: the row changes only while a place is left.
	takePlaceQuery = `UPDATE slots SET booked = booked + 1 WHERE id = ? AND booked < capacity`
)

func bookingArgs(b booking.Booking) []any {
	return []any{b.Code, b.SlotID, b.SiteID, b.ResidentID, b.SlotID, b.Topic, b.Note, b.Start.UTC(), b.End.UTC(), b.CreatedAt.UTC(), b.CreatedAt.UTC()}
}

// confirmReads reads one statement at a time (SQLite) or in one batch.
func (s *Store) confirmReads(ctx context.Context, plain *sqlx.Tx, c booking.Confirmation) (confirmIn, error) {
	if s.driver == "mysql" {
		return s.confirmReadsBatch(ctx, plain, c)
	}
	tx := s.hot(plain)
	var in confirmIn
	// The resident is read first: on MySQL this is where the row lock is
	// taken, so a concurrent retry sees this one's idempotency record.
	if err := tx.GetContext(ctx, &in.Name, lockResidentQuery+s.forUpdate(), c.ResidentID); err != nil {
		return in, err
	}
	if c.IdemKey != "" {
		var rec idemRecord
		err := tx.GetContext(ctx, &rec, idemQuery, c.ResidentID, c.IdemKey)
		if err == nil {
			in.Idem = &rec
			return in, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return in, err
		}
	}
	mine, err := s.upcoming(ctx, tx, c.ResidentID, c.At)
	if err != nil {
		return in, err
	}
	in.Mine = mine
	in.Slot, err = s.findSlot(ctx, tx, c.SlotID)
	if errs.Is(err, errs.NotFound) {
		err = nil
	}
	return in, err
}

// confirmWrites writes one statement at a time (SQLite) or in one batch,
// and returns the booking's id.
func (s *Store) confirmWrites(ctx context.Context, plain *sqlx.Tx, c booking.Confirmation, b booking.Booking) (int64, error) {
	if s.driver == "mysql" {
		return s.confirmWritesBatch(ctx, plain, c, b)
	}
	tx := s.hot(plain)
	if c.Notice != nil {
		kind, body := c.Notice(b)
		if err := s.outboxFor(ctx, tx, c.ResidentID, kind, body, c.At); err != nil {
			return 0, err
		}
	}
	res, err := tx.ExecContext(ctx, insertBooking, bookingArgs(b)...)
	if err != nil {
		return 0, bookingConflict(err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	if c.IdemKey != "" {
		if _, err := tx.ExecContext(ctx, insertIdem, c.ResidentID, c.IdemKey, c.RequestHash, strconv.FormatInt(id, 10), c.At.UTC()); err != nil {
			return 0, err
		}
	}
	return id, s.takePlace(ctx, tx, b.SlotID)
}

// bookingConflict says which rule a refused booking insert broke: the
// UNIQUE key of one active booking per resident and slot.
func bookingConflict(err error) error {
	if errs.Is(translate(err), errs.Conflict) {
		return booking.ErrAlreadyBooked
	}
	return err
}

// upcoming lists a resident's confirmed bookings that have not ended, the
// ones that count against the rules, with only the fields the rules read.
func (s *Store) upcoming(ctx context.Context, tx runner, id int64, now time.Time) ([]booking.Booking, error) {
	var mine []booking.Booking
	err := tx.SelectContext(ctx, &mine, upcomingQuery, id, now.UTC())
	return mine, err
}

// takePlace runs the guard.
func (s *Store) takePlace(ctx context.Context, tx runner, slotID int64) error {
	res, err := tx.ExecContext(ctx, takePlaceQuery, slotID)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		return booking.ErrSlotFull
	}
	return nil
}
