package roster

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
)

// RequestLeave records a lawyer's leave and hands each of their future
// shifts in it to a colleague by the roster's rules; a shift nobody can take
// is left unfilled and reported.
func (s *Service) RequestLeave(ctx context.Context, lawyerID int64, l Leave) (Leave, []Move, error) {
	l.LawyerID = lawyerID
	l.Reason = strings.TrimSpace(l.Reason)
	if err := s.checkLeave(l); err != nil {
		return Leave{}, nil, err
	}
	mine, err := s.Store.Shifts(ctx, ShiftFilter{LawyerID: lawyerID, From: l.From, To: l.To})
	if err != nil {
		return Leave{}, nil, err
	}
	in, _, err := s.input(ctx, l.From.AddDays(-31), l.To.AddDays(31))
	if err != nil {
		return Leave{}, nil, err
	}
	in.Absences = append(in.Absences, Absence{LawyerID: lawyerID, From: l.From, To: l.To})
	now := s.Now()
	var moves []Move
	for _, sh := range mine {
		if !sh.Start.After(now) {
			continue
		}
		in.Fixed = withoutShift(in.Fixed, sh.ID)
		to, why := Replace(in, sh)
		m := Move{ShiftID: sh.ID, From: lawyerID, To: to, Reason: "leave"}
		if to == 0 {
			m.Unfilled = why
		} else {
			moved := sh
			moved.LawyerID = to
			in.Fixed = append(in.Fixed, moved)
		}
		moves = append(moves, m)
	}
	if err := s.Store.ApplyLeave(ctx, lawyerID, &l, moves); err != nil {
		return Leave{}, nil, err
	}
	changed := make([]int64, len(moves))
	for i, m := range moves {
		changed[i] = m.ShiftID
	}
	s.shiftsChanged(ctx, changed)
	return l, moves, nil
}

func (s *Service) checkLeave(l Leave) error {
	f := errs.Fields{}
	today := calendar.DateOf(s.Now())
	switch {
	case l.From.IsZero():
		f.Add("from", "请填写开始日期（YYYY-MM-DD）", "from is required (YYYY-MM-DD)")
	case l.From.Before(today):
		f.Add("from", "不能为已过去的日期请假", "leave cannot start in the past")
	}
	switch {
	case l.To.IsZero():
		f.Add("to", "请填写结束日期（YYYY-MM-DD）", "to is required (YYYY-MM-DD)")
	case !l.From.IsZero() && l.To.Before(l.From):
		f.Add("to", "结束日期不能早于开始日期", "to is before from")
	case !l.From.IsZero() && l.From.DaysUntil(l.To) > 366:
		f.Add("to", "一次请假不超过一年", "leave is at most a year at a time")
	}
	if utf8.RuneCountInString(l.Reason) > 200 {
		f.Add("reason", "事由不超过200字", "the reason is at most 200 characters")
	}
	return f.Err()
}

func withoutShift(shifts []Shift, id int64) []Shift {
	out := shifts[:0:0]
	for _, s := range shifts {
		if s.ID != id {
			out = append(out, s)
		}
	}
	return out
}

var (
	errNotYourShift = errs.New(errs.Forbidden, "这不是您的值班", "this is not your shift")
	errNoShift      = errs.New(errs.NotFound, "未找到该值班", "no such shift")
	errTooLate      = errs.New(errs.Invalid, "距离值班开始时间太近，无法换班，请联系管理员", "too close to the shift to swap; ask an administrator")
	// ErrSwapClosed: the swap was accepted, declined or withdrawn already.
	ErrSwapClosed  = errs.New(errs.Conflict, "该换班申请已处理", "this swap was already decided")
	errSwapChanged = errs.New(errs.Conflict, "该值班已变更，换班申请失效", "the shift changed hands; the swap no longer applies")
)

// ProposeSwap offers one of the lawyer's shifts to an eligible colleague.
func (s *Service) ProposeSwap(ctx context.Context, lawyerID, shiftID, toLawyer int64) (Swap, error) {
	sh, err := s.Store.Shift(ctx, shiftID)
	if err != nil {
		return Swap{}, err
	}
	if sh.LawyerID != lawyerID {
		return Swap{}, errNotYourShift
	}
	if toLawyer == lawyerID {
		return Swap{}, errs.New(errs.Invalid, "不能与自己换班", "cannot swap with yourself").Field("to_lawyer_id", "请选择其他律师", "choose a colleague")
	}
	if err := s.checkSwap(ctx, sh, toLawyer); err != nil {
		return Swap{}, err
	}
	sw := Swap{ShiftID: shiftID, FromLawyer: lawyerID, ToLawyer: toLawyer, Status: "proposed", CreatedAt: s.Now().UTC()}
	return sw, s.Store.CreateSwap(ctx, &sw)
}

// checkSwap applies the notice period and the roster's hard rules to toLawyer.
func (s *Service) checkSwap(ctx context.Context, sh Shift, toLawyer int64) error {
	if sh.Start.Sub(s.Now()) < s.SwapNotice {
		return errTooLate
	}
	in, _, err := s.input(ctx, sh.Date.AddDays(-7), sh.Date.AddDays(7))
	if err != nil {
		return err
	}
	in.Fixed = withoutShift(in.Fixed, sh.ID)
	if ok, why := Eligible(in, toLawyer, sh); !ok {
		return errs.New(errs.Invalid, "该律师不能接班："+why, "that colleague cannot take the shift").Field("to_lawyer_id", why, "not eligible")
	}
	return nil
}

// DecideSwap lets the colleague accept or decline; acceptance re-checks the
// rules and moves the shift in one transaction.
func (s *Service) DecideSwap(ctx context.Context, lawyerID, swapID int64, accept bool) (Swap, error) {
	sw, err := s.Store.Swap(ctx, swapID)
	if err != nil {
		return Swap{}, err
	}
	switch lawyerID {
	case sw.ToLawyer:
	case sw.FromLawyer:
		return Swap{}, errs.New(errs.Forbidden, "这不是发给您的换班申请", "this swap was not offered to you")
	default:
		// A lawyer outside the swap learns nothing of it.
		return Swap{}, errs.New(errs.NotFound, "未找到该换班申请", "no such swap")
	}
	if sw.Status != "proposed" {
		return Swap{}, ErrSwapClosed
	}
	status, move := "declined", (*Move)(nil)
	if accept {
		sh, err := s.Store.Shift(ctx, sw.ShiftID)
		if err != nil {
			return Swap{}, err
		}
		if sh.LawyerID != sw.FromLawyer {
			return Swap{}, errSwapChanged
		}
		if err := s.checkSwap(ctx, sh, lawyerID); err != nil {
			return Swap{}, err
		}
		status, move = "accepted", &Move{ShiftID: sh.ID, From: sw.FromLawyer, To: lawyerID, Reason: "swap"}
	}
	if err := s.Store.DecideSwap(ctx, lawyerID, swapID, status, move); err != nil {
		return Swap{}, err
	}
	if move != nil {
		s.shiftsChanged(ctx, []int64{move.ShiftID})
	}
	return s.Store.Swap(ctx, swapID)
}

// Colleagues lists who could take one of the lawyer's shifts in a swap.
func (s *Service) Colleagues(ctx context.Context, lawyerID, shiftID int64) ([]Lawyer, error) {
	sh, err := s.Store.Shift(ctx, shiftID)
	if err != nil {
		return nil, err
	}
	if sh.LawyerID != lawyerID {
		return nil, errNotYourShift
	}
	in, _, err := s.input(ctx, sh.Date.AddDays(-7), sh.Date.AddDays(7))
	if err != nil {
		return nil, err
	}
	in.Fixed = withoutShift(in.Fixed, sh.ID)
	out := []Lawyer{}
	for _, l := range in.Pools[sh.SiteID] {
		if ok, _ := Eligible(in, l, sh); ok && l != lawyerID {
			out = append(out, in.Lawyers[l])
		}
	}
	return out, nil
}
