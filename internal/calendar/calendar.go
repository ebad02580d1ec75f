// Package calendar answers, for any date and site, whether it is an official
// workday, a weekend, a public holiday or a make-up workday (调休), from
// lunar-go's official data plus administrators' overrides. Past the data's
// horizon it refuses to guess until an administrator loads the year.
package calendar

import (
	"context"
	"fmt"
	"time"

	"github.com/6tail/lunar-go/HolidayUtil"

	"github.com/legaldesk/legaldesk/internal/errs"
)

// Kind is what a day is.
type Kind string

const (
	Workday       Kind = "workday"
	Weekend       Kind = "weekend"
	Holiday       Kind = "holiday"
	MakeupWorkday Kind = "makeup_workday"
	Closed        Kind = "closed"        // an override closes a working day
	ExtraWorkday  Kind = "extra_workday" // an override opens a day off
)

// Day is the answer for one date.
type Day struct {
	Date    Date   `json:"date"`
	Kind    Kind   `json:"kind"`
	Working bool   `json:"working"`
	Name    string `json:"name,omitempty"`
	// Source is "official", "weekday" or "override".
	Source string `json:"source"`
}

// OverrideKind is what an administrator declares.
type OverrideKind string

const (
	// CloseDay makes a day off: a closure, or a holiday of a loaded year.
	CloseDay OverrideKind = "closed"
	// OpenDay makes a working day: an extra day, or a make-up workday.
	OpenDay OverrideKind = "workday"
)

// Override changes one date, city-wide (SiteID nil) or at one site.
type Override struct {
	ID        int64        `json:"id" db:"id"`
	Date      Date         `json:"date" db:"date"`
	SiteID    *int64       `json:"site_id" db:"site_id"`
	Kind      OverrideKind `json:"kind" db:"kind"`
	Name      string       `json:"name" db:"name"`
	CreatedBy int64        `json:"-" db:"created_by"`
	CreatedAt time.Time    `json:"created_at" db:"created_at"`
}

// Store is what the calendar needs from storage.
type Store interface {
	Overrides(ctx context.Context, from, to Date) ([]Override, error)
	LoadedYears(ctx context.Context) ([]int, error)
}

// horizon is the last year lunar-go has official holiday data for.
var horizon = findHorizon()

func findHorizon() int {
	last := 0
	for y := 2001; y <= 2100; y++ {
		if HolidayUtil.GetHolidaysByYear(y).Len() > 0 {
			last = y
		}
	}
	return last
}

// Horizon is the last year with official data built in.
func Horizon() int { return horizon }

// Calendar answers for a set of overrides and loaded years.
type Calendar struct {
	byDate map[Date][]Override
	loaded map[int]bool
}

// New builds a calendar from overrides (for the dates it will be asked
// about) and the years administrators loaded past the horizon.
func New(overrides []Override, loadedYears []int) *Calendar {
	c := &Calendar{byDate: map[Date][]Override{}, loaded: map[int]bool{}}
	for _, o := range overrides {
		c.byDate[o.Date] = append(c.byDate[o.Date], o)
	}
	for _, y := range loadedYears {
		c.loaded[y] = true
	}
	return c
}

// Load reads the overrides for a range and builds its calendar.
func Load(ctx context.Context, s Store, from, to Date) (*Calendar, error) {
	ov, err := s.Overrides(ctx, from, to)
	if err != nil {
		return nil, err
	}
	years, err := s.LoadedYears(ctx)
	if err != nil {
		return nil, err
	}
	return New(ov, years), nil
}

// Day says what d is at site (0 for the city as a whole). A site's own
// override wins over a city-wide one, which wins over the official data.
func (c *Calendar) Day(d Date, site int64) (Day, error) {
	if o, ok := c.override(d, site); ok {
		return fromOverride(d, o), nil
	}
	if d.Year() > horizon && !c.loaded[d.Year()] {
		return Day{}, ErrNotLoaded(d.Year())
	}
	if d.Year() <= horizon {
		if h := HolidayUtil.GetHolidayByYmd(d.Year(), int(d.Month()), d.Day()); h != nil {
			if h.IsWork() {
				return Day{Date: d, Kind: MakeupWorkday, Working: true, Name: h.GetName() + "调休", Source: "official"}, nil
			}
			return Day{Date: d, Kind: Holiday, Name: h.GetName(), Source: "official"}, nil
		}
	}
	if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return Day{Date: d, Kind: Weekend, Source: "weekday"}, nil
	}
	return Day{Date: d, Kind: Workday, Working: true, Source: "weekday"}, nil
}

func (c *Calendar) override(d Date, site int64) (Override, bool) {
	var cityWide *Override
	for i, o := range c.byDate[d] {
		if o.SiteID != nil && *o.SiteID == site && site != 0 {
			return o, true
		}
		if o.SiteID == nil {
			cityWide = &c.byDate[d][i]
		}
	}
	if cityWide != nil {
		return *cityWide, true
	}
	return Override{}, false
}

func fromOverride(d Date, o Override) Day {
	if o.Kind == OpenDay {
		return Day{Date: d, Kind: ExtraWorkday, Working: true, Name: o.Name, Source: "override"}
	}
	return Day{Date: d, Kind: Closed, Name: o.Name, Source: "override"}
}

// ErrNotLoaded says which year an administrator must load first.
func ErrNotLoaded(year int) error {
	return errs.New(errs.Invalid,
		fmt.Sprintf("%d 年的法定节假日和调休安排尚未载入，请管理员先载入 %d 年的安排", year, year),
		fmt.Sprintf("the official holidays of %d are not loaded yet: an administrator must load %d first", year, year)).
		Field("date", fmt.Sprintf("请先载入 %d 年的节假日安排", year), fmt.Sprintf("load the holidays of %d first", year))
}

// Range lists the days from..to for a site, failing on the first date that
// cannot be answered.
func (c *Calendar) Range(from, to Date, site int64) ([]Day, error) {
	var days []Day
	for d := from; !d.After(to); d = d.AddDays(1) {
		day, err := c.Day(d, site)
		if err != nil {
			return nil, err
		}
		days = append(days, day)
	}
	return days, nil
}
