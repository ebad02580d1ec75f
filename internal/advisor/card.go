package advisor

import (
	"context"
	"time"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
)

// Card is what a resident sees of their village's advisor: a work phone,
// never a personal one.
type Card struct {
	SiteID     int64          `json:"site_id"`
	SiteName   string         `json:"site_name"`
	Township   string         `json:"township"`
	LawyerID   int64          `json:"lawyer_id"`
	Name       string         `json:"name"`
	Firm       string         `json:"firm"`
	WorkPhone  string         `json:"work_phone"`
	NextOnSite *calendar.Date `json:"next_on_site"`
	TermEnds   calendar.Date  `json:"term_ends"`
}

// SiteAdvisor is the card of a village's active advisor.
func (s *Service) SiteAdvisor(ctx context.Context, siteID int64) (Card, error) {
	as, err := s.Store.Assignments(ctx, Filter{SiteID: siteID, ActiveOnly: true})
	if err != nil {
		return Card{}, err
	}
	today := s.today()
	if len(as) == 0 || as[0].Lapsed(today) {
		return Card{}, ErrNoAdvisor
	}
	a := as[0]
	lawyers, err := s.Store.AdvisorLawyers(ctx)
	if err != nil {
		return Card{}, err
	}
	c := Card{SiteID: a.SiteID, SiteName: a.SiteName, Township: a.Township, LawyerID: a.LawyerID, Name: a.LawyerName, TermEnds: a.EndsOn}
	for _, l := range lawyers {
		if l.ID == a.LawyerID {
			c.Firm, c.WorkPhone = l.FirmName, l.WorkPhone
		}
	}
	cal, err := calendar.Load(ctx, s.Store, today, today.AddDays(100))
	if err != nil {
		return Card{}, err
	}
	c.NextOnSite = NextOnSite(cal, today, a)
	return c, nil
}

// NextOnSite is the assignment's next monthly on-site day from today: the
// n-th weekday of the month, moved to the next working day when it falls on
// a holiday; nil when none falls in the term within three months, or the
// calendar cannot say.
func NextOnSite(cal *calendar.Calendar, today calendar.Date, a Assignment) *calendar.Date {
	m := MonthOf(today)
	for range 3 {
		d := m.First()
		for d.Weekday() != time.Weekday(a.OnSiteWeekday%7) {
			d = d.AddDays(1)
		}
		d = d.AddDays(7 * (a.OnSiteWeek - 1))
		for range 10 {
			day, err := cal.Day(d, a.SiteID)
			if err != nil {
				return nil
			}
			if day.Working {
				break
			}
			d = d.AddDays(1)
		}
		if !d.Before(today) && a.Served(d) {
			return &d
		}
		m = m.Next()
	}
	return nil
}

// Compliance is the monthly report for every advisor (lawyerID 0) or one.
// A month after the current one is refused.
func (s *Service) Compliance(ctx context.Context, m Month, lawyerID int64) (Report, error) {
	today := s.today()
	if m.After(MonthOf(today)) {
		return Report{}, errs.Fields{"month": {ZH: "该月份尚未开始", EN: "this month has not begun"}}.Err()
	}
	as, err := s.Store.Assignments(ctx, Filter{LawyerID: lawyerID})
	if err != nil {
		return Report{}, err
	}
	logs, err := s.Store.Logs(ctx, LogFilter{LawyerID: lawyerID, From: m.QuarterFirst().First(), To: m.Last()})
	if err != nil {
		return Report{}, err
	}
	ls, err := s.Store.AdvisorLawyers(ctx)
	if err != nil {
		return Report{}, err
	}
	lawyers := make(map[int64]Lawyer, len(ls))
	for _, l := range ls {
		lawyers[l.ID] = l
	}
	return Compliance(m, today, s.Minimums, as, lawyers, logs), nil
}

// Export is the month's report for download: the file carries people's
// names out of the system, so the export is written to the audit log first.
func (s *Service) Export(ctx context.Context, viewer int64, m Month) (Report, error) {
	rep, err := s.Compliance(ctx, m, 0)
	if err != nil {
		return rep, err
	}
	return rep, s.Store.AuditReadDetail(ctx, viewer, "advisor_compliance", 0, "export month="+m.String())
}
