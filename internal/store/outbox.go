package store

import (
	"context"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/legaldesk/legaldesk/internal/notify"
)

// AddOutbox records a sent message.
func (s *Store) AddOutbox(ctx context.Context, e *notify.Entry) error {
	const q = `INSERT INTO outbox (channel, kind, recipient_sealed, recipient_index, recipient_masked, body, demo_aid, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
	res, err := s.db.ExecContext(ctx, q, e.Channel, e.Kind, e.RecipientSealed, e.RecipientIndex, e.RecipientMasked, e.Body, e.DemoAid, e.CreatedAt.UTC())
	if err != nil {
		return translate(err)
	}
	e.ID, err = res.LastInsertId()
	return err
}

// outboxFor writes a message to a user inside the caller's transaction,
// addressed with the user's sealed phone and its index copied in SQL (the
// store never opens a sealed value). The masked number is left empty: the
// outbox reader fills it in.
func (s *Store) outboxFor(ctx context.Context, tx sqlx.ExecerContext, userID int64, kind, body string, at time.Time) error {
	return execOne(ctx, tx, outboxForQuery, kind, body, at.UTC(), userID)
}

// outboxForQuery writes a text to a user's phone, as the users table has it.
const outboxForQuery = `INSERT INTO outbox (channel, kind, recipient_sealed, recipient_index, recipient_masked, body, created_at, demo_aid)
	SELECT 'sms', ?, phone_sealed, phone_index, '', ?, ?, 0 FROM users WHERE id = ?`

// Outbox lists messages newest first.
func (s *Store) Outbox(ctx context.Context, f notify.Filter) ([]notify.Entry, error) {
	where, args := []string{"1 = 1"}, []any{}
	if f.RecipientIndex != "" {
		where, args = append(where, "recipient_index = ?"), append(args, f.RecipientIndex)
	}
	if f.Kind != "" {
		where, args = append(where, "kind = ?"), append(args, f.Kind)
	}
	if f.BeforeID > 0 {
		where, args = append(where, "id < ?"), append(args, f.BeforeID)
	}
	q := `SELECT id, channel, kind, recipient_sealed, recipient_index, recipient_masked, body, demo_aid, created_at
		FROM outbox WHERE ` + strings.Join(where, " AND ") + ` ORDER BY id DESC LIMIT ?`
	entries := []notify.Entry{}
	err := s.db.SelectContext(ctx, &entries, q, append(args, f.Limit)...)
	return entries, translate(err)
}
