package booking

import (
	"context"
	"fmt"
	"log/slog"
	"time"
)

// Reminder is one kind of reminder: sent when a booking is within Before
// of its start (and was made at least that long ahead).
type Reminder struct {
	Kind   string
	Before time.Duration
}

// DefaultReminders: the day before and two hours before.
var DefaultReminders = []Reminder{{"reminder_24h", 24 * time.Hour}, {"reminder_2h", 2 * time.Hour}}

// Reminders sends due reminders. Several instances may run it at once: the
// notice record is written before sending, so each goes at most once.
type Reminders struct {
	Store  Store
	Notify Notifier
	Log    *slog.Logger
	Now    func() time.Time
	Kinds  []Reminder
}

// RunOnce sends what is due now and returns how many were sent.
func (r *Reminders) RunOnce(ctx context.Context) (int, error) {
	now := r.Now()
	sent := 0
	for _, k := range r.Kinds {
		due, err := r.Store.DueNotices(ctx, k.Kind, now, now.Add(k.Before), k.Before)
		if err != nil {
			return sent, err
		}
		for _, b := range due {
			first, err := r.Store.MarkNotice(ctx, b.ID, k.Kind, now)
			if err != nil {
				return sent, err
			}
			if !first {
				continue
			}
			body := fmt.Sprintf("【公共法律服务】提醒：您预约了%s %s的免费法律咨询（%s律师），预约码 %s，请准时到场。",
				b.SiteName, when(b.Start), b.LawyerName, b.Code)
			if err := r.Notify.NotifyUser(ctx, b.ResidentID, k.Kind, body); err != nil {
				r.Log.ErrorContext(ctx, "reminder not sent", "booking_id", b.ID, "error", err.Error())
				continue
			}
			sent++
		}
	}
	return sent, nil
}

// Run checks every interval until ctx ends.
func (r *Reminders) Run(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if _, err := r.RunOnce(ctx); err != nil && ctx.Err() == nil {
			r.Log.ErrorContext(ctx, "reminders", "error", err.Error())
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
