package advisor

import (
	"context"
	"fmt"
	"time"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
)

// Service runs the scheme.
type Service struct {
	Store Store
	Now   func() time.Time
	// Cap is the most villages one lawyer advises.
	Cap int
	// TermMonths is a new contract's default length.
	TermMonths int
	Minimums   Minimums
	// Notify tells the bureau about contracts that end soon (nil: nobody).
	Notify Notifier
	// Files keeps log photos; MaxPhoto bounds one (bytes).
	Files    Files
	MaxPhoto int64
}

func (s *Service) today() calendar.Date { return calendar.DateOf(s.Now()) }

// Assign makes a lawyer a village's advisor.
func (s *Service) Assign(ctx context.Context, actor int64, n New) (Assignment, error) {
	if err := s.fill(&n); err != nil {
		return Assignment{}, err
	}
	as, err := s.Store.CreateAssignments(ctx, actor, s.Cap, s.today(), []New{n})
	if err != nil {
		return Assignment{}, err
	}
	return as[0], nil
}

// fill checks a new assignment and gives it its defaults.
func (s *Service) fill(n *New) error {
	f := errs.Fields{}
	if n.SiteID <= 0 {
		f.Add("site_id", "请选择村（社区）", "choose a village")
	}
	if n.LawyerID <= 0 {
		f.Add("lawyer_id", "请选择律师", "choose a lawyer")
	}
	if n.StartsOn.IsZero() {
		n.StartsOn = s.today()
	}
	if n.EndsOn.IsZero() {
		n.EndsOn = calendar.DateOf(n.StartsOn.At(12, 0).AddDate(0, max(s.TermMonths, 1), -1))
	}
	if !n.EndsOn.After(n.StartsOn) {
		f.Add("ends_on", "聘期结束日期须晚于开始日期", "the term must end after it starts")
	} else if n.StartsOn.DaysUntil(n.EndsOn) > 5*366 {
		f.Add("ends_on", "聘期最长五年", "a term lasts at most five years")
	}
	if n.OnSiteWeek == 0 && n.OnSiteWeekday == 0 {
		n.OnSiteWeek, n.OnSiteWeekday = 1+int(n.SiteID/5%4), 1+int(n.SiteID%5)
	}
	if n.OnSiteWeek < 1 || n.OnSiteWeek > 4 {
		f.Add("on_site_week", "应为每月第 1 至第 4 周", "must be week 1 to 4 of the month")
	}
	if n.OnSiteWeekday < 1 || n.OnSiteWeekday > 5 {
		f.Add("on_site_weekday", "应为星期一至星期五", "must be Monday to Friday")
	}
	return f.Err()
}

// End ends an active contract today.
func (s *Service) End(ctx context.Context, actor, id int64, reason string) (Assignment, error) {
	if err := checkReason(reason); err != nil {
		return Assignment{}, err
	}
	return s.Store.CloseAssignment(ctx, actor, id, Ended, s.today(), reason, s.Cap, nil)
}

// Replace hands a village to another lawyer for the rest of the term.
func (s *Service) Replace(ctx context.Context, actor, id, lawyerID int64, reason string) (Assignment, error) {
	if err := checkReason(reason); err != nil {
		return Assignment{}, err
	}
	old, err := s.Store.Assignment(ctx, id)
	if err != nil {
		return Assignment{}, err
	}
	if old.LawyerID == lawyerID {
		return Assignment{}, errs.New(errs.Invalid, "请选择另一位律师", "choose another lawyer").Field("lawyer_id", "与现任顾问相同", "the same lawyer")
	}
	next := New{SiteID: old.SiteID, LawyerID: lawyerID, StartsOn: s.today(), EndsOn: old.EndsOn,
		OnSiteWeek: old.OnSiteWeek, OnSiteWeekday: old.OnSiteWeekday}
	if !next.EndsOn.After(next.StartsOn) {
		next.EndsOn = calendar.Date{} // a lapsed term: a fresh one
	}
	if err := s.fill(&next); err != nil {
		return Assignment{}, err
	}
	return s.Store.CloseAssignment(ctx, actor, id, Replaced, s.today(), reason, s.Cap, &next)
}

// Renew extends a contract to endsOn: the old row closes, a new one opens.
func (s *Service) Renew(ctx context.Context, actor, id int64, endsOn calendar.Date) (Assignment, error) {
	old, err := s.Store.Assignment(ctx, id)
	if err != nil {
		return Assignment{}, err
	}
	if !endsOn.After(old.EndsOn) {
		return Assignment{}, errs.Fields{"ends_on": {ZH: "续聘的结束日期须晚于现聘期", EN: "a renewal must end after the current term"}}.Err()
	}
	next := New{SiteID: old.SiteID, LawyerID: old.LawyerID, StartsOn: s.today(), EndsOn: endsOn,
		OnSiteWeek: old.OnSiteWeek, OnSiteWeekday: old.OnSiteWeekday}
	if err := s.fill(&next); err != nil {
		return Assignment{}, err
	}
	return s.Store.CloseAssignment(ctx, actor, id, Renewed, s.today(), "续聘", s.Cap, &next)
}

func checkReason(r string) error {
	if len([]rune(r)) > 200 {
		return errs.Fields{"reason": {ZH: "原因最多 200 字", EN: "the reason is at most 200 characters"}}.Err()
	}
	return nil
}

// Assignments lists assignments (history included unless f.ActiveOnly).
func (s *Service) Assignments(ctx context.Context, f Filter) ([]Assignment, error) {
	return s.Store.Assignments(ctx, f)
}

// MyVillages are the lawyer's active assignments.
func (s *Service) MyVillages(ctx context.Context, lawyerID int64) ([]Assignment, error) {
	return s.Store.Assignments(ctx, Filter{LawyerID: lawyerID, ActiveOnly: true})
}

// autoInput loads the villages of township ("" for all) and the lawyers,
// with the active assignments that have not lapsed.
func (s *Service) autoInput(ctx context.Context, township string) (AutoInput, error) {
	in := AutoInput{Cap: s.Cap}
	vs, err := s.Store.AdvisorVillages(ctx)
	if err != nil {
		return in, err
	}
	for _, v := range vs {
		if township == "" || v.Township == township {
			in.Villages = append(in.Villages, v)
		}
	}
	if township != "" && len(in.Villages) == 0 {
		return in, errs.Fields{"township": {ZH: "没有这个乡镇（街道）的村（社区）", EN: "no villages in this township"}}.Err()
	}
	if in.Lawyers, err = s.Store.AdvisorLawyers(ctx); err != nil {
		return in, err
	}
	active, err := s.Store.Assignments(ctx, Filter{ActiveOnly: true})
	today := s.today()
	for _, a := range active {
		if !a.Lapsed(today) {
			in.Current = append(in.Current, a)
		}
	}
	return in, err
}

// AutoPreview proposes advisors for the uncovered villages without saving.
func (s *Service) AutoPreview(ctx context.Context, township string) (AutoResult, error) {
	in, err := s.autoInput(ctx, township)
	if err != nil {
		return AutoResult{}, err
	}
	return AutoAssign(in), nil
}

// AutoApply computes the same proposal and saves it in one transaction; a
// village covered meanwhile makes the whole apply a conflict.
func (s *Service) AutoApply(ctx context.Context, actor int64, township string) (AutoResult, error) {
	res, err := s.AutoPreview(ctx, township)
	if err != nil || len(res.Proposals) == 0 {
		return res, err
	}
	ns := make([]New, len(res.Proposals))
	for i, p := range res.Proposals {
		ns[i] = New{SiteID: p.SiteID, LawyerID: p.LawyerID}
		if err := s.fill(&ns[i]); err != nil {
			return res, err
		}
	}
	_, err = s.Store.CreateAssignments(ctx, actor, s.Cap, s.today(), ns)
	return res, err
}

// Coverage reports coverage today and announces, at most once each, the
// contracts that end within EndingWithin days.
func (s *Service) Coverage(ctx context.Context) (Coverage, error) {
	vs, err := s.Store.AdvisorVillages(ctx)
	if err != nil {
		return Coverage{}, err
	}
	active, err := s.Store.Assignments(ctx, Filter{ActiveOnly: true})
	if err != nil {
		return Coverage{}, err
	}
	c := Cover(s.today(), vs, active)
	return c, s.remind(ctx, c.Ending)
}

// remind tells the bureau's administrators of each ending contract once:
// the claim is written before the message, so a failure never repeats it.
func (s *Service) remind(ctx context.Context, ending []Ending) error {
	if s.Notify == nil || len(ending) == 0 {
		return nil
	}
	to, err := s.Store.BureauUsers(ctx)
	if err != nil {
		return err
	}
	for _, e := range ending {
		first, err := s.Store.ClaimReminder(ctx, e.AssignmentID)
		if err != nil || !first {
			if err != nil {
				return err
			}
			continue
		}
		body := fmt.Sprintf("【公共法律服务】%s（%s）法律顾问%s的聘期将于%s结束，请及时续聘或另行指派。", e.SiteName, e.Township, e.LawyerName, e.EndsOn)
		for _, u := range to {
			if err := s.Notify.NotifyUser(ctx, u, "advisor_contract_ending", body); err != nil {
				return err
			}
		}
	}
	return nil
}
