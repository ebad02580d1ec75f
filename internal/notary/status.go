package notary

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
)

// Outcome is the clerk's (or, to cancel, the resident's) closing step.
type Outcome struct {
	Status        Status `json:"status"` // done, no_show or cancelled
	CertificateNo string `json:"certificate_no"`
	FeeCharged    int    `json:"fee_charged"` // yuan
	FeeWaived     bool   `json:"fee_waived"`
	Reason        string `json:"reason"`
}

// Finish closes a visit: the clerk records done (with the certificate
// number and the fee charged or waived) or a no-show; the resident or a
// clerk cancels, which frees the visit's places.
func (s *Service) Finish(ctx context.Context, v Viewer, id int64, o Outcome) (Visit, error) {
	vis, err := s.load(ctx, v, id)
	if err != nil {
		return Visit{}, err
	}
	f := errs.Fields{}
	switch o.Status {
	case Done:
		if n := utf8.RuneCountInString(strings.TrimSpace(o.CertificateNo)); n == 0 || n > 40 {
			f.Add("certificate_no", "请填写公证书编号", "the certificate number is required")
		}
		if o.FeeCharged < 0 || o.FeeCharged > 1_000_000 || (o.FeeWaived && o.FeeCharged != 0) {
			f.Add("fee_charged", "收费金额无效（减免时应为0）", "invalid fee (0 when waived)")
		}
	case NoShow, Cancelled:
	default:
		f.Add("status", "状态应为 done、no_show 或 cancelled", "status must be done, no_show or cancelled")
	}
	if utf8.RuneCountInString(o.Reason) > 200 {
		f.Add("reason", "原因不超过200字", "reason is at most 200 characters")
	}
	if err := f.Err(); err != nil {
		return Visit{}, err
	}
	if !v.clerk() && o.Status != Cancelled {
		return Visit{}, errs.New(errs.Forbidden, "只有公证处工作人员可以办结", "only the notary office can close a visit")
	}
	if !open(vis) || (o.Status != Cancelled && vis.Status == Requested) {
		return Visit{}, ErrNotActive
	}
	err = s.Store.FinishNotaryVisit(ctx, id, o.Status, strings.TrimSpace(o.CertificateNo), o.FeeCharged, o.FeeWaived, o.Reason, s.Now())
	if err != nil {
		return Visit{}, err
	}
	if o.Status == Cancelled && v.clerk() {
		s.notify(ctx, vis.ResidentID, "notary_cancelled", fmt.Sprintf("【公证处】您预约码 %s 的公证预约已取消。%s", vis.Code, o.Reason))
	}
	if o.Status == Cancelled {
		s.offer(ctx, vis)
	}
	return s.Get(ctx, v, id)
}

// Day is the clerk's list for from..to: the green channel first, then by
// time; each visit with its checklist state.
func (s *Service) Day(ctx context.Context, v Viewer, date calendar.Date) ([]Visit, error) {
	if !v.clerk() {
		return nil, errNoVisit
	}
	list, err := s.Store.NotaryDay(ctx, date.At(0, 0), date.AddDays(1).At(0, 0))
	if err != nil {
		return nil, err
	}
	for i := range list {
		if list[i], err = s.fill(ctx, list[i]); err != nil {
			return nil, err
		}
	}
	SortDay(list)
	if err := s.Store.AuditRead(ctx, v.ID, "notary_day", 0); err != nil {
		return nil, err
	}
	return list, nil
}

// SortDay puts the green channel first, then the earlier start.
func SortDay(list []Visit) {
	slices.SortStableFunc(list, func(a, b Visit) int {
		if a.Priority != b.Priority {
			if a.Priority {
				return -1
			}
			return 1
		}
		return startOf(a).Compare(startOf(b))
	})
}

func startOf(v Visit) time.Time {
	if v.Start == nil {
		return time.Time{}
	}
	return *v.Start
}
