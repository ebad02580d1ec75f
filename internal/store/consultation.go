package store

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/legaldesk/legaldesk/internal/booking"
	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/network"
)

// SetAttendance marks a confirmed booking attended or no-show.
func (s *Store) SetAttendance(ctx context.Context, id int64, status booking.Status, at time.Time) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		const q = `UPDATE bookings SET status = ?, updated_at = ? WHERE id = ? AND status IN ('confirmed', 'attended', 'no_show')`
		if err := execOne(ctx, tx, q, status, at.UTC(), id); err != nil {
			return errs.New(errs.Conflict, "该预约已取消", "this booking was cancelled")
		}
		return nil
	})
}

// Record stores a consultation and marks its booking attended, together.
func (s *Store) Record(ctx context.Context, c *booking.Consultation) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		const q = `INSERT INTO consultations (booking_id, site_id, lawyer_id, resident_id, walk_in, visitor, category, summary, outcome, referral, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		res, err := tx.ExecContext(ctx, q, c.BookingID, c.SiteID, c.LawyerID, c.ResidentID, c.WalkIn, c.Visitor, c.Category,
			c.Summary, c.Outcome, c.Referral, c.CreatedAt)
		if errs.Is(translate(err), errs.Conflict) {
			return errs.New(errs.Conflict, "该预约已有咨询记录", "this booking already has a record")
		}
		if err != nil {
			return err
		}
		if c.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		if c.BookingID != nil {
			_, err = tx.ExecContext(ctx, `UPDATE bookings SET status = 'attended', updated_at = ? WHERE id = ? AND status = 'confirmed'`,
				c.CreatedAt, *c.BookingID)
		}
		return err
	})
}

// Rate stores a booking's rating once.
func (s *Store) Rate(ctx context.Context, bookingID int64, score int, comment string, at time.Time) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO ratings (booking_id, score, comment, created_at) VALUES (?, ?, ?, ?)`,
		bookingID, score, comment, at.UTC())
	if errs.Is(translate(err), errs.Conflict) {
		return errs.New(errs.Conflict, "您已评价过这次咨询", "you already rated this consultation")
	}
	return translate(err)
}

// JoinWaitlist adds a resident to a site's waitlist for a day, once.
func (s *Store) JoinWaitlist(ctx context.Context, w *booking.Waiting) error {
	const q = `INSERT INTO waitlist (site_id, date, resident_id, status, created_at) VALUES (?, ?, ?, 'waiting', ?)`
	res, err := s.db.ExecContext(ctx, q, w.SiteID, w.Date, w.ResidentID, s.now())
	switch e := translate(err); {
	case errs.Is(e, errs.Conflict):
		return errs.New(errs.Conflict, "您已在该日的候补名单中", "you are already waiting for that day")
	case errs.Is(e, errs.Invalid):
		return network.ErrNoSite
	case e != nil:
		return e
	}
	w.ID, err = res.LastInsertId()
	return err
}

// NextWaiting takes the first waiting resident without a booking that day
// and marks them offered.
func (s *Store) NextWaiting(ctx context.Context, siteID int64, date string, slotID int64, at time.Time) (booking.Waiting, error) {
	var w booking.Waiting
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		const q = `SELECT id, site_id, date, resident_id, status FROM waitlist WHERE site_id = ? AND date = ? AND status = 'waiting'
			ORDER BY id LIMIT 1`
		if err := tx.GetContext(ctx, &w, q+s.forUpdate(), siteID, date); err != nil {
			return err
		}
		return execOne(ctx, tx, `UPDATE waitlist SET status = 'offered', slot_id = ?, offered_at = ? WHERE id = ?`, slotID, at.UTC(), w.ID)
	})
	return w, err
}

// LawyerOnDuty reports whether the lawyer has a shift at the site that day.
func (s *Store) LawyerOnDuty(ctx context.Context, lawyerID, siteID int64, date string) (bool, error) {
	var n int
	err := s.db.GetContext(ctx, &n, `SELECT COUNT(*) FROM shifts WHERE lawyer_id = ? AND site_id = ? AND date = ?`, lawyerID, siteID, date)
	return n > 0, translate(err)
}

// Referrals lists a resident's referrals, newest first, so the next
// service's form can start from what the lawyer already wrote.
func (s *Store) Referrals(ctx context.Context, residentID int64, kind string) ([]booking.Referral, error) {
	out := []booking.Referral{}
	q := `SELECT c.id, c.referral, c.category, c.summary, s.name AS site_name, c.created_at FROM consultations c
		JOIN sites s ON s.id = c.site_id WHERE c.resident_id = ? AND c.referral <> ''`
	args := []any{residentID}
	if kind != "" {
		q, args = q+` AND c.referral = ?`, append(args, kind)
	}
	err := s.db.SelectContext(ctx, &out, q+` ORDER BY c.id DESC LIMIT 20`, args...)
	return out, translate(err)
}

const consultationColumns = `id, booking_id, site_id, lawyer_id, resident_id, walk_in, visitor, category, summary, outcome, referral, created_at`

// ShiftDay lists a shift's bookings that were not cancelled (waiting,
// attended or absent) and the consultation records of those that have one.
func (s *Store) ShiftDay(ctx context.Context, shiftID int64) ([]booking.Booking, map[int64]booking.Consultation, error) {
	list := []booking.Booking{}
	err := s.db.SelectContext(ctx, &list, bookingQuery+` WHERE b.status <> 'cancelled' AND sl.shift_id = ? ORDER BY b.starts_at, b.id`, shiftID)
	if err != nil {
		return nil, nil, translate(err)
	}
	records := map[int64]booking.Consultation{}
	if len(list) == 0 {
		return list, records, nil
	}
	ids := make([]int64, len(list))
	for i := range list {
		localBooking(&list[i])
		ids[i] = list[i].ID
	}
	var recs []booking.Consultation
	q := `SELECT ` + consultationColumns + ` FROM consultations WHERE booking_id IN (` + placeholders(len(ids)) + `)`
	if err := s.db.SelectContext(ctx, &recs, q, int64Args(ids)...); err != nil {
		return nil, nil, translate(err)
	}
	for _, r := range recs {
		records[*r.BookingID] = r
	}
	return list, records, nil
}

// Consultation returns one record.
func (s *Store) Consultation(ctx context.Context, id int64) (booking.Consultation, error) {
	var c booking.Consultation
	err := s.db.GetContext(ctx, &c, `SELECT `+consultationColumns+` FROM consultations WHERE id = ?`, id)
	return c, translate(err)
}

// CorrectConsultation keeps what the record said and stores the correction,
// in one transaction.
func (s *Store) CorrectConsultation(ctx context.Context, editor int64, c booking.Consultation, at time.Time) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		var old booking.Consultation
		if err := tx.GetContext(ctx, &old, `SELECT `+consultationColumns+` FROM consultations WHERE id = ?`+s.forUpdate(), c.ID); err != nil {
			return err
		}
		const keep = `INSERT INTO consultation_edits (consultation_id, editor, category, summary, outcome, edited_at) VALUES (?, ?, ?, ?, ?, ?)`
		if _, err := tx.ExecContext(ctx, keep, old.ID, editor, old.Category, old.Summary, old.Outcome, at.UTC()); err != nil {
			return err
		}
		const q = `UPDATE consultations SET category = ?, summary = ?, outcome = ?, referral = ? WHERE id = ?`
		return execOne(ctx, tx, q, c.Category, c.Summary, c.Outcome, c.Referral, c.ID)
	})
}
