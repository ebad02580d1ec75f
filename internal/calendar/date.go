package calendar

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"time"

	"github.com/legaldesk/legaldesk/internal/errs"
)

// Shanghai is China Standard Time; China keeps no daylight saving time, so
// a fixed zone is exact and needs no tz database.
var Shanghai = time.FixedZone("Asia/Shanghai", 8*3600)

// Date is a calendar day with no time or zone, stored as "YYYY-MM-DD".
type Date struct {
	t time.Time // midnight UTC
}

const layout = "2006-01-02"

// NewDate returns the date y-m-d (normalised like time.Date).
func NewDate(y int, m time.Month, d int) Date {
	return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// ParseDate reads "YYYY-MM-DD".
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(layout, s)
	if err != nil {
		return Date{}, fmt.Errorf("date %q: want YYYY-MM-DD", s)
	}
	return Date{t}, nil
}

// MinYear and MaxYear bound the dates the service takes from outside. Year
// 1 parses to the zero Date, which callers read as "no date" (so range
// checks were skipped), and a far year lets one query span all history.
const (
	MinYear = 2000
	MaxYear = 2100
)

// CheckYear adds a message on field name when d falls outside MinYear to
// MaxYear, and reports whether it is within.
func CheckYear(name string, d Date, f errs.Fields) bool {
	if d.Year() >= MinYear && d.Year() <= MaxYear {
		return true
	}
	f.Add(name, fmt.Sprintf("日期须在 %d 年至 %d 年之间", MinYear, MaxYear),
		fmt.Sprintf("dates must fall between %d and %d", MinYear, MaxYear))
	return false
}

// DateOf is the date of t in China.
func DateOf(t time.Time) Date {
	y, m, d := t.In(Shanghai).Date()
	return NewDate(y, m, d)
}

func (d Date) String() string        { return d.t.Format(layout) }
func (d Date) IsZero() bool          { return d.t.IsZero() }
func (d Date) Year() int             { return d.t.Year() }
func (d Date) Month() time.Month     { return d.t.Month() }
func (d Date) Day() int              { return d.t.Day() }
func (d Date) Weekday() time.Weekday { return d.t.Weekday() }
func (d Date) AddDays(n int) Date    { return Date{d.t.AddDate(0, 0, n)} }
func (d Date) Before(o Date) bool    { return d.t.Before(o.t) }
func (d Date) After(o Date) bool     { return d.t.After(o.t) }
func (d Date) DaysUntil(o Date) int  { return int(o.t.Sub(d.t).Hours() / 24) }
func (d Date) Compare(o Date) int    { return d.t.Compare(o.t) }
func (d Date) In(from, to Date) bool { return !d.Before(from) && !d.After(to) }
func (d Date) At(hour, min int) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), hour, min, 0, 0, Shanghai)
}

// Monday is the Monday of d's week (weeks run Monday to Sunday in China).
func (d Date) Monday() Date {
	return d.AddDays(-((int(d.Weekday()) + 6) % 7))
}

// Value stores a date as text, the same on SQLite and MySQL.
func (d Date) Value() (driver.Value, error) { return d.String(), nil }

// Scan reads text or a DATE column.
func (d *Date) Scan(v any) error {
	switch x := v.(type) {
	case string:
		return d.parseInto(x)
	case []byte:
		return d.parseInto(string(x))
	case time.Time:
		*d = NewDate(x.Year(), x.Month(), x.Day())
		return nil
	}
	return fmt.Errorf("calendar.Date: cannot scan %T", v)
}

func (d *Date) parseInto(s string) error {
	if len(s) > 10 {
		s = s[:10]
	}
	p, err := ParseDate(s)
	*d = p
	return err
}

// MarshalJSON writes "YYYY-MM-DD".
func (d Date) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

// UnmarshalJSON reads "YYYY-MM-DD".
func (d *Date) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	p, err := ParseDate(s)
	*d = p
	return err
}
