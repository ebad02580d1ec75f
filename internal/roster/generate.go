package roster

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/legaldesk/legaldesk/internal/calendar"
)

// Lawyer is what the generator knows of a lawyer.
type Lawyer struct {
	ID           int64  `json:"id"`
	Name         string `json:"name"`
	HomeTownship string `json:"home_township"`
	Firm         string `json:"firm"` // shown when a colleague is chosen for a swap
}

// Site is what the generator knows of a site.
type Site struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	Township string `json:"township"`
}

// Absence is a leave or unavailability, inclusive of both dates.
type Absence struct {
	LawyerID int64         `json:"lawyer_id"`
	From     calendar.Date `json:"from"`
	To       calendar.Date `json:"to"`
}

// Shift is one lawyer's seat in one session; LawyerID 0 means unfilled.
type Shift struct {
	ID       int64         `json:"id,omitempty"`
	SiteID   int64         `json:"site_id"`
	RuleID   int64         `json:"rule_id,omitempty"`
	LawyerID int64         `json:"lawyer_id"`
	Date     calendar.Date `json:"date"`
	Session  int           `json:"session"`
	Seat     int           `json:"seat"`
	Start    time.Time     `json:"starts_at"`
	End      time.Time     `json:"ends_at"`
	// SlotMinutes and Capacity shape the bookable slots publishing creates.
	SlotMinutes int `json:"slot_minutes,omitempty"`
	Capacity    int `json:"capacity,omitempty"`
}

// Place identifies a seat independent of who fills it.
type Place struct {
	SiteID  int64
	Date    calendar.Date
	Session int
	Seat    int
}

// PlaceOf returns the shift's place.
func (s Shift) PlaceOf() Place { return Place{s.SiteID, s.Date, s.Session, s.Seat} }

// Input is everything a roster depends on.
type Input struct {
	Demands []Demand
	Sites   map[int64]Site
	// Pools lists, per site, the lawyers who may serve there.
	Pools    map[int64][]int64
	Lawyers  map[int64]Lawyer
	Absences []Absence
	// Fixed are shifts that stay as they are (other sites, other periods):
	// they count for the hard rules and the weekly cap.
	Fixed []Shift
	// WeeklyCap is the most shifts a lawyer takes in one week (0: no cap).
	WeeklyCap int
	// Incumbents are the lawyers of the published roster being redone; at
	// equal load they keep their seats, so a re-publish changes little.
	Incumbents map[Place]int64
}

// Unfilled is a seat no lawyer could take, and why.
type Unfilled struct {
	Shift
	Reason   string `json:"reason"`
	ReasonEN string `json:"reason_en"`
}

// Fairness describes one pool's load in the period.
type Fairness struct {
	SiteID int64         `json:"site_id"`
	Min    int           `json:"min"`
	Max    int           `json:"max"`
	Stdev  float64       `json:"stdev"`
	Counts map[int64]int `json:"counts"`
	Bound  bool          `json:"bound_met"` // max − min ≤ 1
}

// Result is a proposed roster.
type Result struct {
	Shifts   []Shift    `json:"shifts"`
	Unfilled []Unfilled `json:"unfilled"`
	Fairness []Fairness `json:"fairness"`
}

// Generate assigns lawyers to every demand. Hard rules: only pool members,
// never absent, never two overlapping shifts, one site per lawyer per day,
// the weekly cap. Soft, in order: the fewest shifts in this pool, the fewest
// shifts overall, the home township, the longest rest since the last shift.
func Generate(in Input) Result {
	a := newAssigner(in)
	demands := slices.Clone(in.Demands)
	// Each day, the smallest pools choose first: they have the fewest options.
	slices.SortStableFunc(demands, func(x, y Demand) int {
		return cmp.Or(x.Date.Compare(y.Date), cmp.Compare(len(in.Pools[x.SiteID]), len(in.Pools[y.SiteID])),
			cmp.Compare(x.SiteID, y.SiteID), x.Start.Compare(y.Start))
	})
	var res Result
	for _, d := range demands {
		for seat := range d.Seats {
			s := Shift{SiteID: d.SiteID, RuleID: d.RuleID, Date: d.Date, Session: d.Session, Seat: seat, Start: d.Start, End: d.End,
				SlotMinutes: d.SlotMinutes, Capacity: d.Capacity}
			id, why := a.pick(s)
			if id == 0 {
				zh, en := why.text()
				res.Unfilled = append(res.Unfilled, Unfilled{Shift: s, Reason: zh, ReasonEN: en})
				continue
			}
			s.LawyerID = id
			a.add(s, true)
			res.Shifts = append(res.Shifts, s)
		}
	}
	a.repair(res.Shifts)
	res.Fairness = a.fairness()
	return res
}

// assigner keeps the running state of a roster.
type assigner struct {
	in       Input
	absent   map[int64][]Absence
	byDay    map[int64]map[calendar.Date][]Shift
	weekly   map[int64]map[calendar.Date]int
	poolLoad map[int64]map[int64]int // site → lawyer → shifts in this period
	total    map[int64]int
	last     map[int64]calendar.Date
}

func newAssigner(in Input) *assigner {
	a := &assigner{in: in, absent: map[int64][]Absence{}, byDay: map[int64]map[calendar.Date][]Shift{},
		weekly: map[int64]map[calendar.Date]int{}, poolLoad: map[int64]map[int64]int{},
		total: map[int64]int{}, last: map[int64]calendar.Date{}}
	for _, ab := range in.Absences {
		a.absent[ab.LawyerID] = append(a.absent[ab.LawyerID], ab)
	}
	for _, s := range in.Fixed {
		if s.LawyerID != 0 {
			a.add(s, false)
		}
	}
	return a
}

// add records a shift; counted shifts weigh in the pool's fairness.
func (a *assigner) add(s Shift, counted bool) {
	l := s.LawyerID
	if a.byDay[l] == nil {
		a.byDay[l] = map[calendar.Date][]Shift{}
		a.weekly[l] = map[calendar.Date]int{}
	}
	a.byDay[l][s.Date] = append(a.byDay[l][s.Date], s)
	a.weekly[l][s.Date.Monday()]++
	if counted {
		if a.poolLoad[s.SiteID] == nil {
			a.poolLoad[s.SiteID] = map[int64]int{}
		}
		a.poolLoad[s.SiteID][l]++
		a.total[l]++
	}
	if s.Date.After(a.last[l]) {
		a.last[l] = s.Date
	}
}

// refusal counts why candidates were refused, for the unfilled report.
type refusal struct {
	noPool, absent, busy, capped int
}

func (r refusal) text() (string, string) {
	if r.noPool > 0 {
		return "该站点尚未设置可值班律师", "the site has no lawyers in its pool"
	}
	var zh, en []string
	if r.absent > 0 {
		zh, en = append(zh, fmt.Sprintf("%d 人请假或不可用", r.absent)), append(en, fmt.Sprintf("%d on leave or unavailable", r.absent))
	}
	if r.busy > 0 {
		zh, en = append(zh, fmt.Sprintf("%d 人当天已有其他值班", r.busy)), append(en, fmt.Sprintf("%d already on duty that day", r.busy))
	}
	if r.capped > 0 {
		zh, en = append(zh, fmt.Sprintf("%d 人已达每周值班上限", r.capped)), append(en, fmt.Sprintf("%d at the weekly cap", r.capped))
	}
	return "没有可安排的律师：" + strings.Join(zh, "，"), "no lawyer available: " + strings.Join(en, ", ")
}

// pick chooses the best eligible lawyer for s, or 0 and the reasons.
func (a *assigner) pick(s Shift) (int64, refusal) {
	var why refusal
	pool := a.in.Pools[s.SiteID]
	if len(pool) == 0 {
		why.noPool = 1
		return 0, why
	}
	var best int64
	for _, l := range pool {
		if !a.eligible(l, s, &why) {
			continue
		}
		if best == 0 || a.better(l, best, s) {
			best = l
		}
	}
	return best, why
}

// Eligible reports whether lawyer l may take s under the hard rules.
func (a *assigner) eligible(l int64, s Shift, why *refusal) bool {
	for _, ab := range a.absent[l] {
		if s.Date.In(ab.From, ab.To) {
			why.absent++
			return false
		}
	}
	for _, other := range a.byDay[l][s.Date] {
		if other.SiteID != s.SiteID || overlaps(other, s) {
			why.busy++
			return false
		}
	}
	if a.in.WeeklyCap > 0 && a.weekly[l][s.Date.Monday()] >= a.in.WeeklyCap {
		why.capped++
		return false
	}
	return true
}

func overlaps(x, y Shift) bool { return x.Start.Before(y.End) && y.Start.Before(x.End) }

// better reports whether lawyer x is a better choice than y for s.
func (a *assigner) better(x, y int64, s Shift) bool {
	load := a.poolLoad[s.SiteID]
	if c := cmp.Compare(load[x], load[y]); c != 0 {
		return c < 0
	}
	if in := a.in.Incumbents[s.PlaceOf()]; in == x || in == y {
		return in == x
	}
	if c := cmp.Compare(a.total[x], a.total[y]); c != 0 {
		return c < 0
	}
	town := a.in.Sites[s.SiteID].Township
	hx, hy := a.in.Lawyers[x].HomeTownship == town, a.in.Lawyers[y].HomeTownship == town
	if hx != hy {
		return hx
	}
	if c := a.last[x].Compare(a.last[y]); c != 0 {
		return c < 0 // the longer rest
	}
	return x < y
}

func (a *assigner) fairness() []Fairness {
	demanded := map[int64]bool{}
	for _, d := range a.in.Demands {
		demanded[d.SiteID] = true
	}
	var out []Fairness
	for site, pool := range a.in.Pools {
		if len(pool) == 0 || !demanded[site] {
			continue
		}
		f := Fairness{SiteID: site, Counts: map[int64]int{}, Min: math.MaxInt}
		sum := 0.0
		for _, l := range pool {
			c := a.poolLoad[site][l]
			f.Counts[l] = c
			f.Min, f.Max = min(f.Min, c), max(f.Max, c)
			sum += float64(c)
		}
		mean := sum / float64(len(pool))
		for _, c := range f.Counts {
			f.Stdev += (float64(c) - mean) * (float64(c) - mean)
		}
		f.Stdev = math.Round(math.Sqrt(f.Stdev/float64(len(pool)))*1000) / 1000
		f.Bound = f.Max-f.Min <= 1
		out = append(out, f)
	}
	slices.SortFunc(out, func(x, y Fairness) int { return cmp.Compare(x.SiteID, y.SiteID) })
	return out
}

// Replace finds a lawyer for an existing shift by the same rules, as for a
// leave: others holds every other shift that counts (the period's roster).
func Replace(in Input, s Shift) (int64, string) {
	a := newAssigner(in)
	id, why := a.pick(s)
	zh, _ := why.text()
	return id, zh
}

// Eligible reports whether lawyer l may take s given everything in in (for
// a swap); the reason says why not.
func Eligible(in Input, l int64, s Shift) (bool, string) {
	if !slices.Contains(in.Pools[s.SiteID], l) {
		return false, "该律师不在此站点的值班律师库中"
	}
	a := newAssigner(in)
	var why refusal
	if a.eligible(l, s, &why) {
		return true, ""
	}
	zh, _ := why.text()
	return false, zh
}
