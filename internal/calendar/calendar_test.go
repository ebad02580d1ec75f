package calendar

import (
	"strings"
	"testing"
	"time"

	"github.com/6tail/lunar-go/HolidayUtil"

	"github.com/legaldesk/legaldesk/internal/errs"
)

func day(t *testing.T, c *Calendar, s string, site int64) Day {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.Day(d, site)
	if err != nil {
		t.Fatalf("%s: %v", s, err)
	}
	return got
}

// Every holiday and make-up workday of 2026 as lunar-go lists them.
func TestOfficial2026(t *testing.T) {
	c := New(nil, nil)
	holidays, makeups := 0, 0
	for e := HolidayUtil.GetHolidaysByYear(2026).Front(); e != nil; e = e.Next() {
		h := e.Value.(*HolidayUtil.Holiday)
		got := day(t, c, h.GetDay(), 0)
		if h.IsWork() {
			makeups++
			if got.Kind != MakeupWorkday || !got.Working {
				t.Errorf("%s: got %+v, want a make-up workday", h.GetDay(), got)
			}
		} else {
			holidays++
			if got.Kind != Holiday || got.Working || got.Name != h.GetName() {
				t.Errorf("%s: got %+v, want the holiday %s", h.GetDay(), got, h.GetName())
			}
		}
	}
	if holidays < 30 || makeups < 5 {
		t.Fatalf("only %d holidays and %d make-up days in 2026", holidays, makeups)
	}
}

// The facts PRODUCT.md states, independent of the library's list.
func TestKnownDays2026(t *testing.T) {
	c := New(nil, nil)
	cases := map[string]Kind{
		"2026-09-20": MakeupWorkday, // a Sunday
		"2026-10-10": MakeupWorkday, // a Saturday
		"2026-10-01": Holiday, "2026-10-07": Holiday,
		"2026-10-08": Workday,
		"2026-10-11": Weekend,
		"2026-11-25": Workday, // a Wednesday
	}
	for s, want := range cases {
		if got := day(t, c, s, 0); got.Kind != want {
			t.Errorf("%s: %s, want %s", s, got.Kind, want)
		}
	}
}

func TestPastHorizonIsRefused(t *testing.T) {
	if Horizon() != 2027 {
		t.Logf("lunar-go data now reaches %d", Horizon())
	}
	c := New(nil, nil)
	_, err := c.Day(NewDate(2028, 3, 1), 0)
	if !errs.Is(err, errs.Invalid) || !strings.Contains(err.Error(), "2028") {
		t.Fatalf("2028 without data: %v", err)
	}
	// An override for the date itself answers it.
	d := NewDate(2028, 3, 1)
	c = New([]Override{{Date: d, Kind: CloseDay, Name: "停电"}}, nil)
	if got, err := c.Day(d, 0); err != nil || got.Kind != Closed {
		t.Fatalf("override in 2028: %+v %v", got, err)
	}
	// A loaded year answers by weekday and its overrides.
	c = New(nil, []int{2028})
	if got, err := c.Day(NewDate(2028, 3, 1), 0); err != nil || got.Kind != Workday {
		t.Fatalf("loaded 2028: %+v %v", got, err)
	}
}

func TestOverrides(t *testing.T) {
	site := int64(7)
	d := NewDate(2026, 11, 25)
	sat := NewDate(2026, 11, 28)
	c := New([]Override{
		{Date: d, SiteID: &site, Kind: CloseDay, Name: "站点装修"},
		{Date: sat, Kind: OpenDay, Name: "法治宣传日"},
	}, nil)
	if got := day(t, c, "2026-11-25", 7); got.Kind != Closed || got.Working {
		t.Errorf("site closure: %+v", got)
	}
	if got := day(t, c, "2026-11-25", 8); got.Kind != Workday {
		t.Errorf("another site is open: %+v", got)
	}
	if got := day(t, c, "2026-11-28", 8); got.Kind != ExtraWorkday || !got.Working {
		t.Errorf("city-wide extra day: %+v", got)
	}
}

func TestDate(t *testing.T) {
	d, err := ParseDate("2026-02-28")
	if err != nil || d.AddDays(1).String() != "2026-03-01" || d.Weekday() != time.Saturday {
		t.Fatalf("%v %v", d, err)
	}
	if d.Monday().String() != "2026-02-23" || NewDate(2026, 3, 2).Monday().String() != "2026-03-02" {
		t.Fatal("Monday")
	}
	for _, bad := range []string{"2026-02-30", "2026/02/01", "", "26-1-1"} {
		if _, err := ParseDate(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	at := d.At(9, 0)
	if at.UTC().Hour() != 1 {
		t.Errorf("09:00 in China is 01:00 UTC, got %v", at.UTC())
	}
	if DateOf(time.Date(2026, 2, 28, 17, 0, 0, 0, time.UTC)).String() != "2026-03-01" {
		t.Error("17:00 UTC is already the next day in China")
	}
}

func FuzzParseDate(f *testing.F) {
	f.Add("2026-10-01")
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err == nil && d.String() != s {
			t.Fatalf("%q parsed as %s", s, d)
		}
	})
}
