package legalaid

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/pii"
)

// Limiter counts events per key within a window (the same limiter that
// guards signing in).
type Limiter interface {
	Allow(ctx context.Context, key string, limit int, window time.Duration) (ok bool, retryAfter time.Duration, err error)
}

// Progress lookups per address: enough for a family checking a few
// applications, far too few to guess an ID number's 10^4 endings.
const (
	ProgressPerAddr   = 10
	ProgressWindow    = 15 * time.Minute
	progressNoMatchZh = "未找到与该申请编号和身份证号码相符的申请，请核对后再试，或拨打 12348 咨询"
	progressNoMatchEn = "no application matches this number and ID number; check both, or call 12348"
)

// ProgressQuery is what the public lookup asks for.
type ProgressQuery struct {
	Number   string `json:"number"`
	IDNumber string `json:"id_number"`
}

// Progress is all the lookup tells: where an application stands, its
// dates and the next step. Nothing of the person or the case.
type Progress struct {
	Number      string         `json:"number"`
	Status      Status         `json:"status"`
	ReceivedOn  calendar.Date  `json:"received_on"`
	DecisionDue *calendar.Date `json:"decision_due,omitempty"` // Art. 43, while undecided
	DecidedOn   *calendar.Date `json:"decided_on,omitempty"`
	NextStep    string         `json:"next_step"`
	NextDue     *calendar.Date `json:"next_due,omitempty"`
}

// errNoProgress is the one answer for a number that does not exist and for
// a number with someone else's ID number: the lookup must not tell which.
var errNoProgress = errs.New(errs.NotFound, progressNoMatchZh, progressNoMatchEn)

// LookUp answers a progress lookup without signing in, for the applicant
// (or the aided person) holding the number and their ID number; the ID is
// compared through its blind index, nothing is opened. addr is the
// caller's address as the limiter counts it.
func (s *Service) LookUp(ctx context.Context, addr string, q ProgressQuery) (Progress, error) {
	number := strings.ToUpper(strings.TrimSpace(q.Number))
	id := strings.ToUpper(strings.TrimSpace(q.IDNumber))
	e := errs.Fields{}
	if !length(number, 1, 20) {
		e.Add("number", "请填写申请编号（受理回执上的 FY 开头的编号）", "enter the application number (FY…, on the receipt)")
	}
	if !pii.ValidIDNumber(id) {
		e.Add("id_number", "身份证号码不正确（18位，末位可能是X）", "invalid ID number (18 characters, the last may be X)")
	}
	if err := e.Err(); err != nil {
		return Progress{}, err
	}
	if err := s.limitLookUp(ctx, addr); err != nil {
		return Progress{}, err
	}
	a, err := s.Store.ApplicationByNumber(ctx, number, s.Box.Index("id", id))
	if errs.Is(err, errs.NotFound) {
		return Progress{}, errNoProgress
	}
	if err != nil {
		return Progress{}, err
	}
	var filed *time.Time
	if a.Status == ObjectionPending {
		open, err := s.Store.PendingObjections(ctx, []int64{a.ID})
		if err != nil {
			return Progress{}, err
		}
		if o, ok := open[a.ID]; ok {
			filed = &o.FiledAt
		}
	}
	return progressOf(a, ClockOf(a, filed, s.today())), nil
}

func (s *Service) limitLookUp(ctx context.Context, addr string) error {
	if s.Limiter == nil {
		return nil
	}
	ok, retry, err := s.Limiter.Allow(ctx, "aid-progress:"+addr, ProgressPerAddr, ProgressWindow)
	if err != nil {
		return errs.Wrap(err, errs.Unavailable, "服务暂时不可用，请稍后再试", "service temporarily unavailable")
	}
	if !ok {
		mins := int(retry.Minutes()) + 1
		return errs.New(errs.RateLimited, fmt.Sprintf("查询次数过多，请%d分钟后再试", mins), fmt.Sprintf("too many lookups, try again in %d min", mins))
	}
	return nil
}

// progressOf reduces an application to what the lookup may tell.
func progressOf(a Application, c Clock) Progress {
	p := Progress{Number: a.Code, Status: a.Status, ReceivedOn: calendar.DateOf(a.CreatedAt), NextDue: c.Due, NextStep: nextStep(a)}
	if a.DecidedAt != nil {
		d := calendar.DateOf(*a.DecidedAt)
		p.DecidedOn = &d
	} else if due, ok := DecisionDue(a); ok && (a.Status == Received || a.Status == MaterialsRequested) {
		p.DecisionDue = &due
	}
	return p
}

// nextStep names what happens next, and who acts.
func nextStep(a Application) string {
	switch a.Status {
	case Received:
		return "centre_decides"
	case MaterialsRequested:
		if a.MaterialsToCheck {
			return "centre_checks_materials"
		}
		return "supply_materials"
	case Approved:
		return "lawyer_to_be_assigned"
	case Assigned:
		return "lawyer_contacts_you"
	case Refused, Terminated:
		if a.ObjectionDecided {
			return "reconsideration_or_lawsuit" // Art. 49: the bureau's decision is final here
		}
		return "may_object"
	case ObjectionPending:
		return "bureau_reviews"
	}
	return "none"
}
