// Package notify sends messages to people: the Sender interface (an SMS
// gateway in production), the log sender that writes the outbox table in
// development, and the outbox itself that administrators can read. It does
// not decide when to notify; features do.
package notify

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/legaldesk/legaldesk/internal/pii"
)

// Message is a text to one phone.
type Message struct {
	Phone string
	Kind  string
	// Body is the text the phone receives, Secret included.
	Body string
	// Secret is the part of Body only the recipient may see (a sign-in
	// code): whoever can read the outbox could otherwise sign in as them.
	Secret string
}

// Hidden is what replaces a secret in the outbox.
const Hidden = "******"

// Redacted is the body with the secret hidden.
func (m Message) Redacted() string {
	if m.Secret == "" {
		return m.Body
	}
	return strings.ReplaceAll(m.Body, m.Secret, Hidden)
}

// Sender delivers messages.
type Sender interface {
	Send(ctx context.Context, m Message) error
}

// Entry is one message in the outbox, with the phone sealed.
type Entry struct {
	ID              int64  `db:"id" json:"id"`
	Channel         string `db:"channel" json:"channel"`
	Kind            string `db:"kind" json:"kind"`
	RecipientSealed string `db:"recipient_sealed" json:"-"`
	RecipientIndex  string `db:"recipient_index" json:"-"`
	RecipientMasked string `db:"recipient_masked" json:"recipient"`
	Body            string `db:"body" json:"body"`
	// DemoAid marks a body kept with its secret for the demo (development
	// with demo data only), so that nobody mistakes it for how production works.
	DemoAid   bool      `db:"demo_aid" json:"demo_aid"`
	CreatedAt time.Time `db:"created_at" json:"created_at"`
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

// Store is the outbox with the audit log its readers are written to.
type Store interface {
	Outbox
	AuditReadDetail(ctx context.Context, actor int64, object string, id int64, detail string) error
}

// ReadOutbox lists entries for a member of staff and records the read in
// the audit log: the outbox holds who was told what (personal data under
// PIPL), and in a demo the sign-in codes too. No audit line, no data.
func ReadOutbox(ctx context.Context, st Store, viewer int64, f Filter) ([]Entry, error) {
	entries, err := st.Outbox(ctx, f)
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(entries))
	demo := 0
	for i, e := range entries {
		ids[i] = strconv.FormatInt(e.ID, 10)
		if e.DemoAid {
			demo++
		}
	}
	detail := fmt.Sprintf("kind=%q by_phone=%t before=%d demo_aid=%d ids=%s",
		f.Kind, f.RecipientIndex != "", f.BeforeID, demo, strings.Join(ids, ","))
	if err := st.AuditReadDetail(ctx, viewer, "outbox", 0, detail); err != nil {
		return nil, err
	}
	return entries, nil
}

// LogSender "sends" by writing the outbox and a log line without the
// number or the text (codes and personal data stay out of logs).
type LogSender struct {
	Outbox Outbox
	Box    *pii.Box
	Log    *slog.Logger
	Now    func() time.Time
	// DemoAid keeps secrets readable in the outbox, so that a demo can be
	// signed into without a phone. Only for development with demo data:
	// the administrator could otherwise sign in as anyone.
	DemoAid bool
}

// Send records m in the outbox, its secret hidden unless DemoAid is set.
func (s *LogSender) Send(ctx context.Context, m Message) error {
	e := Entry{Channel: "sms", Kind: m.Kind, RecipientSealed: s.Box.Seal(m.Phone),
		RecipientIndex: s.Box.Index("phone", m.Phone), RecipientMasked: pii.MaskPhone(m.Phone),
		Body: m.Redacted(), CreatedAt: s.Now().UTC()}
	if s.DemoAid && m.Secret != "" {
		e.Body, e.DemoAid = m.Body, true
	}
	if err := s.Outbox.AddOutbox(ctx, &e); err != nil {
		return err
	}
	s.Log.InfoContext(ctx, "message sent to outbox", "kind", m.Kind, "outbox_id", e.ID)
	return nil
}
