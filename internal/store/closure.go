package store

import (
	"context"

	"github.com/jmoiron/sqlx"

	"github.com/legaldesk/legaldesk/internal/booking"
	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/network"
)

// CloseDay records an override that closes a day and, in the same
// transaction, cancels the day's confirmed consultations at the sites it
// closes (each resident's notice written to the outbox with it) and sets
// the day's slots there to no places, so nothing more is booked on it.
// With c.Preview it only counts. Reopening the day (DeleteOverride) gives
// the slots back their duty rule's places.
func (s *Store) CloseDay(ctx context.Context, o *calendar.Override, c booking.DayClose) (booking.Closure, error) {
	var out booking.Closure
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		if o.SiteID != nil {
			if _, err := s.findSite(ctx, tx, *o.SiteID); err != nil {
				return network.ErrNoSite
			}
		}
		where, args := dayAt(*o, "b.")
		var list []booking.Booking
		if err := tx.SelectContext(ctx, &list, bookingQuery+` WHERE b.status = 'confirmed' AND `+where+s.forUpdate(), args...); err != nil {
			return err
		}
		out.Bookings = len(list)
		slotsWhere, slotArgs := dayAt(*o, "")
		if err := tx.GetContext(ctx, &out.Slots, `SELECT COUNT(*) FROM slots WHERE capacity > 0 AND `+slotsWhere, slotArgs...); err != nil {
			return err
		}
		if c.Preview {
			return nil
		}
		if err := s.insertOverride(ctx, tx, o); err != nil {
			return err
		}
		for _, b := range list {
			localBooking(&b)
			if err := s.cancelForClosure(ctx, tx, b, c); err != nil {
				return err
			}
		}
		_, err := tx.ExecContext(ctx, `UPDATE slots SET capacity = 0, booked = 0 WHERE `+slotsWhere, slotArgs...)
		return err
	})
	return out, err
}

func (s *Store) cancelForClosure(ctx context.Context, tx *sqlx.Tx, b booking.Booking, c booking.DayClose) error {
	const q = `UPDATE bookings SET status = 'cancelled', active_slot = NULL, cancel_reason = ?, updated_at = ? WHERE id = ? AND status = 'confirmed'`
	if err := execOne(ctx, tx, q, c.Reason, c.At.UTC(), b.ID); err != nil {
		return err
	}
	kind, body := c.Notice(b)
	return s.outboxFor(ctx, tx, b.ResidentID, kind, body, c.At)
}

// reopenSlots gives a reopened day's slots back their duty rule's places
// (a slot of a shift without a rule gets one).
func (s *Store) reopenSlots(ctx context.Context, tx *sqlx.Tx, o calendar.Override) error {
	where, args := dayAt(o, "")
	q := `UPDATE slots SET capacity = COALESCE((SELECT r.capacity FROM shifts sh JOIN duty_rules r ON r.id = sh.rule_id
		WHERE sh.id = slots.shift_id), 1) WHERE capacity = 0 AND ` + where
	_, err := tx.ExecContext(ctx, q, args...)
	return err
}

// dayAt is the SQL condition for rows of an override's day (China time)
// at its site, or at every site: on starts_at and site_id, with prefix as
// the table's alias.
func dayAt(o calendar.Override, prefix string) (string, []any) {
	from, to := o.Date.At(0, 0), o.Date.AddDays(1).At(0, 0)
	where, args := prefix+`starts_at >= ? AND `+prefix+`starts_at < ?`, []any{from.UTC(), to.UTC()}
	if o.SiteID != nil {
		where, args = where+` AND `+prefix+`site_id = ?`, append(args, *o.SiteID)
	}
	return where, args
}
