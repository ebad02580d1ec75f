package notify_test

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/legaldesk/legaldesk/internal/notify"
	"github.com/legaldesk/legaldesk/internal/pii"
)

type memOutbox struct{ entries []notify.Entry }

func (m *memOutbox) AddOutbox(_ context.Context, e *notify.Entry) error {
	e.ID = int64(len(m.entries) + 1)
	m.entries = append(m.entries, *e)
	return nil
}

func (m *memOutbox) Outbox(context.Context, notify.Filter) ([]notify.Entry, error) {
	return m.entries, nil
}

// TestLogSenderHidesSecrets: the outbox never holds a secret unless the
// sender is a demo aid, and then says so; messages without one are kept whole.
func TestLogSenderHidesSecrets(t *testing.T) {
	box, err := pii.NewBox("k1", pii.NewKey(), pii.NewKey())
	if err != nil {
		t.Fatal(err)
	}
	msg := notify.Message{Phone: "13800000001", Kind: "sms_code", Body: "您的登录验证码是482913，5分钟内有效。", Secret: "482913"}
	notice := notify.Message{Phone: "13800000001", Kind: "booking", Body: "您已预约 12月1日 09:00。"}
	cases := []struct {
		demo    bool
		m       notify.Message
		body    string
		demoAid bool
	}{
		{false, msg, "您的登录验证码是******，5分钟内有效。", false},
		{true, msg, msg.Body, true},
		{false, notice, notice.Body, false},
		{true, notice, notice.Body, false},
	}
	for _, tc := range cases {
		out := &memOutbox{}
		s := &notify.LogSender{Outbox: out, Box: box, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: time.Now, DemoAid: tc.demo}
		if err := s.Send(context.Background(), tc.m); err != nil {
			t.Fatal(err)
		}
		e := out.entries[0]
		if e.Body != tc.body || e.DemoAid != tc.demoAid || strings.Contains(e.RecipientMasked, "00000001") {
			t.Errorf("demo %v, %s: stored %q (demo aid %v, to %s), want %q (%v)", tc.demo, tc.m.Kind, e.Body, e.DemoAid, e.RecipientMasked, tc.body, tc.demoAid)
		}
	}
}
