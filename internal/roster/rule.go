// Package roster turns duty rules, the official calendar, lawyer pools and
// absences into fair duty shifts. It is pure Go with no I/O: the same inputs
// always give the same roster.
package roster

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
)

// Pattern says on which days a rule has duty.
type Pattern string

const (
	EveryWorkday Pattern = "workdays"    // every official workday
	Weekly       Pattern = "weekly"      // on the chosen weekdays
	MonthlyNth   Pattern = "monthly_nth" // the n-th given weekday of each month
)

// HolidayPolicy says what happens to a weekly or monthly duty that falls on
// a day off.
type HolidayPolicy string

const (
	Skip        HolidayPolicy = "skip"
	NextWorkday HolidayPolicy = "next_workday"
)

// Session is a duty period in China's local time, "09:00"–"12:00".
type Session struct {
	Start string `json:"start"`
	End   string `json:"end"`
}

// Rule is a site's duty rule.
type Rule struct {
	ID                int64          `json:"id"`
	SiteID            int64          `json:"site_id"`
	Pattern           Pattern        `json:"pattern"`
	Weekdays          []int          `json:"weekdays"` // 1 Monday … 7 Sunday
	Nth               int            `json:"nth"`      // 1–5, or -1 for the last
	Sessions          []Session      `json:"sessions"`
	SlotMinutes       int            `json:"slot_minutes"`
	Capacity          int            `json:"capacity"`
	LawyersPerSession int            `json:"lawyers_per_session"`
	HolidayPolicy     HolidayPolicy  `json:"holiday_policy"`
	EffectiveFrom     calendar.Date  `json:"effective_from"`
	EffectiveTo       *calendar.Date `json:"effective_to"`
	Active            bool           `json:"active"`
}

// clock parses "HH:MM" into minutes after midnight.
func clock(s string) (int, bool) {
	h, m, ok := strings.Cut(s, ":")
	if !ok || len(h) != 2 || len(m) != 2 {
		return 0, false
	}
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if err1 != nil || err2 != nil || hh < 0 || hh > 23 || mm < 0 || mm > 59 {
		return 0, false
	}
	return hh*60 + mm, true
}

// Check validates a rule's fields, with a message per field.
func (r Rule) Check() error {
	f := errs.Fields{}
	r.checkDays(f)
	r.checkSessions(f)
	if r.SlotMinutes < 5 || r.SlotMinutes > 240 {
		f.Add("slot_minutes", "每个时段应为 5 到 240 分钟", "slot length must be 5 to 240 minutes")
	}
	if r.Capacity < 1 || r.Capacity > 50 {
		f.Add("capacity", "每个时段可约人数应为 1 到 50", "capacity must be 1 to 50")
	}
	if r.LawyersPerSession < 1 || r.LawyersPerSession > 10 {
		f.Add("lawyers_per_session", "每班律师人数应为 1 到 10", "lawyers per session must be 1 to 10")
	}
	if r.HolidayPolicy != Skip && r.HolidayPolicy != NextWorkday {
		f.Add("holiday_policy", "节假日处理应为 skip（顺延取消）或 next_workday（顺延到下一个工作日）", "holiday policy must be skip or next_workday")
	}
	if r.EffectiveFrom.IsZero() {
		f.Add("effective_from", "请填写生效日期", "effective_from is required")
	}
	if r.EffectiveTo != nil && r.EffectiveTo.Before(r.EffectiveFrom) {
		f.Add("effective_to", "失效日期不能早于生效日期", "effective_to is before effective_from")
	}
	return f.Err()
}

func (r Rule) checkDays(f errs.Fields) {
	switch r.Pattern {
	case EveryWorkday:
	case Weekly:
		if len(r.Weekdays) == 0 {
			f.Add("weekdays", "请选择每周值班的日子", "choose at least one weekday")
		}
	case MonthlyNth:
		if len(r.Weekdays) != 1 {
			f.Add("weekdays", "每月第几个星期几：请选择一个星期几", "choose exactly one weekday")
		}
		if r.Nth != -1 && (r.Nth < 1 || r.Nth > 5) {
			f.Add("nth", "第几个应为 1 到 5，或 -1 表示最后一个", "nth must be 1 to 5, or -1 for the last")
		}
	default:
		f.Add("pattern", "值班规律应为 workdays、weekly 或 monthly_nth", "pattern must be workdays, weekly or monthly_nth")
	}
	for _, w := range r.Weekdays {
		if w < 1 || w > 7 {
			f.Add("weekdays", "星期应为 1（周一）到 7（周日）", "weekdays are 1 (Monday) to 7 (Sunday)")
		}
	}
}

func (r Rule) checkSessions(f errs.Fields) {
	if len(r.Sessions) == 0 || len(r.Sessions) > 4 {
		f.Add("sessions", "请设置 1 到 4 个值班时段", "set 1 to 4 sessions")
		return
	}
	type span struct{ start, end int }
	var spans []span
	for i, s := range r.Sessions {
		start, ok1 := clock(s.Start)
		end, ok2 := clock(s.End)
		key := fmt.Sprintf("sessions[%d]", i)
		switch {
		case !ok1 || !ok2:
			f.Add(key, "时间格式应为 HH:MM，如 09:00", "times are HH:MM, e.g. 09:00")
			continue
		case end <= start:
			f.Add(key, "结束时间须晚于开始时间", "the end must be after the start")
			continue
		case r.SlotMinutes > 0 && (end-start)%r.SlotMinutes != 0:
			f.Add(key, fmt.Sprintf("时段长度 %d 分钟不能被每个预约时段 %d 分钟整除", end-start, r.SlotMinutes),
				fmt.Sprintf("a %d-minute session does not divide into %d-minute slots", end-start, r.SlotMinutes))
		}
		spans = append(spans, span{start, end})
	}
	slices.SortFunc(spans, func(a, b span) int { return a.start - b.start })
	for i := 1; i < len(spans); i++ {
		if spans[i].start < spans[i-1].end {
			f.Add("sessions", "值班时段不能重叠", "sessions overlap")
		}
	}
}

// Demand is one session of duty on one day at one site.
type Demand struct {
	SiteID      int64
	RuleID      int64
	Date        calendar.Date
	Session     int
	Start, End  time.Time
	Seats       int
	SlotMinutes int
	Capacity    int
	// MovedFrom is the day off the duty was moved from (next_workday policy).
	MovedFrom *calendar.Date
}

// Days is what Expand needs from the calendar.
type Days interface {
	Day(d calendar.Date, site int64) (calendar.Day, error)
}

// maxMove bounds how far a duty may move to find a workday (the longest
// Chinese holiday, the Spring Festival, is under two weeks).
const maxMove = 14

// Expand lists the rule's duty sessions from..to. A date the calendar
// cannot answer (past its data) is an error, never a guess.
func (r Rule) Expand(cal Days, from, to calendar.Date) ([]Demand, error) {
	if !r.Active {
		return nil, nil
	}
	var out []Demand
	seen := map[calendar.Date]bool{}
	start := from
	if r.Pattern != EveryWorkday && r.HolidayPolicy == NextWorkday {
		start = from.AddDays(-maxMove) // a duty from before the period may move into it
	}
	for d := start; !d.After(to); d = d.AddDays(1) {
		if !r.matches(d) {
			continue
		}
		target, moved, err := r.placeOn(cal, d)
		if err != nil {
			return nil, err
		}
		if target.IsZero() || seen[target] || !target.In(from, to) || !r.effective(target) {
			continue
		}
		seen[target] = true
		out = append(out, r.demands(target, moved)...)
	}
	return out, nil
}

func (r Rule) effective(d calendar.Date) bool {
	return !d.Before(r.EffectiveFrom) && (r.EffectiveTo == nil || !d.After(*r.EffectiveTo))
}

// placeOn returns the day the duty of pattern day d is held, or zero when
// it is skipped.
func (r Rule) placeOn(cal Days, d calendar.Date) (calendar.Date, *calendar.Date, error) {
	day, err := cal.Day(d, r.SiteID)
	if err != nil {
		return calendar.Date{}, nil, err
	}
	if day.Working {
		return d, nil, nil
	}
	if r.Pattern == EveryWorkday || r.HolidayPolicy == Skip {
		return calendar.Date{}, nil, nil
	}
	for next := d.AddDays(1); next.Before(d.AddDays(maxMove + 1)); next = next.AddDays(1) {
		nd, err := cal.Day(next, r.SiteID)
		if err != nil {
			return calendar.Date{}, nil, err
		}
		if nd.Working {
			orig := d
			return next, &orig, nil
		}
	}
	return calendar.Date{}, nil, nil
}

// matches reports whether d is a pattern day (before the calendar is asked).
func (r Rule) matches(d calendar.Date) bool {
	iso := (int(d.Weekday())+6)%7 + 1
	switch r.Pattern {
	case EveryWorkday:
		return true
	case Weekly:
		return slices.Contains(r.Weekdays, iso)
	case MonthlyNth:
		if len(r.Weekdays) != 1 || iso != r.Weekdays[0] {
			return false
		}
		if r.Nth == -1 {
			return d.AddDays(7).Month() != d.Month()
		}
		return (d.Day()-1)/7+1 == r.Nth
	}
	return false
}

func (r Rule) demands(d calendar.Date, moved *calendar.Date) []Demand {
	var out []Demand
	for i, s := range r.Sessions {
		start, _ := clock(s.Start)
		end, _ := clock(s.End)
		out = append(out, Demand{SiteID: r.SiteID, RuleID: r.ID, Date: d, Session: i,
			Start: d.At(start/60, start%60), End: d.At(end/60, end%60), Seats: r.LawyersPerSession,
			SlotMinutes: r.SlotMinutes, Capacity: r.Capacity, MovedFrom: moved})
	}
	return out
}
