package notary

import (
	"context"
	"fmt"
	"time"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
)

// Waiting is a resident waiting for a freed time on a day.
type Waiting struct {
	ID         int64  `json:"id" db:"id"`
	SiteID     int64  `json:"site_id" db:"site_id"`
	ResidentID int64  `json:"-" db:"resident_id"`
	Date       string `json:"date" db:"date"`
	MatterIDs  IDs    `json:"matter_ids" db:"matter_ids"`
}

// OfferTTL is how long a freed time is held for the resident offered it.
const OfferTTL = 2 * time.Hour

// WaitStore keeps the waiting lists.
type WaitStore interface {
	JoinNotaryWaitlist(ctx context.Context, w *Waiting) error
	NextNotaryWaiting(ctx context.Context, siteID int64, date string, slotID int64, at time.Time) (Waiting, error)
}

// Join puts a resident on a day's waiting list for the chosen matters.
func (s *Service) Join(ctx context.Context, residentID int64, date calendar.Date, matterIDs []int64) (Waiting, error) {
	if _, err := s.matters(ctx, matterIDs); err != nil {
		return Waiting{}, err
	}
	today := calendar.DateOf(s.Now())
	if date.IsZero() || !date.After(today) || today.DaysUntil(date) > int(s.Horizon.Hours()/24) {
		return Waiting{}, errs.New(errs.Invalid, "请选择可预约范围内的日期", "choose a date within the booking horizon").Field("date", "日期不在可预约范围内", "out of range")
	}
	site, err := s.Office(ctx)
	if err != nil {
		return Waiting{}, err
	}
	w := Waiting{SiteID: site, ResidentID: residentID, Date: date.String(), MatterIDs: matterIDs}
	if err := s.Waits.JoinNotaryWaitlist(ctx, &w); errs.Is(err, errs.Conflict) {
		return Waiting{}, errs.New(errs.Conflict, "您已在当天的候补名单中", "you are already waiting for that day")
	} else if err != nil {
		return Waiting{}, err
	}
	return w, nil
}

// offer gives a cancelled office visit's first slot to the first resident
// waiting for that day, as a hold that lasts OfferTTL, and tells them.
func (s *Service) offer(ctx context.Context, vis Visit) {
	if vis.Kind != Office || vis.Start == nil || s.Waits == nil {
		return
	}
	slots, err := s.Store.NotarySlots(ctx, vis.SiteID, *vis.Start, vis.Start.Add(time.Minute))
	if err != nil || len(slots) == 0 {
		return
	}
	date := calendar.DateOf(*vis.Start).String()
	w, err := s.Waits.NextNotaryWaiting(ctx, vis.SiteID, date, slots[0].ID, s.Now())
	if err != nil {
		if !errs.Is(err, errs.NotFound) {
			s.Log.ErrorContext(ctx, "notary waitlist", "error", err.Error())
		}
		return
	}
	if _, _, err := s.Holds.HoldFor(ctx, slots[0].ID, 1, w.ResidentID, OfferTTL); err != nil {
		s.Log.WarnContext(ctx, "waitlist hold not placed", "error", err.Error())
	}
	s.notify(ctx, w.ResidentID, "notary_waitlist", fmt.Sprintf("【公证处】您候补的%s有空档：%s起，已为您保留2小时，请在“公证预约”中确认。",
		date, when(*vis.Start)))
}
