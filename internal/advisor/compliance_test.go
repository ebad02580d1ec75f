package advisor

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
)

// memStore keeps assignments and logs in memory for the service's rules.
type memStore struct {
	Store // the methods these tests never reach
	as    []Assignment
	logs  []Log
}

func (m *memStore) Assignments(_ context.Context, f Filter) ([]Assignment, error) {
	var out []Assignment
	for _, a := range m.as {
		if (f.LawyerID == 0 || a.LawyerID == f.LawyerID) && (f.SiteID == 0 || a.SiteID == f.SiteID) {
			out = append(out, a)
		}
	}
	return out, nil
}

func (m *memStore) Logs(_ context.Context, f LogFilter) ([]Log, error) {
	var out []Log
	for _, l := range m.logs {
		if (f.LawyerID == 0 || l.LawyerID == f.LawyerID) && l.Date.In(f.From, f.To) {
			out = append(out, l)
		}
	}
	return out, nil
}

func (m *memStore) AddLog(_ context.Context, l *Log) error {
	l.ID = int64(len(m.logs) + 1)
	m.logs = append(m.logs, *l)
	return nil
}

func (m *memStore) AdvisorLawyers(context.Context) ([]Lawyer, error) {
	return []Lawyer{{ID: 1, Name: "王律师", FirmName: "泫氏所"}}, nil
}

func date(s string) calendar.Date {
	d, err := calendar.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func month(s string) Month {
	m, err := ParseMonth(s)
	if err != nil {
		panic(err)
	}
	return m
}

// clock is a settable clock; at takes a time in China.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }
func (c *clock) at(s string) {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, calendar.Shanghai)
	if err != nil {
		panic(err)
	}
	c.t = t.UTC()
}

func newScheme(as ...Assignment) (*Service, *memStore, *clock) {
	st, c := &memStore{as: as}, &clock{}
	return &Service{Store: st, Now: c.now, Cap: 10, Minimums: Minimums{OnSiteDaysPerMonth: 1, LecturesPerQuarter: 1}}, st, c
}

func duty(t *testing.T, s *Service, m string) VillageDuty {
	t.Helper()
	rep, err := s.Compliance(context.Background(), month(m), 0)
	if err != nil || len(rep.Advisors) != 1 || len(rep.Advisors[0].Villages) != 1 {
		t.Fatalf("report %s: %+v, %v", m, rep, err)
	}
	return rep.Advisors[0].Villages[0]
}

func record(t *testing.T, s *Service, site int64, kind Kind, on string) error {
	t.Helper()
	_, err := s.RecordLog(context.Background(), 1, Log{SiteID: site, Kind: kind, Date: date(on), Count: 1})
	return err
}

var village10 = Assignment{ID: 1, SiteID: 10, SiteName: "米西村", Township: "米山镇", LawyerID: 1,
	StartsOn: date("2026-01-01"), EndsOn: date("2028-12-31"), Status: Active}

func TestComplianceAcrossMonthAndQuarter(t *testing.T) {
	s, _, c := newScheme(village10)
	c.at("2026-03-31 23:30") // still March in China, already 15:30 UTC
	if err := record(t, s, 10, OnSite, "2026-03-31"); err != nil {
		t.Fatal(err)
	}
	var e *errs.Error
	if err := record(t, s, 10, OnSite, "2026-04-01"); !errors.As(err, &e) || e.Code != errs.Invalid || e.Fields["date"].EN != "the date is in the future" {
		t.Fatalf("a date tomorrow: %v", err)
	}
	if d := duty(t, s, "2026-03"); d.OnSite != Met || d.Lecture != Pending || d.Verdict != Pending {
		t.Fatalf("March on its last evening: %+v", d)
	}
	c.at("2026-04-01 00:30") // 16:30 UTC on March 31: April in China
	if d := duty(t, s, "2026-03"); d.OnSite != Met || d.Lecture != Missed || d.Verdict != Missed {
		t.Fatalf("March once the quarter is over: %+v", d)
	}
	if err := record(t, s, 10, Lecture, "2026-04-01"); err != nil {
		t.Fatal(err)
	}
	if d := duty(t, s, "2026-03"); d.Lecture != Missed || d.Lectures != 0 {
		t.Fatalf("an April lecture counted for Q1: %+v", d)
	}
	if d := duty(t, s, "2026-04"); d.OnSite != Pending || d.Lecture != Met || d.Counts[Lecture] != 1 {
		t.Fatalf("April on its first day: %+v", d)
	}
	c.at("2026-05-01 09:00")
	if d := duty(t, s, "2026-04"); d.OnSite != Missed || d.Verdict != Missed {
		t.Fatalf("April without an on-site day, once over: %+v", d)
	}
	// May: the April lecture still covers Q2; June closes the quarter.
	record(t, s, 10, OnSite, "2026-05-01")
	if d := duty(t, s, "2026-05"); d.OnSite != Met || d.Lecture != Met || d.Lectures != 1 || d.Verdict != Met {
		t.Fatalf("May: %+v", d)
	}
}

func TestComplianceLectureEarlyInTheQuarter(t *testing.T) {
	s, _, c := newScheme(village10)
	c.at("2026-02-10 10:00")
	record(t, s, 10, Lecture, "2026-02-10")
	c.at("2026-04-02 10:00")
	if d := duty(t, s, "2026-03"); d.Lecture != Met || d.Lectures != 1 || d.OnSite != Missed {
		t.Fatalf("March with a February lecture: %+v", d)
	}
	c.at("2026-07-01 08:00")
	if d := duty(t, s, "2026-06"); d.Lecture != Missed {
		t.Fatalf("June, no lecture in Q2: %+v", d)
	}
}

func TestComplianceExemptsAShortMonth(t *testing.T) {
	late := village10
	late.StartsOn = date("2026-03-20") // twelve days of March
	s, _, c := newScheme(late)
	c.at("2026-04-10 10:00")
	if d := duty(t, s, "2026-03"); d.OnSite != Exempt || d.Verdict != Exempt || d.DaysServed != 12 {
		t.Fatalf("twelve days of March: %+v", d)
	}
}

func TestLogsRefusedOutsideTheRules(t *testing.T) {
	s, _, c := newScheme(village10)
	c.at("2026-04-01 09:00")
	if err := record(t, s, 10, OnSite, "2026-03-01"); err != nil {
		t.Fatalf("last month is still open: %v", err)
	}
	var e *errs.Error
	if err := record(t, s, 10, OnSite, "2026-02-28"); !errors.As(err, &e) || e.Fields["date"].EN != "months before last are closed" {
		t.Fatalf("February on April 1st: %v", err)
	}
	if err := record(t, s, 11, OnSite, "2026-03-02"); !errors.Is(err, ErrNotYourVillage) || errs.CodeOf(err) != errs.NotFound {
		t.Fatalf("another lawyer's village: %v", err)
	}
	if err := record(t, s, 10, OnSite, "2025-12-31"); !errors.As(err, &e) || e.Code != errs.Invalid {
		t.Fatalf("before the contract and closed: %v", err)
	}
	_, err := s.RecordLog(context.Background(), 1, Log{SiteID: 10, Kind: "party", Date: date("2026-03-02"), Count: -1, People: -1})
	if !errors.As(err, &e) || e.Fields["kind"].EN == "" || e.Fields["count"].EN == "" || e.Fields["people"].EN == "" {
		t.Fatalf("bad kind, count and people: %v", err)
	}
	if _, err := s.Compliance(context.Background(), month("2026-05"), 0); !errors.As(err, &e) || e.Fields["month"].EN != "this month has not begun" {
		t.Fatalf("a month ahead: %v", err)
	}
}

// FuzzParseMonth: any text either parses to a month that prints back as
// itself, or is refused; nothing panics.
func FuzzParseMonth(f *testing.F) {
	for _, s := range []string{"2026-03", "2026-13", "0000-00", "2026-3", "２０２６-03", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMonth(s)
		if err == nil && m.String() != s {
			t.Fatalf("%q parsed as %s", s, m)
		}
		if err == nil && (m.Last().Before(m.First()) || m.QuarterFirst().After(m)) {
			t.Fatalf("%q: month helpers disagree", s)
		}
	})
}
