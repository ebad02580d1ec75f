package calendar

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	lunarcal "github.com/6tail/lunar-go/calendar"

	"github.com/legaldesk/legaldesk/internal/errs"
)

// OverrideStore keeps the administrators' overrides and the years they
// loaded past the built-in data.
type OverrideStore interface {
	Store
	AddOverride(ctx context.Context, o *Override) error
	DeleteOverride(ctx context.Context, actor, id int64) error
	LoadYear(ctx context.Context, actor int64, year int, days []Override) error
}

// Service answers what a day is and keeps the overrides; it owns the rule
// of which years may be loaded.
type Service struct {
	Store OverrideStore
}

// Days says what each day from..to is, for the city or one site (0).
func (s *Service) Days(ctx context.Context, from, to Date, site int64) ([]Day, error) {
	cal, err := Load(ctx, s.Store, from, to)
	if err != nil {
		return nil, err
	}
	return cal.Range(from, to, site)
}

// Overrides lists the overrides from..to.
func (s *Service) Overrides(ctx context.Context, from, to Date) ([]Override, error) {
	return s.Store.Overrides(ctx, from, to)
}

// Check adds a message per field that makes the override unusable.
func (o *Override) Check(f errs.Fields) {
	o.Name = strings.TrimSpace(o.Name)
	if o.Kind != CloseDay && o.Kind != OpenDay {
		f.Add("kind", "类型应为 closed（休息/闭馆）或 workday（上班）", "kind must be closed or workday")
	}
	if o.Name == "" || utf8.RuneCountInString(o.Name) > 50 {
		f.Add("name", "请填写说明（不超过50字）", "a name is required (at most 50 characters)")
	}
}

// AddOverride checks and stores one override.
func (s *Service) AddOverride(ctx context.Context, o Override) (Override, error) {
	f := errs.Fields{}
	o.Check(f)
	if err := f.Err(); err != nil {
		return Override{}, err
	}
	return o, s.Store.AddOverride(ctx, &o)
}

// DeleteOverride removes an override.
func (s *Service) DeleteOverride(ctx context.Context, actor, id int64) error {
	return s.Store.DeleteOverride(ctx, actor, id)
}

// LoadYear records a year's official holidays and make-up workdays once the
// State Council publishes them. Only years past the built-in data, and at
// most ten ahead, may be loaded; every date must fall in the year.
func (s *Service) LoadYear(ctx context.Context, actor int64, year int, holidays, workdays []Override) (int, error) {
	f := errs.Fields{}
	if year <= Horizon() || year > Horizon()+10 {
		f.Add("year", fmt.Sprintf("只需载入 %d 年以后的年度", Horizon()), fmt.Sprintf("only years after %d need loading", Horizon()))
	}
	var days []Override
	for kind, list := range map[OverrideKind][]Override{CloseDay: holidays, OpenDay: workdays} {
		for _, d := range list {
			d.Kind, d.SiteID = kind, nil
			d.Check(f)
			if !d.Date.IsZero() && d.Date.Year() != year {
				f.Add("date", "日期须在所载入的年度内", "dates must fall in the year")
			}
			days = append(days, d)
		}
	}
	if err := f.Err(); err != nil {
		return 0, err
	}
	if missing := missingHolidays(year, holidays); len(missing) > 0 {
		return 0, errs.New(errs.Invalid, fmt.Sprintf("%d 年的放假安排不完整，缺少：%s", year, strings.Join(missing, "、")),
			fmt.Sprintf("the %d schedule is incomplete; missing: %s", year, strings.Join(missing, ", "))).
			Field("holidays", "须包含全年法定节假日（至少元旦、春节、劳动节、国庆节）", "the whole year's public holidays are required")
	}
	return len(days), s.Store.LoadYear(ctx, actor, year, days)
}

// missingHolidays names the fixed public holidays a loaded year lacks: New
// Year's Day, the Spring Festival (the first day of the lunar year), Labour
// Day and National Day. An empty or partial year would read as a year of
// workdays, and rosters would be published on holidays.
func missingHolidays(year int, holidays []Override) []string {
	spring := lunarcal.NewLunarFromYmd(year, 1, 1).GetSolar()
	need := []struct {
		name string
		date Date
	}{
		{"元旦", NewDate(year, time.January, 1)},
		{"春节", NewDate(spring.GetYear(), time.Month(spring.GetMonth()), spring.GetDay())},
		{"劳动节", NewDate(year, time.May, 1)},
		{"国庆节", NewDate(year, time.October, 1)},
	}
	var missing []string
	for _, n := range need {
		if !slices.ContainsFunc(holidays, func(o Override) bool { return o.Date.Compare(n.date) == 0 }) {
			missing = append(missing, n.name)
		}
	}
	return missing
}
