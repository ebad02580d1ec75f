package notary

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/legaldesk/legaldesk/internal/errs"
)

// HomeRequest asks for a home visit (上门服务).
type HomeRequest struct {
	MatterIDs      []int64 `json:"matter_ids"`
	Parties        []Party `json:"parties"`
	IDNumber       string  `json:"id_number"`
	Group          string  `json:"group"`
	Address        string  `json:"address"`
	Reason         string  `json:"reason"`
	PreferredDates string  `json:"preferred_dates"`
}

// ErrNotEligible: home visits are for people aged HomeAge or more, the
// disabled, the seriously ill and veterans.
var ErrNotEligible = errs.New(errs.Invalid, "上门服务面向高龄老人、残疾人、重病患者和退役军人", "home visits are for the elderly, disabled, seriously ill and veterans").
	Field("group", "不符合上门服务条件", "not eligible for a home visit")

// RequestHome records a home-visit request; the party is still present in
// person at home, so an in-person-only matter (a bedridden testator's will)
// may be done this way, but never through an agent (Notary Law Art. 26).
func (s *Service) RequestHome(ctx context.Context, residentID int64, r HomeRequest) (Visit, error) {
	req := Request{SlotID: 1, IDNumber: r.IDNumber, Group: r.Group, Parties: r.Parties}
	f := errs.Fields{}
	if err := req.check(); err != nil {
		return Visit{}, err
	}
	r.Address, r.Reason, r.PreferredDates = strings.TrimSpace(r.Address), strings.TrimSpace(r.Reason), strings.TrimSpace(r.PreferredDates)
	if n := utf8.RuneCountInString(r.Address); n < 4 || n > 200 {
		f.Add("address", "请填写上门地址（4到200字）", "the address is required (4 to 200 characters)")
	}
	if n := utf8.RuneCountInString(r.Reason); n == 0 || n > 200 {
		f.Add("reason", "请说明需要上门的原因（不超过200字）", "say why a home visit is needed (at most 200 characters)")
	}
	if n := utf8.RuneCountInString(r.PreferredDates); n == 0 || n > 100 {
		f.Add("preferred_dates", "请填写希望的日期（不超过100字）", "preferred dates are required (at most 100 characters)")
	}
	if err := f.Err(); err != nil {
		return Visit{}, err
	}
	ms, err := s.matters(ctx, r.MatterIDs)
	if err != nil {
		return Visit{}, err
	}
	if err := CheckParties(ms, req.Parties, Home); err != nil {
		return Visit{}, err
	}
	vis, err := s.newVisit(ctx, residentID, Home, ms, req.Parties, req.IDNumber, req.Group)
	if err != nil {
		return Visit{}, err
	}
	if !vis.Priority {
		return Visit{}, ErrNotEligible
	}
	vis.Status, vis.Address, vis.Reason, vis.PreferredDates = Requested, r.Address, r.Reason, r.PreferredDates
	if err := s.Store.RequestHomeVisit(ctx, &vis); err != nil {
		return Visit{}, err
	}
	return s.fill(ctx, vis)
}

// Schedule is the clerk's answer to a home-visit request.
type Schedule struct {
	StartsAt   time.Time `json:"starts_at"`
	NotaryName string    `json:"notary_name"`
}

// ScheduleHome puts a requested home visit on a notary's calendar: it
// blocks one place on the office's slots for its length (the notary is
// out) and tells the resident the date.
func (s *Service) ScheduleHome(ctx context.Context, v Viewer, id int64, sc Schedule) (Visit, error) {
	if !v.clerk() {
		return Visit{}, errNoVisit
	}
	vis, err := s.Get(ctx, v, id)
	if err != nil {
		return Visit{}, err
	}
	if vis.Kind != Home || vis.Status != Requested {
		return Visit{}, errs.New(errs.Conflict, "该上门申请已安排或已结束", "this home visit is already scheduled or closed")
	}
	f := errs.Fields{}
	if n := utf8.RuneCountInString(strings.TrimSpace(sc.NotaryName)); n == 0 || n > 40 {
		f.Add("notary_name", "请填写上门公证员姓名", "the notary's name is required")
	}
	if !sc.StartsAt.After(s.Now()) || sc.StartsAt.Sub(s.Now()) > s.Horizon {
		f.Add("starts_at", "上门时间应在今后的可预约范围内", "the time must be in the future, within the booking horizon")
	}
	if err := f.Err(); err != nil {
		return Visit{}, err
	}
	end := sc.StartsAt.Add(time.Duration(SlotsNeeded(vis.Matters)*SlotMinutes) * time.Minute)
	if err := s.Store.ScheduleHomeVisit(ctx, id, sc.StartsAt, end, strings.TrimSpace(sc.NotaryName), s.Now()); err != nil {
		return Visit{}, err
	}
	s.notify(ctx, vis.ResidentID, "notary_home_visit", fmt.Sprintf("【公证处】您的上门公证已安排在%s，由%s公证员上门办理（预约码 %s）。",
		when(sc.StartsAt), strings.TrimSpace(sc.NotaryName), vis.Code))
	return s.Get(ctx, v, id)
}

// HomeRequests lists the home visits awaiting a date, for the clerks.
func (s *Service) HomeRequests(ctx context.Context, v Viewer) ([]Visit, error) {
	if !v.clerk() {
		return nil, errNoVisit
	}
	list, err := s.Store.HomeRequests(ctx)
	if err != nil {
		return nil, err
	}
	for i := range list {
		if list[i], err = s.fill(ctx, list[i]); err != nil {
			return nil, err
		}
	}
	SortDay(list)
	return list, nil
}
