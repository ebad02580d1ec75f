package store

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/legaldesk/legaldesk/internal/booking"
	"github.com/legaldesk/legaldesk/internal/calendar"
)

const slotQuery = `SELECT sl.id, sl.shift_id, sl.site_id, COALESCE(sl.lawyer_id, 0) AS lawyer_id, sl.starts_at, sl.ends_at,
	sl.capacity, sl.booked, COALESCE(u.name, '') AS lawyer_name, COALESCE(f.name, '') AS lawyer_firm,
	COALESCE(l.specialties, '') AS lawyer_specialties, s.name AS site_name, s.tier
	FROM slots sl JOIN sites s ON s.id = sl.site_id LEFT JOIN users u ON u.id = sl.lawyer_id
	LEFT JOIN lawyers l ON l.user_id = sl.lawyer_id LEFT JOIN firms f ON f.id = l.firm_id`

func localSlot(sl *booking.Slot) {
	sl.Start, sl.End = sl.Start.In(calendar.Shanghai), sl.End.In(calendar.Shanghai)
}

// Slot returns one slot with its site and lawyer names.
func (s *Store) Slot(ctx context.Context, id int64) (booking.Slot, error) {
	return s.findSlot(ctx, s.db, id)
}

func (s *Store) findSlot(ctx context.Context, q sqlx.QueryerContext, id int64) (booking.Slot, error) {
	var sl booking.Slot
	err := sqlx.GetContext(ctx, q, &sl, slotQuery+` WHERE sl.id = ?`, id)
	localSlot(&sl)
	return sl, translate(err)
}

// Slots lists a site's slots starting from..to, in one query.
func (s *Store) Slots(ctx context.Context, siteID int64, from, to time.Time) ([]booking.Slot, error) {
	out := []booking.Slot{}
	err := s.db.SelectContext(ctx, &out, slotQuery+` WHERE sl.site_id = ? AND sl.starts_at >= ? AND sl.starts_at < ?
		ORDER BY sl.starts_at, sl.id`, siteID, from.UTC(), to.UTC())
	for i := range out {
		localSlot(&out[i])
	}
	return out, translate(err)
}
