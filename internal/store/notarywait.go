package store

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/legaldesk/legaldesk/internal/notary"
)

// JoinNotaryWaitlist puts a resident on a day's waiting list (once a day).
func (s *Store) JoinNotaryWaitlist(ctx context.Context, w *notary.Waiting) error {
	const q = `INSERT INTO notary_waitlist (site_id, resident_id, date, matter_ids, status, created_at) VALUES (?, ?, ?, ?, 'waiting', ?)`
	res, err := s.db.ExecContext(ctx, q, w.SiteID, w.ResidentID, w.Date, w.MatterIDs, s.now())
	if err != nil {
		return translate(err)
	}
	w.ID, err = res.LastInsertId()
	return err
}

// NextNotaryWaiting takes the first resident waiting for a site and day
// and marks them offered the slot, in one transaction (two cancels never
// offer one resident twice); none is not_found.
func (s *Store) NextNotaryWaiting(ctx context.Context, siteID int64, date string, slotID int64, at time.Time) (notary.Waiting, error) {
	var w notary.Waiting
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		const q = `SELECT id, site_id, resident_id, date, matter_ids FROM notary_waitlist
			WHERE site_id = ? AND date = ? AND status = 'waiting' ORDER BY id LIMIT 1`
		if err := tx.GetContext(ctx, &w, q+s.forUpdate(), siteID, date); err != nil {
			return err
		}
		return execOne(ctx, tx, `UPDATE notary_waitlist SET status = 'offered', slot_id = ? WHERE id = ? AND status = 'waiting'`, slotID, w.ID)
	})
	return w, err
}
