package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/legaldesk/legaldesk/internal/booking"
	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
)

const bookingQuery = `SELECT b.id, b.code, b.slot_id, b.site_id, b.resident_id, b.status, b.topic, b.note, b.cancel_reason,
	b.starts_at, b.ends_at, b.created_at, s.name AS site_name, COALESCE(u.name, '') AS lawyer_name,
	COALESCE(sl.lawyer_id, 0) AS lawyer_id, sl.shift_id, s.tier, r.name AS resident_name
	FROM bookings b JOIN sites s ON s.id = b.site_id JOIN slots sl ON sl.id = b.slot_id LEFT JOIN users u ON u.id = sl.lawyer_id
	JOIN users r ON r.id = b.resident_id`

func localBooking(b *booking.Booking) {
	b.Start, b.End, b.CreatedAt = b.Start.In(calendar.Shanghai), b.End.In(calendar.Shanghai), b.CreatedAt.In(calendar.Shanghai)
}

func (s *Store) findBooking(ctx context.Context, q sqlx.QueryerContext, id int64) (booking.Booking, error) {
	var b booking.Booking
	err := sqlx.GetContext(ctx, q, &b, bookingQuery+` WHERE b.id = ?`, id)
	localBooking(&b)
	return b, translate(err)
}

// Booking returns one booking.
func (s *Store) Booking(ctx context.Context, id int64) (booking.Booking, error) {
	return s.findBooking(ctx, s.db, id)
}

// ResidentBookings lists a resident's bookings, the latest start first.
func (s *Store) ResidentBookings(ctx context.Context, residentID int64) ([]booking.Booking, error) {
	out := []booking.Booking{}
	err := s.db.SelectContext(ctx, &out, bookingQuery+` WHERE b.resident_id = ? ORDER BY b.starts_at DESC LIMIT 200`, residentID)
	for i := range out {
		localBooking(&out[i])
	}
	return out, translate(err)
}

// Replayed returns the booking of an earlier request with the same key.
func (s *Store) Replayed(ctx context.Context, residentID int64, key, hash string) (int64, error) {
	var rec idemRecord
	err := s.db.GetContext(ctx, &rec, idemQuery, residentID, key)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, translate(err)
	}
	id, err := rec.answer(hash)
	return id, translate(err)
}

// lockResident serialises one resident's bookings (MySQL row lock; SQLite's
// immediate transactions are serial already) and lists the upcoming ones.
func (s *Store) lockResident(ctx context.Context, tx *sqlx.Tx, id int64, now time.Time) ([]booking.Booking, error) {
	var one int64
	if err := tx.GetContext(ctx, &one, `SELECT id FROM users WHERE id = ?`+s.forUpdate(), id); err != nil {
		return nil, err
	}
	return s.upcoming(ctx, tx, id, now)
}

func (s *Store) freePlace(ctx context.Context, tx *sqlx.Tx, slotID int64) error {
	return execOne(ctx, tx, `UPDATE slots SET booked = booked - 1 WHERE id = ? AND booked > 0`, slotID)
}

// Cancel ends a confirmed booking and frees its place, in one transaction.
func (s *Store) Cancel(ctx context.Context, id int64, reason string, at time.Time) (booking.Booking, error) {
	var b booking.Booking
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		var err error
		if b, err = s.findBooking(ctx, tx, id); err != nil {
			return err
		}
		const q = `UPDATE bookings SET status = 'cancelled', active_slot = NULL, cancel_reason = ?, updated_at = ?
			WHERE id = ? AND status = 'confirmed'`
		if err := execOne(ctx, tx, q, reason, at.UTC(), id); err != nil {
			return booking.ErrNotActive
		}
		if err := s.freePlace(ctx, tx, b.SlotID); err != nil {
			return err
		}
		b, err = s.findBooking(ctx, tx, id)
		return err
	})
	return b, err
}

// Reschedule takes the new place and frees the old one in one transaction.
func (s *Store) Reschedule(ctx context.Context, id, slotID int64, check func(booking.Slot, []booking.Booking) error, at time.Time) (booking.Booking, error) {
	var b booking.Booking
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		old, err := s.findBooking(ctx, tx, id)
		if err != nil {
			return err
		}
		mine, err := s.lockResident(ctx, tx, old.ResidentID, at)
		if err != nil {
			return err
		}
		sl, err := s.findSlot(ctx, tx, slotID)
		if err != nil {
			return err
		}
		if err := check(sl, mine); err != nil {
			return err
		}
		if err := s.takePlace(ctx, tx, sl.ID); err != nil {
			return err
		}
		const q = `UPDATE bookings SET slot_id = ?, site_id = ?, active_slot = ?, starts_at = ?, ends_at = ?, updated_at = ?
			WHERE id = ? AND status = 'confirmed'`
		if err := execOne(ctx, tx, q, sl.ID, sl.SiteID, sl.ID, sl.Start.UTC(), sl.End.UTC(), at.UTC(), id); err != nil {
			if errs.Is(translate(err), errs.Conflict) {
				return booking.ErrAlreadyBooked
			}
			return booking.ErrNotActive
		}
		if err := s.freePlace(ctx, tx, old.SlotID); err != nil {
			return err
		}
		b, err = s.findBooking(ctx, tx, id)
		return err
	})
	return b, err
}

// DueNotices lists confirmed bookings starting in (from, to], made at least
// lead before their start, with no notice of kind yet.
func (s *Store) DueNotices(ctx context.Context, kind string, from, to time.Time, lead time.Duration) ([]booking.Booking, error) {
	var rows []booking.Booking
	q := bookingQuery + ` WHERE b.status = 'confirmed' AND b.starts_at > ? AND b.starts_at <= ?
		AND NOT EXISTS (SELECT 1 FROM notices_sent n WHERE n.booking_id = b.id AND n.kind = ?) ORDER BY b.starts_at LIMIT 500`
	if err := s.db.SelectContext(ctx, &rows, q, from.UTC(), to.UTC(), kind); err != nil {
		return nil, translate(err)
	}
	out := rows[:0]
	for _, b := range rows {
		if !b.CreatedAt.After(b.Start.Add(-lead)) {
			localBooking(&b)
			out = append(out, b)
		}
	}
	return out, nil
}

// MarkNotice records a notice once; false when another got there first.
func (s *Store) MarkNotice(ctx context.Context, bookingID int64, kind string, at time.Time) (bool, error) {
	_, err := s.db.ExecContext(ctx, `INSERT INTO notices_sent (booking_id, kind, sent_at) VALUES (?, ?, ?)`, bookingID, kind, at.UTC())
	if errs.Is(translate(err), errs.Conflict) {
		return false, nil
	}
	return err == nil, translate(err)
}

// ShiftBookings lists the confirmed bookings on the shifts' slots.
func (s *Store) ShiftBookings(ctx context.Context, shiftIDs []int64) ([]booking.Booking, error) {
	out := []booking.Booking{}
	if len(shiftIDs) == 0 {
		return out, nil
	}
	q := bookingQuery + ` WHERE b.status = 'confirmed' AND sl.shift_id IN (` + placeholders(len(shiftIDs)) + `) ORDER BY b.starts_at`
	err := s.db.SelectContext(ctx, &out, q, int64Args(shiftIDs)...)
	for i := range out {
		localBooking(&out[i])
	}
	return out, translate(err)
}
