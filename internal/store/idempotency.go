package store

import (
	"context"
	"time"

	"github.com/legaldesk/legaldesk/internal/idempotency"
)

// ClaimIdempotency records that a request with this key is running; false
// when the key was seen before, with what was recorded.
func (s *Store) ClaimIdempotency(ctx context.Context, userID int64, key, route, hash string) (bool, idempotency.Record, error) {
	const q = `INSERT INTO idempotent_responses (user_id, idem_key, route, request_hash, status, body, created_at) VALUES (?, ?, ?, ?, 0, ?, ?)`
	_, err := s.db.ExecContext(ctx, q, userID, key, route, hash, []byte{}, s.now())
	if err == nil {
		return true, idempotency.Record{}, nil
	}
	if e := translate(err); !isConflict(e) {
		return false, idempotency.Record{}, e
	}
	var prev idempotency.Record
	err = s.db.GetContext(ctx, &prev, `SELECT route, request_hash, status, body FROM idempotent_responses WHERE user_id = ? AND idem_key = ?`, userID, key)
	return false, prev, translate(err)
}

// DeleteIdempotencyBefore forgets the answers recorded before t: a retry
// comes within minutes, and the answers must not be kept for ever.
func (s *Store) DeleteIdempotencyBefore(ctx context.Context, t time.Time) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM idempotent_responses WHERE created_at < ?`, t.UTC())
	return translate(err)
}

// FinishIdempotency stores the answer of a successful request, or forgets
// the claim of a failed one so that it can be retried.
func (s *Store) FinishIdempotency(ctx context.Context, userID int64, key string, status int, body []byte) error {
	var err error
	if status >= 200 && status < 300 {
		_, err = s.db.ExecContext(ctx, `UPDATE idempotent_responses SET status = ?, body = ? WHERE user_id = ? AND idem_key = ?`, status, body, userID, key)
	} else {
		_, err = s.db.ExecContext(ctx, `DELETE FROM idempotent_responses WHERE user_id = ? AND idem_key = ?`, userID, key)
	}
	return translate(err)
}
