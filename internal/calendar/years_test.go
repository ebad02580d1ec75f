package calendar

import (
	"slices"
	"testing"
	"time"
)

// A year is loaded whole: New Year's Day, the Spring Festival (lunar new
// year, 2028-01-26), Labour Day and National Day must be among its holidays.
func TestLoadedYearMustBeWhole(t *testing.T) {
	day := func(m time.Month, d int) Override { return Override{Date: NewDate(2028, m, d)} }
	whole := []Override{day(time.January, 1), day(time.January, 26), day(time.January, 27), day(time.May, 1), day(time.October, 1)}
	if m := missingHolidays(2028, whole); len(m) != 0 {
		t.Fatalf("a whole year: missing %v", m)
	}
	if m := missingHolidays(2028, nil); len(m) != 4 {
		t.Fatalf("an empty year: missing %v", m)
	}
	partial := []Override{day(time.January, 1), day(time.May, 1)}
	if m := missingHolidays(2028, partial); !slices.Equal(m, []string{"春节", "国庆节"}) {
		t.Fatalf("a partial year: missing %v", m)
	}
	if m := missingHolidays(2028, []Override{day(time.January, 1), day(time.February, 5), day(time.May, 1), day(time.October, 1)}); !slices.Equal(m, []string{"春节"}) {
		t.Fatalf("the 2027 Spring Festival's date in 2028: missing %v", m)
	}
}
