package legalaid

import (
	"cmp"
	"slices"
	"time"

	"github.com/legaldesk/legaldesk/internal/calendar"
)

// The statutory clocks, in calendar days as the 2021 Law counts them.
const (
	DecideDays    = 7 // Art. 43: decide within 7 days of receiving the application (paused for materials)
	AssignDays    = 3 // Art. 43: assign within 3 days of the approval; Art. 36: within 3 days of a notice
	ObjectionDays = 5 // Art. 49: the bureau decides an objection within 5 days
	AdvanceDays   = 7 // Art. 44: under 7 days to a limitation date is urgent
)

// Clock is what a triage board shows for one application.
type Clock struct {
	Due      *calendar.Date `json:"due"` // the date the next statutory step is due
	Step     string         `json:"step"`
	DueToday bool           `json:"due_today"`
	Overdue  bool           `json:"overdue"`
	Advance  bool           `json:"advance_aid"`
	Priority bool           `json:"priority_group"`
	// Pending lists an advance-aid case's formalities still to come
	// (materials, decision).
	Pending []string `json:"pending,omitempty"`
}

// ClockOf works out an application's clock on day today. A pending
// objection's clock is passed in, since the objection holds it.
func ClockOf(a Application, objectionFiled *time.Time, today calendar.Date) Clock {
	c := Clock{Advance: Advance(a, today), Priority: a.Path == Art42 || a.Veteran || a.Mandatory}
	var due calendar.Date
	switch {
	case a.Status == Received && a.CompleteAt != nil:
		due, _ = DecisionDue(a)
		c.Step = "decide"
	case a.Status == MaterialsRequested && a.SupplementBy != nil:
		due, c.Step = *a.SupplementBy, "supplement"
		if a.MaterialsToCheck {
			c.Step = "check_materials" // materials received: to check
		}
	case a.Status == Assigned && a.AdvancePending() && a.CompleteAt != nil:
		// Aid given first: the formal decision is still due (Art. 44).
		due, _ = DecisionDue(a)
		c.Step, c.Pending, c.Advance = "advance_formalities", a.Formalities(), true
	case a.Status == Approved && a.Origin == Notified && a.CompleteAt != nil:
		// Art. 36: assign within three days of receiving the notice.
		due, c.Step = calendar.DateOf(*a.CompleteAt).AddDays(AssignDays), "assign_notified"
	case a.Status == Approved && a.DecidedAt != nil:
		due, c.Step = calendar.DateOf(*a.DecidedAt).AddDays(AssignDays), "assign"
	case a.Status == ObjectionPending && objectionFiled != nil:
		due, c.Step = calendar.DateOf(*objectionFiled).AddDays(ObjectionDays), "objection"
	default:
		return c
	}
	c.Due = &due
	c.DueToday = due == today
	c.Overdue = today.After(due)
	return c
}

// Advance reports an Art. 44 case: under seven days to the limitation date,
// or preservation needed at once.
func Advance(a Application, today calendar.Date) bool {
	if a.UrgentPreserve || a.AdvancePending() {
		return true
	}
	return a.LimitationDate != nil && today.DaysUntil(*a.LimitationDate) < AdvanceDays
}

// Queued is an application on the triage board with its clock.
type Queued struct {
	Application
	Clock Clock `json:"clock"`
}

// Triage sorts the board: advance-aid cases first, then by due date (none
// last), then priority groups, then the oldest.
func Triage(q []Queued) {
	slices.SortStableFunc(q, func(x, y Queued) int {
		if x.Clock.Advance != y.Clock.Advance {
			return boolFirst(x.Clock.Advance)
		}
		if c := compareDue(x.Clock.Due, y.Clock.Due); c != 0 {
			return c
		}
		if x.Clock.Priority != y.Clock.Priority {
			return boolFirst(x.Clock.Priority)
		}
		return cmp.Or(x.CreatedAt.Compare(y.CreatedAt), cmp.Compare(x.ID, y.ID))
	})
}

func boolFirst(x bool) int {
	if x {
		return -1
	}
	return 1
}

func compareDue(x, y *calendar.Date) int {
	switch {
	case x == nil && y == nil:
		return 0
	case x == nil:
		return 1
	case y == nil:
		return -1
	}
	return x.Compare(*y)
}
