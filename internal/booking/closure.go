package booking

import (
	"context"
	"fmt"
	"time"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
)

// Closure is what closing a day did — or, previewed, would do — to the
// consultations on it.
type Closure struct {
	Bookings int `json:"cancelled_bookings"` // confirmed bookings cancelled, each resident told
	Slots    int `json:"closed_slots"`       // slots that take no more bookings
}

// DayClose is how the store carries out a closure.
type DayClose struct {
	Reason string
	At     time.Time
	Notice func(b Booking) (kind, body string)
	// Preview counts what would change and changes nothing.
	Preview bool
}

// CloseDay closes a day (a calendar override of kind "closed", for the
// city or one site): the day's confirmed consultations there are cancelled
// and each resident is told why and how to book again, in the transaction
// that records the closure; the day's slots take no more bookings. Preview
// answers what it would do, for the administrator to read first.
func (s *Service) CloseDay(ctx context.Context, o calendar.Override, preview bool) (calendar.Override, Closure, error) {
	f := errs.Fields{}
	o.Check(f)
	if o.Kind != calendar.CloseDay {
		f.Add("kind", "只有停止办公会取消预约", "only a closure cancels bookings")
	}
	if err := f.Err(); err != nil {
		return o, Closure{}, err
	}
	reason := fmt.Sprintf("%s停止办公（%s）", o.Date, o.Name)
	notice := func(b Booking) (string, string) {
		return "booking_closed", fmt.Sprintf("【公共法律服务】因%s，%s于%s停止办公，您%s的法律咨询预约（%s）已取消。请另约时间，或拨打12348咨询。",
			o.Name, b.SiteName, o.Date, when(b.Start), b.Code)
	}
	c, err := s.Store.CloseDay(ctx, &o, DayClose{Reason: reason, Notice: notice, Preview: preview, At: s.Now()})
	if err == nil && !preview {
		s.cache.drop(0)
	}
	return o, c, err
}
