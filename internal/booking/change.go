package booking

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/legaldesk/legaldesk/internal/errs"
)

// Cancel frees the place; residents must cancel before the cut-off, staff
// may cancel at any time.
func (s *Service) Cancel(ctx context.Context, v Viewer, id int64, reason string) (Booking, error) {
	b, err := s.getToChange(ctx, v, id)
	if err != nil {
		return Booking{}, err
	}
	if err := s.checkChange(b, v); err != nil {
		return Booking{}, err
	}
	if utf8.RuneCountInString(reason) > 200 {
		return Booking{}, errs.New(errs.Invalid, "取消原因不超过200字", "reason is at most 200 characters").Field("reason", "过长", "too long")
	}
	b, err = s.Store.Cancel(ctx, id, strings.TrimSpace(reason), s.Now())
	if err != nil {
		return Booking{}, err
	}
	s.cache.drop(b.SiteID)
	s.offerSlot(ctx, b.SlotID)
	s.notify(ctx, b, "booking_cancelled", fmt.Sprintf("【公共法律服务】您%s在%s的法律咨询预约（%s）已取消。", when(b.Start), b.SiteName, b.Code))
	return b, nil
}

func (s *Service) checkChange(b Booking, v Viewer) error {
	if b.Status != Confirmed {
		return ErrNotActive
	}
	if v.Role != AsAdmin && b.Start.Sub(s.Now()) < s.rules(b.Tier).CancelCutoff {
		return errTooLateFor
	}
	return nil
}

// Reschedule moves a booking to another slot in one transaction.
func (s *Service) Reschedule(ctx context.Context, v Viewer, id, slotID int64) (Booking, error) {
	b, err := s.getToChange(ctx, v, id)
	if err != nil {
		return Booking{}, err
	}
	if err := s.checkChange(b, v); err != nil {
		return Booking{}, err
	}
	oldSlot, oldSite := b.SlotID, b.SiteID
	defer func() {
		if err == nil {
			s.offerSlot(ctx, oldSlot)
		}
	}()
	now := s.Now()
	b, err = s.Store.Reschedule(ctx, id, slotID, func(sl Slot, mine []Booking) error {
		if err := s.checkSlot(sl, now); err != nil {
			return err
		}
		if sl.Booked >= sl.Capacity {
			return ErrSlotFull
		}
		return s.checkMine(sl, mine, id)
	}, now)
	if errs.Is(err, errs.NotFound) {
		err = slotError(err)
	}
	if err != nil {
		return Booking{}, err
	}
	s.cache.drop(oldSite)
	s.cache.drop(b.SiteID)
	s.notify(ctx, b, "booking_changed", fmt.Sprintf("【公共法律服务】您的法律咨询预约（%s）已改到%s %s。", b.Code, b.SiteName, when(b.Start)))
	return b, nil
}

// offerSlot offers a freed place on a future slot to the waitlist.
func (s *Service) offerSlot(ctx context.Context, slotID int64) {
	sl, err := s.Store.Slot(ctx, slotID)
	if err != nil || !sl.Start.After(s.Now()) || sl.Booked >= sl.Capacity {
		return
	}
	s.offer(ctx, sl)
}

// ShiftsChanged is told of every change to the published roster (a
// publish, a leave, a swap): this instance's availability is read afresh,
// since slots, places and lawyers may have changed, and the residents
// booked on these shifts are told that their lawyer changed.
func (s *Service) ShiftsChanged(ctx context.Context, shiftIDs []int64) {
	s.cache.drop(0)
	if len(shiftIDs) == 0 {
		return
	}
	list, err := s.Store.ShiftBookings(ctx, shiftIDs)
	if err != nil {
		s.Log.ErrorContext(ctx, "lawyer-change notices", "error", err.Error())
		return
	}
	for _, b := range list {
		body := fmt.Sprintf("【公共法律服务】您%s在%s的法律咨询（%s）改由%s律师接待，时间不变。", when(b.Start), b.SiteName, b.Code, b.LawyerName)
		if b.LawyerName == "" {
			// Nobody could take the shift yet: say so, and offer a change.
			body = fmt.Sprintf("【公共法律服务】您%s在%s的法律咨询（%s）原值班律师无法到岗，站点正在另行安排律师；如需改约或取消，请登录平台或致电站点。",
				when(b.Start), b.SiteName, b.Code)
		}
		s.notify(ctx, b, "lawyer_changed", body)
	}
}
