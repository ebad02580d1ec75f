package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/legaldesk/legaldesk/internal/calendar"
)

// History writes past activity in one transaction: the demo history of a
// year (marked demo) and the known data sets the statistics tests count.
// It bypasses the workflows on purpose — the past is recorded, not
// re-enacted — so the rows carry their own times and outcomes.
type History struct {
	ctx   context.Context
	tx    *sqlx.Tx
	slots map[string]int64
	seats map[string]int // shifts made per site and day: each its own seat
	seq   int
}

// WriteHistory runs fn with a History in one transaction.
func (s *Store) WriteHistory(ctx context.Context, fn func(h *History) error) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		return fn(&History{ctx: ctx, tx: tx, slots: map[string]int64{}, seats: map[string]int{}})
	})
}

func (h *History) exec(q string, args ...any) (int64, error) {
	res, err := h.tx.ExecContext(h.ctx, q, args...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// PastBooking is a consultation booking with its outcome.
type PastBooking struct {
	SiteID, LawyerID, ResidentID int64
	StartsAt                     time.Time
	Status                       string // confirmed, attended, no_show or cancelled
	Rating                       int    // 1–5, 0 for none
	Demo                         bool
}

// slot is the shift and slot of a site, lawyer and start, made once.
func (h *History) slot(b PastBooking) (int64, error) {
	key := fmt.Sprint(b.SiteID, b.LawyerID, b.StartsAt.Unix())
	if id, ok := h.slots[key]; ok {
		return id, nil
	}
	start, end := b.StartsAt.UTC(), b.StartsAt.UTC().Add(30*time.Minute)
	day := calendar.DateOf(start).String()
	seat := h.seats[fmt.Sprint(b.SiteID, day)]
	h.seats[fmt.Sprint(b.SiteID, day)]++
	shift, err := h.exec(`INSERT INTO shifts (site_id, lawyer_id, date, session, seat, starts_at, ends_at, created_at, updated_at)
		VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?)`, b.SiteID, b.LawyerID, day, seat, start, end, start, start)
	if err != nil {
		return 0, err
	}
	id, err := h.exec(`INSERT INTO slots (shift_id, site_id, lawyer_id, starts_at, ends_at, capacity, booked) VALUES (?, ?, ?, ?, ?, 4, 0)`,
		shift, b.SiteID, b.LawyerID, start, end)
	h.slots[key] = id
	return id, err
}

// Booking records a booking, its consultation when attended, and its rating.
func (h *History) Booking(b PastBooking) error {
	slot, err := h.slot(b)
	if err != nil {
		return err
	}
	h.seq++
	start := b.StartsAt.UTC()
	id, err := h.exec(`INSERT INTO bookings (code, slot_id, site_id, resident_id, status, topic, starts_at, ends_at, demo, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, 'other', ?, ?, ?, ?, ?)`, fmt.Sprintf("H%d%06d", start.Year(), h.seq), slot, b.SiteID, b.ResidentID,
		b.Status, start, start.Add(30*time.Minute), b.Demo, start.Add(-48*time.Hour), start)
	if err != nil {
		return err
	}
	if b.Status == "attended" {
		if _, err := h.exec(`INSERT INTO consultations (booking_id, site_id, lawyer_id, resident_id, category, summary, outcome, demo, created_at)
			VALUES (?, ?, ?, ?, 'other', '咨询记录', 'answered', ?, ?)`, id, b.SiteID, b.LawyerID, b.ResidentID, b.Demo, start.Add(20*time.Minute)); err != nil {
			return err
		}
	}
	if b.Rating > 0 {
		_, err = h.exec(`INSERT INTO ratings (booking_id, score, created_at) VALUES (?, ?, ?)`, id, b.Rating, start.Add(time.Hour))
	}
	return err
}

// WalkIn records a consultation without a booking.
func (h *History) WalkIn(siteID, lawyerID int64, at time.Time, demo bool) error {
	_, err := h.exec(`INSERT INTO consultations (site_id, lawyer_id, walk_in, visitor, category, summary, outcome, demo, created_at)
		VALUES (?, ?, 1, '来访群众', 'other', '现场咨询', 'answered', ?, ?)`, siteID, lawyerID, demo, at.UTC())
	return err
}
