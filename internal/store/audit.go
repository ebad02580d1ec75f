package store

import (
	"context"
	"database/sql"

	"github.com/jmoiron/sqlx"
)

// audit records who changed what, inside the change's own transaction.
// actor 0 is the system (seeding, the CLI).
func (s *Store) audit(ctx context.Context, tx *sqlx.Tx, actor int64, action, object string, id int64, detail string) error {
	const q = `INSERT INTO audit_log (user_id, action, object, object_id, detail, at) VALUES (?, ?, ?, ?, ?, ?)`
	_, err := tx.ExecContext(ctx, q, sql.NullInt64{Int64: actor, Valid: actor != 0}, action, object, id, detail, s.now())
	return err
}

// AuditEntry is one line of the audit log.
type AuditEntry struct {
	UserID   *int64 `db:"user_id"`
	Action   string `db:"action"`
	Object   string `db:"object"`
	ObjectID int64  `db:"object_id"`
	Detail   string `db:"detail"`
}

// AuditOf lists the audit lines of one object, oldest first.
func (s *Store) AuditOf(ctx context.Context, object string, id int64) ([]AuditEntry, error) {
	const q = `SELECT user_id, action, object, object_id, detail FROM audit_log WHERE object = ? AND object_id = ? ORDER BY id`
	var out []AuditEntry
	err := s.db.SelectContext(ctx, &out, q, object, id)
	return out, translate(err)
}

// AuditRead records that actor read an object's personal data.
func (s *Store) AuditRead(ctx context.Context, actor int64, object string, id int64) error {
	return s.AuditReadDetail(ctx, actor, object, id, "")
}

// AuditReadDetail records a read with what was read, for reads that are
// not of one object (a page of the outbox).
func (s *Store) AuditReadDetail(ctx context.Context, actor int64, object string, id int64, detail string) error {
	const q = `INSERT INTO audit_log (user_id, action, object, object_id, detail, at) VALUES (?, 'read', ?, ?, ?, ?)`
	_, err := s.db.ExecContext(ctx, q, sql.NullInt64{Int64: actor, Valid: actor != 0}, object, id, detail, s.now())
	return translate(err)
}
