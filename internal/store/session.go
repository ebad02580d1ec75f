package store

import (
	"context"
	"time"
)

// Sessions keeps web sessions in the database (it satisfies scs.CtxStore),
// so that signed-in people stay signed in through a Redis outage. The
// session manager hands it SHA-256 of each token, never the token itself.
type Sessions struct{ S *Store }

// FindCtx returns a session's data unless it expired.
func (d Sessions) FindCtx(ctx context.Context, token string) ([]byte, bool, error) {
	var row struct {
		Data   []byte    `db:"data"`
		Expiry time.Time `db:"expiry"`
	}
	err := d.S.db.GetContext(ctx, &row, `SELECT data, expiry FROM sessions WHERE token = ?`, token)
	if err != nil {
		if err := translate(err); isNotFound(err) {
			return nil, false, nil
		}
		return nil, false, translate(err)
	}
	if !row.Expiry.After(d.S.now()) {
		return nil, false, nil
	}
	return row.Data, true, nil
}

// CommitCtx saves a session until expiry.
func (d Sessions) CommitCtx(ctx context.Context, token string, b []byte, expiry time.Time) error {
	_, err := d.S.db.ExecContext(ctx, d.S.upsertSession(), token, b, expiry.UTC())
	return translate(err)
}

// DeleteCtx removes a session.
func (d Sessions) DeleteCtx(ctx context.Context, token string) error {
	_, err := d.S.db.ExecContext(ctx, `DELETE FROM sessions WHERE token = ?`, token)
	return translate(err)
}

// Find implements scs.Store.
func (d Sessions) Find(token string) ([]byte, bool, error) {
	return d.FindCtx(context.Background(), token)
}

// Commit implements scs.Store.
func (d Sessions) Commit(token string, b []byte, expiry time.Time) error {
	return d.CommitCtx(context.Background(), token, b, expiry)
}

// Delete implements scs.Store.
func (d Sessions) Delete(token string) error { return d.DeleteCtx(context.Background(), token) }

// DeleteExpiredSessions clears sessions past their expiry.
func (s *Store) DeleteExpiredSessions(ctx context.Context) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM sessions WHERE expiry < ?`, s.now())
	return translate(err)
}
