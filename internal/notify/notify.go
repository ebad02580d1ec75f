// Package notify sends messages to people: the Sender interface (an SMS
// gateway in production), the log sender that writes the outbox table in
// development, and the outbox itself that administrators can read. It does
// not decide when to notify; features do.
package notify

import (
	"context"
	"log/slog"
	"time"

	"github.com/legaldesk/legaldesk/internal/pii"
)

// Message is a text to one phone.
type Message struct {
	Phone string
	Kind  string
	Body  string
}

// Sender delivers messages.
type Sender interface {
	Send(ctx context.Context, m Message) error
}

// Entry is one message in the outbox, with the phone sealed.
type Entry struct {
	ID              int64     `db:"id" json:"id"`
	Channel         string    `db:"channel" json:"channel"`
	Kind            string    `db:"kind" json:"kind"`
	RecipientSealed string    `db:"recipient_sealed" json:"-"`
	RecipientIndex  string    `db:"recipient_index" json:"-"`
	RecipientMasked string    `db:"recipient_masked" json:"recipient"`
	Body            string    `db:"body" json:"body"`
	CreatedAt       time.Time `db:"created_at" json:"created_at"`
}

// Filter selects outbox entries, newest first, before BeforeID when set.
type Filter struct {
	RecipientIndex string
	Kind           string
	BeforeID       int64
	Limit          int
}

// Outbox stores and lists sent messages.
type Outbox interface {
	AddOutbox(ctx context.Context, e *Entry) error
	Outbox(ctx context.Context, f Filter) ([]Entry, error)
}

// LogSender "sends" by writing the outbox and a log line without the
// number or the text (codes and personal data stay out of logs).
type LogSender struct {
	Outbox Outbox
	Box    *pii.Box
	Log    *slog.Logger
	Now    func() time.Time
}

// Send records m in the outbox.
func (s *LogSender) Send(ctx context.Context, m Message) error {
	e := Entry{Channel: "sms", Kind: m.Kind, RecipientSealed: s.Box.Seal(m.Phone),
		RecipientIndex: s.Box.Index("phone", m.Phone), RecipientMasked: pii.MaskPhone(m.Phone),
		Body: m.Body, CreatedAt: s.Now().UTC()}
	if err := s.Outbox.AddOutbox(ctx, &e); err != nil {
		return err
	}
	s.Log.InfoContext(ctx, "message sent to outbox", "kind", m.Kind, "outbox_id", e.ID)
	return nil
}
