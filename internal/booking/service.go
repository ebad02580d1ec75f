package booking

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
)

// Service runs booking.
type Service struct {
	Store  Store
	Holds  Holds
	Notify Notifier
	Log    *slog.Logger
	Now    func() time.Time
	// Rules per site tier; DefaultRules for the rest.
	Rules map[string]Rules
	// CacheTTL keeps a site's availability for that long (0: not at all).
	CacheTTL time.Duration
	cache    availability
}

func (s *Service) rules(tier string) Rules {
	if r, ok := s.Rules[tier]; ok {
		return r
	}
	return DefaultRules
}

var (
	// ErrSlotFull: no place is left. The store returns it too, when the
	// conditional update finds the slot full.
	ErrSlotFull = errs.New(errs.Conflict, "该时段已约满，请选择其他时段", "this slot is full; choose another")
	// ErrAlreadyBooked: the resident already has this slot (the store's UNIQUE key says so too).
	ErrAlreadyBooked = errs.New(errs.Conflict, "您已预约该时段", "you have already booked this slot")
	// ErrOverlap: the resident has another booking at that time.
	ErrOverlap = errs.New(errs.Conflict, "您在该时间已有其他预约", "you already have a booking at that time")
	// ErrNotActive: the booking was cancelled or has been attended.
	ErrNotActive  = errs.New(errs.Conflict, "该预约已取消或已结束", "this booking is no longer active")
	errNoLawyer   = errs.New(errs.Conflict, "该时段暂无值班律师，暂不开放预约", "no lawyer is on duty for this slot yet")
	errPast       = errs.New(errs.Invalid, "该时段已开始或已结束", "this slot has already started").Field("slot_id", "时段已过", "in the past")
	errNotYours   = errs.New(errs.Forbidden, "这不是您的预约", "this booking is not yours")
	errTooLateFor = errs.New(errs.Invalid, "距离开始时间太近，无法在线取消或改约，请致电站点", "too close to the start to cancel or move online; call the site")
)

// checkSlot applies the rules that depend on the slot alone.
func (s *Service) checkSlot(sl Slot, now time.Time) error {
	r := s.rules(sl.Tier)
	switch {
	case !sl.Start.After(now):
		return errPast
	case sl.Start.Sub(now) < r.MinNotice:
		h := r.MinNotice.Hours()
		return errs.New(errs.Invalid, fmt.Sprintf("请至少提前 %.0f 小时预约", h), fmt.Sprintf("book at least %.0f hours ahead", h)).
			Field("slot_id", "预约时间太近", "too soon")
	case sl.Start.Sub(now) > r.Horizon:
		d := r.Horizon.Hours() / 24
		return errs.New(errs.Invalid, fmt.Sprintf("只能预约 %.0f 天以内的时段", d), fmt.Sprintf("slots open %.0f days ahead", d)).
			Field("slot_id", "超出可预约范围", "beyond the booking horizon")
	case sl.LawyerID == 0:
		return errNoLawyer
	}
	return nil
}

// checkMine applies the rules about the resident's other bookings.
func (s *Service) checkMine(sl Slot, mine []Booking, except int64) error {
	active := 0
	for _, b := range mine {
		if b.ID == except || b.Status != Confirmed {
			continue
		}
		active++
		if b.SlotID == sl.ID {
			return ErrAlreadyBooked
		}
		if b.Start.Before(sl.End) && sl.Start.Before(b.End) {
			return ErrOverlap
		}
	}
	if max := s.rules(sl.Tier).MaxActive; active >= max {
		return errs.New(errs.Conflict, fmt.Sprintf("您最多可同时保留 %d 个未到期的预约", max), fmt.Sprintf("at most %d upcoming bookings at a time", max))
	}
	return nil
}

func (s *Service) availability(ctx context.Context, siteID int64, from, to, now time.Time) ([]Slot, error) {
	slots, err := s.Store.Slots(ctx, siteID, from, to)
	if err != nil || len(slots) == 0 {
		return slots, err
	}
	// A slot of a closed day has no places: it is not offered at all.
	slots = slices.DeleteFunc(slots, func(sl Slot) bool { return sl.Capacity == 0 })
	ids := make([]int64, len(slots))
	for i, sl := range slots {
		ids[i] = sl.ID
	}
	held, err := s.Holds.Held(ctx, ids)
	if err != nil {
		// Holds are advisory: without them, show what the database knows.
		s.Log.WarnContext(ctx, "hold counts unavailable", "error", err.Error())
		held = map[int64]int{}
	}
	for i := range slots {
		sl := &slots[i]
		sl.Remaining = max(sl.Capacity-sl.Booked-held[sl.ID], 0)
		sl.Bookable = sl.Remaining > 0 && s.checkSlot(*sl, now) == nil
	}
	return slots, nil
}

// Hold keeps a place on a slot for a few minutes; one hold per resident.
func (s *Service) Hold(ctx context.Context, residentID, slotID int64) (string, time.Time, error) {
	sl, err := s.Store.Slot(ctx, slotID)
	if err != nil {
		return "", time.Time{}, slotError(err)
	}
	if err := s.checkSlot(sl, s.Now()); err != nil {
		return "", time.Time{}, err
	}
	if sl.Booked >= sl.Capacity {
		return "", time.Time{}, ErrSlotFull
	}
	// (The resident's earlier hold, if any, frees a place elsewhere: that
	// site shows it when its entry expires.)
	defer s.cache.drop(sl.SiteID)
	return s.Holds.Hold(ctx, slotID, sl.Capacity-sl.Booked, residentID)
}

func slotError(err error) error {
	if errs.Is(err, errs.NotFound) {
		return errs.New(errs.NotFound, "时段不存在", "no such slot").Field("slot_id", "时段不存在", "no such slot")
	}
	return err
}

// Request is a resident's confirm.
type Request struct {
	HoldID      string
	SlotID      int64
	Topic       string
	Note        string
	IdemKey     string
	RequestHash string
}

func (r Request) check() error {
	f := errs.Fields{}
	if (r.HoldID == "") == (r.SlotID == 0) {
		f.Add("hold_id", "请提供 hold_id 或 slot_id 之一", "give hold_id or slot_id")
	}
	if utf8.RuneCountInString(r.Topic) > 100 {
		f.Add("topic", "咨询事项不超过100字", "topic is at most 100 characters")
	}
	if utf8.RuneCountInString(r.Note) > 500 {
		f.Add("note", "补充说明不超过500字", "note is at most 500 characters")
	}
	if len(r.IdemKey) > 64 {
		f.Add("Idempotency-Key", "幂等键过长", "Idempotency-Key is too long")
	}
	return f.Err()
}

// Confirm books a place in one transaction and releases the hold after.
func (s *Service) Confirm(ctx context.Context, residentID int64, r Request) (Booking, bool, error) {
	r.Topic, r.Note = strings.TrimSpace(r.Topic), strings.TrimSpace(r.Note)
	if err := r.check(); err != nil {
		return Booking{}, false, err
	}
	slotID := r.SlotID
	if r.HoldID != "" {
		id, err := s.Holds.HeldSlot(ctx, r.HoldID, residentID)
		if err != nil {
			return s.replayAfterHold(ctx, residentID, r, err)
		}
		slotID = id
	}
	now := s.Now()
	b, replayed, err := s.Store.Confirm(ctx, Confirmation{ResidentID: residentID, SlotID: slotID, Topic: r.Topic, Note: r.Note,
		Code: NewCode(), IdemKey: r.IdemKey, RequestHash: r.RequestHash, At: now,
		Check: func(sl Slot, mine []Booking) error {
			if err := s.checkSlot(sl, now); err != nil {
				return err
			}
			if sl.Booked >= sl.Capacity {
				return ErrSlotFull
			}
			return s.checkMine(sl, mine, 0)
		},
		Notice: confirmedNotice})
	if errs.Is(err, errs.NotFound) {
		err = slotError(err)
	}
	if err != nil {
		return Booking{}, false, err
	}
	s.cache.drop(b.SiteID)
	if r.HoldID != "" {
		s.Holds.Release(ctx, r.HoldID, residentID) // advisory; it expires anyway
	}
	return b, replayed, nil
}

// replayAfterHold answers a retry whose hold the first request used up: the
// confirm's transaction reads the idempotency record itself, so only this
// path reads it outside.
func (s *Service) replayAfterHold(ctx context.Context, residentID int64, r Request, holdErr error) (Booking, bool, error) {
	if r.IdemKey == "" {
		return Booking{}, false, holdErr
	}
	id, err := s.Store.Replayed(ctx, residentID, r.IdemKey, r.RequestHash)
	if err != nil {
		return Booking{}, false, err
	}
	if id == 0 {
		return Booking{}, false, holdErr
	}
	b, err := s.Store.Booking(ctx, id)
	return b, true, err
}

// confirmedNotice is the text a resident receives for a new booking.
func confirmedNotice(b Booking) (string, string) {
	return "booking_confirmed", fmt.Sprintf("【公共法律服务】您已预约%s %s的免费法律咨询（%s律师），预约码 %s。如需取消请提前办理。",
		b.SiteName, when(b.Start), b.LawyerName, b.Code)
}

func when(t time.Time) string {
	return t.In(calendar.Shanghai).Format("1月2日 15:04")
}

func (s *Service) notify(ctx context.Context, b Booking, kind, body string) {
	if err := s.Notify.NotifyUser(ctx, b.ResidentID, kind, body); err != nil {
		s.Log.ErrorContext(ctx, "notice not sent", "kind", kind, "booking_id", b.ID, "error", err.Error())
	}
}

// Release gives up a resident's hold.
func (s *Service) Release(ctx context.Context, holdID string, residentID int64) error {
	defer s.cache.drop(0)
	return s.Holds.Release(ctx, holdID, residentID)
}
