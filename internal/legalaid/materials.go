package legalaid

import (
	"cmp"
	"fmt"
	"strings"
	"time"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
)

// MinSupplementDays is the shortest deadline a materials notice may set,
// unless configuration sets another.
const MinSupplementDays = 5

// requestMaterials sends the one notice listing everything missing
// (Art. 43), while the seven-day review period runs; the period pauses
// until the materials come in.
func requestMaterials(a *Application, act Action, now time.Time) error {
	if a.MissingMaterials != "" || a.MaterialsNoticeAt != nil {
		return ErrSecondNotice
	}
	today := calendar.DateOf(now)
	if due, ok := DecisionDue(*a); !ok || today.After(due) {
		return ErrReviewPeriodOver
	}
	f := errs.Fields{}
	var items []string
	for _, m := range act.Missing {
		if m = strings.TrimSpace(m); m != "" {
			items = append(items, m)
		}
	}
	if len(items) == 0 {
		f.Add("missing", "请一次性列明需要补充的全部材料", "list everything that is missing")
	}
	minDays := cmp.Or(act.minDays, MinSupplementDays)
	if act.SupplementBy == nil || act.SupplementBy.Before(today.AddDays(minDays)) || today.DaysUntil(*act.SupplementBy) > 60 {
		f.Add("supplement_by", fmt.Sprintf("补充期限应在今天起%d至60天之内", minDays), fmt.Sprintf("the deadline is %d to 60 days from today", minDays))
	}
	if err := f.Err(); err != nil {
		return err
	}
	t := now.UTC()
	a.MissingMaterials, a.SupplementBy, a.MaterialsNoticeAt = strings.Join(items, "；"), act.SupplementBy, &t
	return nil
}

// supplied resumes the review period: the days from the notice to the
// first material received after it (or to now) are added to the period.
func supplied(a *Application, now time.Time) {
	end := now
	if a.MaterialsReceivedAt != nil && a.MaterialsReceivedAt.Before(now) {
		end = *a.MaterialsReceivedAt
	}
	if a.MaterialsNoticeAt != nil {
		a.PausedDays += max(0, calendar.DateOf(*a.MaterialsNoticeAt).DaysUntil(calendar.DateOf(end)))
	}
	a.MaterialsToCheck = false
}

// DecisionDue is the last day of the review period: received + 7 days +
// the days paused for materials (Art. 43 and the procedure rules).
func DecisionDue(a Application) (calendar.Date, bool) {
	if a.CompleteAt == nil {
		return calendar.Date{}, false
	}
	return calendar.DateOf(*a.CompleteAt).AddDays(DecideDays + a.PausedDays), true
}

// DueForWithdrawal reports whether an application's supplement deadline
// has passed with nothing waiting for an officer's look, so that it is
// deemed withdrawn (Art. 43).
func DueForWithdrawal(a Application, today calendar.Date) bool {
	return a.Status == MaterialsRequested && !a.MaterialsToCheck && a.SupplementBy != nil && today.After(*a.SupplementBy)
}
