// Package stats is the justice bureau's statistics: the figures of a period
// (China time) and township for consultations, legal aid, notary, village
// advisors and mediation, the annual figures a year-end report quotes with
// their definitions, and the row-level lists officers export. The database
// counts (SQL aggregates); this package holds the periods, the rules of who
// sees what, the definitions and the export tables. Standard library only.
package stats

import (
	"context"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/pii"
)

// Bounds is a period as the database compares it: UTC instants from the
// first day's China midnight (inclusive) to the day after the last's
// (exclusive), the same days as text for date columns, and a township
// ("" for all).
type Bounds struct {
	Start, End     time.Time
	FromDay, ToDay string // YYYY-MM-DD, inclusive
	Township       string
}

// Period is a span of China-time days, inclusive, and an optional township.
type Period struct {
	From     calendar.Date `json:"from"`
	To       calendar.Date `json:"to"`
	Township string        `json:"township"`
}

// Bounds turns the period into UTC bounds: a case on 31 December at 23:30
// China time (15:30 UTC) belongs to that year.
func (p Period) Bounds() Bounds {
	return Bounds{Start: p.From.At(0, 0).UTC(), End: p.To.AddDays(1).At(0, 0).UTC(),
		FromDay: p.From.String(), ToDay: p.To.String(), Township: p.Township}
}

// MaxDays is the longest period one request may count (three years).
const MaxDays = 3*366 + 1

// ParsePeriod reads from, to (YYYY-MM-DD, China time) and a township.
func ParsePeriod(from, to, township string) (Period, error) {
	f := errs.Fields{}
	a, errA := calendar.ParseDate(from)
	b, errB := calendar.ParseDate(to)
	switch {
	case errA != nil:
		f.Add("from", "请填写开始日期（YYYY-MM-DD）", "from: YYYY-MM-DD")
	case !calendar.CheckYear("from", a, f):
	}
	switch {
	case errB != nil:
		f.Add("to", "请填写结束日期（YYYY-MM-DD）", "to: YYYY-MM-DD")
	case !calendar.CheckYear("to", b, f):
	case errA == nil && b.Before(a):
		f.Add("to", "结束日期不能早于开始日期", "to comes before from")
	case errA == nil && a.DaysUntil(b) >= MaxDays:
		f.Add("to", "统计期间最长三年", "at most three years")
	}
	township = strings.TrimSpace(township)
	if utf8.RuneCountInString(township) > 30 {
		f.Add("township", "乡镇（街道）不超过30字", "at most 30 characters")
	}
	if err := f.Err(); err != nil {
		return Period{}, err
	}
	return Period{From: a, To: b, Township: township}, nil
}

// Viewer is who asks, and in which role.
type Viewer struct {
	ID   int64
	Role string
}

// The justice bureau's administrators see every figure; the legal-aid
// centre's officers see the legal-aid figures and lists, which they report
// on; everyone else is refused.
func (v Viewer) all() bool     { return v.Role == "admin" }
func (v Viewer) aidOnly() bool { return v.Role == "aid_officer" }
func (v Viewer) allowed() bool { return v.all() || v.aidOnly() }

// ErrForbidden refuses statistics to those who may not see them.
var ErrForbidden = errs.New(errs.Forbidden, "无权查看统计数据", "statistics are for the justice bureau and the legal-aid centre")

// Store counts in the database.
type Store interface {
	ConsultationFigures(ctx context.Context, b Bounds) (Consultations, error)
	LegalAidFigures(ctx context.Context, b Bounds, groups []string) (LegalAid, error)
	NotaryFigures(ctx context.Context, b Bounds) (Notary, error)
	AdvisorFigures(ctx context.Context, b Bounds) (Advisors, error)
	DisputeFigures(ctx context.Context, b Bounds) (Disputes, error)
	// DemoRows reports whether any row the period counts is demo data.
	DemoRows(ctx context.Context, b Bounds, aidOnly bool) (bool, error)
	LegalAidRows(ctx context.Context, b Bounds, limit int) ([]CaseRow, error)
	DisputeRows(ctx context.Context, b Bounds, limit int) ([]DisputeRow, error)
	AuditReadDetail(ctx context.Context, actor int64, object string, id int64, detail string) error
}

// Service answers statistics.
type Service struct {
	Store Store
	Box   *pii.Box
	Now   func() time.Time
}

// Summary counts a period's figures, the sections the viewer may see.
func (s *Service) Summary(ctx context.Context, v Viewer, p Period) (Summary, error) {
	if !v.allowed() {
		return Summary{}, ErrForbidden
	}
	b := p.Bounds()
	out := Summary{Period: p}
	la, err := s.Store.LegalAidFigures(ctx, b, Groups)
	if err != nil {
		return Summary{}, err
	}
	la.OnTimePercent = percent(la.DecidedOnTime, la.Decided)
	out.LegalAid = &la
	if v.all() {
		if err := s.fillOthers(ctx, b, &out); err != nil {
			return Summary{}, err
		}
	}
	out.IncludesDemo, err = s.Store.DemoRows(ctx, b, !v.all())
	return out, err
}

func (s *Service) fillOthers(ctx context.Context, b Bounds, out *Summary) error {
	c, err := s.Store.ConsultationFigures(ctx, b)
	if err != nil {
		return err
	}
	c.AttendedPercent = percent(c.Attended, c.Attended+c.NoShow)
	n, err := s.Store.NotaryFigures(ctx, b)
	if err != nil {
		return err
	}
	a, err := s.Store.AdvisorFigures(ctx, b)
	if err != nil {
		return err
	}
	a.CoveragePercent = percent(a.Covered, a.Villages)
	d, err := s.Store.DisputeFigures(ctx, b)
	if err != nil {
		return err
	}
	d.ResolutionPercent = percent(d.Resolved, d.Resolved+d.Unresolved)
	out.Consultations, out.Notary, out.Advisors, out.Disputes = &c, &n, &a, &d
	return nil
}

// percent is part of whole in per cent with one decimal, nil when whole is 0.
func percent(part, whole int) *float64 {
	if whole == 0 {
		return nil
	}
	p := math.Round(float64(part)*1000/float64(whole)) / 10
	return &p
}
