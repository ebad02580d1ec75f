package advisor

import (
	"context"
	"slices"
	"time"
	"unicode/utf8"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
)

// Kind is what an advisor did on a day.
type Kind string

const (
	OnSite       Kind = "on_site"         // a duty day in the village room
	Lecture      Kind = "lecture"         // 法治讲座
	DoorToDoor   Kind = "door_to_door"    // 敲门送法: households visited
	Consultation Kind = "consultation"    // questions answered
	Review       Kind = "document_review" // contracts and village rules read
	Mediation    Kind = "mediation"       // disputes mediated with the committee
)

// Kinds lists every kind, in the order forms show them.
var Kinds = []Kind{OnSite, Lecture, DoorToDoor, Consultation, Review, Mediation}

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool {
	for _, x := range Kinds {
		if k == x {
			return true
		}
	}
	return false
}

// Log is one entry of an advisor's service record.
type Log struct {
	ID       int64         `json:"id" db:"id"`
	LawyerID int64         `json:"lawyer_id" db:"lawyer_id"`
	SiteID   int64         `json:"site_id" db:"site_id"`
	SiteName string        `json:"site_name" db:"site_name"`
	Township string        `json:"township" db:"township"`
	Date     calendar.Date `json:"date" db:"date"`
	Kind     Kind          `json:"kind" db:"kind"`
	Count    int           `json:"count" db:"count"`
	People   int           `json:"people" db:"people"`
	Notes    string        `json:"notes" db:"notes"`
	// Photo is the stored file's random name; only HasPhoto is shown.
	Photo     string    `json:"-" db:"photo"`
	PhotoType string    `json:"-" db:"photo_type"`
	HasPhoto  bool      `json:"has_photo" db:"-"`
	CreatedAt time.Time `json:"created_at" db:"created_at"`
}

// LogFilter selects logs from..to inclusive; zero ids select everyone.
type LogFilter struct {
	LawyerID int64
	SiteID   int64
	From, To calendar.Date
}

// ErrNotYourVillage: the lawyer was not this village's advisor that day. It
// is a not-found, like every object a caller is not related to.
var ErrNotYourVillage = errs.New(errs.NotFound, "您在该日期不是该村（社区）的法律顾问", "you were not this village's advisor on that date")

// Limits on one entry.
const (
	maxCount  = 500
	maxPeople = 5000
	maxNotes  = 500
)

// check validates an entry against today (China time): no future dates,
// and a month closes at the end of the next one, when subsidies are paid.
func (l *Log) check(today calendar.Date) error {
	f := errs.Fields{}
	if !l.Kind.Valid() {
		f.Add("kind", "请选择服务类型", "choose a kind of service")
	}
	if l.SiteID <= 0 {
		f.Add("site_id", "请选择村（社区）", "choose a village")
	}
	switch {
	case l.Date.IsZero():
		f.Add("date", "请填写日期（YYYY-MM-DD）", "date is required (YYYY-MM-DD)")
	case l.Date.After(today):
		f.Add("date", "不能登记未来的日期", "the date is in the future")
	case l.Date.Before(MonthOf(today).Prev().First()):
		f.Add("date", "上月以前的记录已结账，不能再登记", "months before last are closed")
	}
	if l.Kind == OnSite || l.Count == 0 {
		l.Count = 1 // a day is one day; an absent count is one
	}
	if l.Count < 1 || l.Count > maxCount {
		f.Add("count", "次数应在 1 到 500 之间", "count must be between 1 and 500")
	}
	if l.People < 0 || l.People > maxPeople {
		f.Add("people", "人数应在 0 到 5000 之间", "people must be between 0 and 5000")
	}
	if utf8.RuneCountInString(l.Notes) > maxNotes || !utf8.ValidString(l.Notes) {
		f.Add("notes", "备注最多 500 字", "notes are at most 500 characters")
	}
	return f.Err()
}

// RecordLog adds an entry to the lawyer's record, for a village they
// advised on that date (404 otherwise).
func (s *Service) RecordLog(ctx context.Context, lawyerID int64, l Log) (Log, error) {
	l.LawyerID = lawyerID
	if err := l.check(s.today()); err != nil {
		return l, err
	}
	as, err := s.Store.Assignments(ctx, Filter{LawyerID: lawyerID, SiteID: l.SiteID})
	if err != nil {
		return l, err
	}
	if !slices.ContainsFunc(as, func(a Assignment) bool { return a.Served(l.Date) }) {
		return l, ErrNotYourVillage
	}
	l.SiteName, l.Township = as[0].SiteName, as[0].Township
	err = s.Store.AddLog(ctx, &l)
	return l, err
}

// MyLogs lists the lawyer's entries of month m.
func (s *Service) MyLogs(ctx context.Context, lawyerID int64, m Month) ([]Log, error) {
	return s.Store.Logs(ctx, LogFilter{LawyerID: lawyerID, From: m.First(), To: m.Last()})
}
