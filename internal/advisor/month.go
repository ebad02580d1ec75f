package advisor

import (
	"fmt"
	"time"

	"github.com/legaldesk/legaldesk/internal/calendar"
)

// Month is a calendar month, the period of compliance and subsidy.
type Month struct {
	Year  int
	Month time.Month
}

// MonthOf is the month of d.
func MonthOf(d calendar.Date) Month { return Month{d.Year(), d.Month()} }

// ParseMonth reads YYYY-MM.
func ParseMonth(s string) (Month, error) {
	t, err := time.Parse("2006-01", s)
	if err != nil || len(s) != 7 {
		return Month{}, fmt.Errorf("advisor: month %q is not YYYY-MM", s)
	}
	return Month{t.Year(), t.Month()}, nil
}

func (m Month) String() string { return fmt.Sprintf("%04d-%02d", m.Year, int(m.Month)) }

// First and Last are the month's first and last dates.
func (m Month) First() calendar.Date { return calendar.NewDate(m.Year, m.Month, 1) }
func (m Month) Last() calendar.Date  { return m.Next().First().AddDays(-1) }

// Next and Prev step one month.
func (m Month) Next() Month { return MonthOf(m.First().AddDays(32)) }
func (m Month) Prev() Month { return MonthOf(m.First().AddDays(-1)) }

// QuarterFirst is the first month of m's quarter; QuarterLast its last.
func (m Month) QuarterFirst() Month { return Month{m.Year, m.Month - (m.Month-1)%3} }
func (m Month) QuarterLast() Month  { return Month{m.Year, m.QuarterFirst().Month + 2} }

// Quarter names the quarter, e.g. 2026-Q1.
func (m Month) Quarter() string { return fmt.Sprintf("%04d-Q%d", m.Year, (int(m.Month)+2)/3) }

// After reports whether m comes after o.
func (m Month) After(o Month) bool { return m.First().After(o.First()) }
