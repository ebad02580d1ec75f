package advisor

import (
	"cmp"
	"slices"

	"github.com/legaldesk/legaldesk/internal/calendar"
)

// Minimums are what an advisor owes each village.
type Minimums struct {
	OnSiteDaysPerMonth int `json:"on_site_days_per_month"`
	LecturesPerQuarter int `json:"lectures_per_quarter"`
}

// Verdict is how a duty stands.
type Verdict string

const (
	Met     Verdict = "met"
	Missed  Verdict = "missed"
	Pending Verdict = "pending" // the period is not over yet
	Exempt  Verdict = "exempt"  // served fewer than ExemptBelow days of the month
)

// ExemptBelow: an advisor who served a village fewer days than this in a
// month (a contract starting or ending mid-month) owes it nothing that month.
const ExemptBelow = 15

// VillageDuty is one advisor's record for one village in a month.
type VillageDuty struct {
	SiteID     int64        `json:"site_id"`
	SiteName   string       `json:"site_name"`
	Township   string       `json:"township"`
	DaysServed int          `json:"days_served"`
	OnSiteDays int          `json:"on_site_days"`
	OnSite     Verdict      `json:"on_site"`
	Lectures   int          `json:"lectures_in_quarter"`
	Lecture    Verdict      `json:"lecture"`
	Counts     map[Kind]int `json:"counts"`
	Verdict    Verdict      `json:"verdict"`
}

// AdvisorReport is one advisor's month.
type AdvisorReport struct {
	LawyerID int64         `json:"lawyer_id"`
	Name     string        `json:"name"`
	Firm     string        `json:"firm"`
	Villages []VillageDuty `json:"villages"`
	Verdict  Verdict       `json:"verdict"`
}

// TownshipReport counts a township's village duties by verdict.
type TownshipReport struct {
	Township string `json:"township"`
	Duties   int    `json:"duties"`
	Met      int    `json:"met"`
	Missed   int    `json:"missed"`
	Pending  int    `json:"pending"`
	Exempt   int    `json:"exempt"`
}

// Report is the monthly compliance report, the basis of the subsidy.
type Report struct {
	Month     string           `json:"month"`
	Quarter   string           `json:"quarter"`
	Minimums  Minimums         `json:"minimums"`
	Advisors  []AdvisorReport  `json:"advisors"`
	Townships []TownshipReport `json:"townships"`
}

// Compliance judges month m as of today: assignments are every one that
// overlaps the quarter up to m, logs those from the quarter's start to m's
// end. A duty not met is pending while its period (the month for on-site
// days, the quarter for lectures) runs, and missed after.
func Compliance(m Month, today calendar.Date, min Minimums, as []Assignment, lawyers map[int64]Lawyer, logs []Log) Report {
	type key struct{ lawyer, site int64 }
	duties := map[key]*VillageDuty{}
	var order []key
	for _, a := range as {
		days := 0
		for d := m.First(); !d.After(m.Last()); d = d.AddDays(1) {
			if a.Served(d) {
				days++
			}
		}
		if days == 0 {
			continue
		}
		k := key{a.LawyerID, a.SiteID}
		if duties[k] == nil {
			duties[k] = &VillageDuty{SiteID: a.SiteID, SiteName: a.SiteName, Township: a.Township, Counts: map[Kind]int{}}
			order = append(order, k)
		}
		duties[k].DaysServed = max(duties[k].DaysServed, days)
	}
	onSite := map[key]map[calendar.Date]bool{}
	for _, l := range logs {
		d := duties[key{l.LawyerID, l.SiteID}]
		if d == nil {
			continue
		}
		if l.Kind == Lecture && !l.Date.After(m.Last()) && !l.Date.Before(m.QuarterFirst().First()) {
			d.Lectures += l.Count
		}
		if MonthOf(l.Date) != m {
			continue
		}
		d.Counts[l.Kind] += l.Count
		if l.Kind == OnSite {
			k := key{l.LawyerID, l.SiteID}
			if onSite[k] == nil {
				onSite[k] = map[calendar.Date]bool{}
			}
			onSite[k][l.Date] = true
		}
	}
	monthOver, quarterOver := today.After(m.Last()), m == m.QuarterLast() && today.After(m.Last())
	byLawyer := map[int64]*AdvisorReport{}
	for _, k := range order {
		d := duties[k]
		d.OnSiteDays = len(onSite[k])
		d.OnSite = judge(d.OnSiteDays, min.OnSiteDaysPerMonth, monthOver)
		d.Lecture = judge(d.Lectures, min.LecturesPerQuarter, quarterOver)
		if d.DaysServed < ExemptBelow {
			d.OnSite, d.Lecture = Exempt, Exempt
		}
		d.Verdict = worst(d.OnSite, d.Lecture)
		r := byLawyer[k.lawyer]
		if r == nil {
			l := lawyers[k.lawyer]
			r = &AdvisorReport{LawyerID: k.lawyer, Name: l.Name, Firm: l.FirmName, Verdict: Exempt}
			byLawyer[k.lawyer] = r
		}
		r.Villages = append(r.Villages, *d)
		r.Verdict = worst(r.Verdict, d.Verdict)
	}
	return assemble(m, min, byLawyer)
}

func judge(got, want int, over bool) Verdict {
	switch {
	case got >= want:
		return Met
	case over:
		return Missed
	}
	return Pending
}

// worst orders verdicts missed > pending > met > exempt.
func worst(x, y Verdict) Verdict {
	rank := map[Verdict]int{Exempt: 0, Met: 1, Pending: 2, Missed: 3}
	if rank[y] > rank[x] {
		return y
	}
	return x
}

func assemble(m Month, min Minimums, byLawyer map[int64]*AdvisorReport) Report {
	rep := Report{Month: m.String(), Quarter: m.Quarter(), Minimums: min, Advisors: []AdvisorReport{}}
	towns := map[string]*TownshipReport{}
	for _, r := range byLawyer {
		slices.SortFunc(r.Villages, func(x, y VillageDuty) int { return cmp.Compare(x.SiteID, y.SiteID) })
		rep.Advisors = append(rep.Advisors, *r)
		for _, d := range r.Villages {
			t := towns[d.Township]
			if t == nil {
				t = &TownshipReport{Township: d.Township}
				towns[d.Township] = t
			}
			t.Duties++
			switch d.Verdict {
			case Met:
				t.Met++
			case Missed:
				t.Missed++
			case Pending:
				t.Pending++
			case Exempt:
				t.Exempt++
			}
		}
	}
	slices.SortFunc(rep.Advisors, func(x, y AdvisorReport) int { return cmp.Compare(x.LawyerID, y.LawyerID) })
	rep.Townships = []TownshipReport{}
	for _, t := range towns {
		rep.Townships = append(rep.Townships, *t)
	}
	slices.SortFunc(rep.Townships, func(x, y TownshipReport) int { return cmp.Compare(x.Township, y.Township) })
	return rep
}
