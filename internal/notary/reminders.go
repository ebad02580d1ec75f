package notary

import (
	"context"
	"fmt"
	"log/slog"
	"time"
)

// Reminder is one kind of reminder: sent when a visit is within Before of
// its start (and was booked at least that long ahead).
type Reminder struct {
	Kind   string
	Before time.Duration
}

// DefaultReminders: the day before and two hours before, as for
// consultations.
var DefaultReminders = []Reminder{{"notary_24h", 24 * time.Hour}, {"notary_2h", 2 * time.Hour}}

// ReminderStore is what reminders need: the due visits and a record that
// makes each reminder go at most once, whichever instance gets there first.
type ReminderStore interface {
	DueNotaryVisits(ctx context.Context, kind string, from, to time.Time, lead time.Duration) ([]Visit, error)
	MarkNotaryNotice(ctx context.Context, visitID int64, kind string, at time.Time) (bool, error)
}

// Reminders sends due reminders of booked visits (office and home).
type Reminders struct {
	Store  ReminderStore
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
		due, err := r.Store.DueNotaryVisits(ctx, k.Kind, now, now.Add(k.Before), k.Before)
		if err != nil {
			return sent, err
		}
		for _, v := range due {
			first, err := r.Store.MarkNotaryNotice(ctx, v.ID, k.Kind, now)
			if err != nil {
				return sent, err
			}
			if !first || v.Start == nil {
				continue
			}
			where := v.SiteName
			if v.Kind == Home {
				where = "您家中（" + v.NotaryName + "公证员上门）"
			}
			body := fmt.Sprintf("【公证处】提醒：您预约了%s在%s办理公证，预约码 %s，请带齐材料原件和身份证。", when(*v.Start), where, v.Code)
			if err := r.Notify.NotifyUser(ctx, v.ResidentID, k.Kind, body); err != nil {
				r.Log.ErrorContext(ctx, "reminder not sent", "visit_id", v.ID, "error", err.Error())
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
			r.Log.ErrorContext(ctx, "notary reminders", "error", err.Error())
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
