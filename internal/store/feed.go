package store

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// FeedToken returns a lawyer's sealed calendar-feed token.
func (s *Store) FeedToken(ctx context.Context, lawyerID int64) (string, error) {
	var sealed string
	err := s.db.GetContext(ctx, &sealed, `SELECT token_sealed FROM calendar_feeds WHERE lawyer_id = ?`, lawyerID)
	return sealed, translate(err)
}

// SetFeedToken replaces a lawyer's token (the old URL stops working).
func (s *Store) SetFeedToken(ctx context.Context, lawyerID int64, index, sealed string) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM calendar_feeds WHERE lawyer_id = ?`, lawyerID); err != nil {
			return err
		}
		const q = `INSERT INTO calendar_feeds (lawyer_id, token_index, token_sealed, created_at) VALUES (?, ?, ?, ?)`
		_, err := tx.ExecContext(ctx, q, lawyerID, index, sealed, s.now())
		return err
	})
}

// DeleteFeedToken revokes a lawyer's feed.
func (s *Store) DeleteFeedToken(ctx context.Context, lawyerID int64) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM calendar_feeds WHERE lawyer_id = ?`, lawyerID)
	return translate(err)
}

// FeedLawyer finds the lawyer whose token has this index.
func (s *Store) FeedLawyer(ctx context.Context, index string) (int64, error) {
	var id int64
	err := s.db.GetContext(ctx, &id, `SELECT lawyer_id FROM calendar_feeds WHERE token_index = ?`, index)
	return id, translate(err)
}
