package advisor

import (
	"cmp"
	"math"
	"slices"

	"github.com/legaldesk/legaldesk/internal/calendar"
)

// EndingWithin is how far ahead coverage looks for contracts that end.
const EndingWithin = 30

// TownshipCoverage is one township's share of villages with an advisor.
type TownshipCoverage struct {
	Township string  `json:"township"`
	Villages int     `json:"villages"`
	Covered  int     `json:"covered"`
	Percent  float64 `json:"percent"`
}

// Ending is a contract that ends within EndingWithin days (or has lapsed:
// DaysLeft below zero, and its village counts as uncovered).
type Ending struct {
	AssignmentID int64         `json:"assignment_id"`
	SiteID       int64         `json:"site_id"`
	SiteName     string        `json:"site_name"`
	Township     string        `json:"township"`
	LawyerID     int64         `json:"lawyer_id"`
	LawyerName   string        `json:"lawyer_name"`
	EndsOn       calendar.Date `json:"ends_on"`
	DaysLeft     int           `json:"days_left"`
}

// Coverage is the scheme's state on one day.
type Coverage struct {
	Date      calendar.Date      `json:"date"`
	Villages  int                `json:"villages"`
	Covered   int                `json:"covered"`
	Percent   float64            `json:"percent"`
	Townships []TownshipCoverage `json:"townships"`
	Uncovered []Village          `json:"uncovered"`
	Ending    []Ending           `json:"ending"`
}

// Lapsed reports whether an active assignment's term is over on today.
func (a Assignment) Lapsed(today calendar.Date) bool { return a.EndsOn.Before(today) }

// Cover computes coverage on today from the villages and the active
// assignments.
func Cover(today calendar.Date, villages []Village, active []Assignment) Coverage {
	c := Coverage{Date: today, Uncovered: []Village{}, Ending: []Ending{}, Townships: []TownshipCoverage{}}
	covered := map[int64]bool{}
	for _, a := range active {
		if !a.Lapsed(today) {
			covered[a.SiteID] = true
		}
		if left := today.DaysUntil(a.EndsOn); left <= EndingWithin {
			c.Ending = append(c.Ending, Ending{AssignmentID: a.ID, SiteID: a.SiteID, SiteName: a.SiteName, Township: a.Township,
				LawyerID: a.LawyerID, LawyerName: a.LawyerName, EndsOn: a.EndsOn, DaysLeft: left})
		}
	}
	towns := map[string]*TownshipCoverage{}
	for _, v := range villages {
		t := towns[v.Township]
		if t == nil {
			t = &TownshipCoverage{Township: v.Township}
			towns[v.Township] = t
		}
		t.Villages++
		c.Villages++
		if covered[v.ID] {
			t.Covered++
			c.Covered++
		} else {
			c.Uncovered = append(c.Uncovered, v)
		}
	}
	for _, t := range towns {
		t.Percent = percent(t.Covered, t.Villages)
		c.Townships = append(c.Townships, *t)
	}
	c.Percent = percent(c.Covered, c.Villages)
	slices.SortFunc(c.Townships, func(x, y TownshipCoverage) int { return cmp.Compare(x.Township, y.Township) })
	slices.SortFunc(c.Uncovered, func(x, y Village) int { return cmp.Or(cmp.Compare(x.Township, y.Township), cmp.Compare(x.ID, y.ID)) })
	slices.SortFunc(c.Ending, func(x, y Ending) int { return cmp.Or(x.EndsOn.Compare(y.EndsOn), cmp.Compare(x.SiteID, y.SiteID)) })
	return c
}

// percent rounds down to one decimal, so 99.97 % never shows as 100 %.
func percent(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return math.Floor(float64(n)*1000/float64(of)) / 10
}
