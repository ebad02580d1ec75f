// Package advisor is the village legal-advisor scheme (一村（社区）一法律顾问):
// one active advisor per village or community room under a contract term,
// a cap on the villages a lawyer advises, a balanced auto-assign, coverage,
// the advisors' service logs and the monthly compliance that their subsidy
// rests on. It holds the types, the rules and the Store interface; SQL and
// HTTP live elsewhere. The database, not this package, is the last guard of
// "one active advisor per village".
package advisor

import (
	"context"
	"time"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
)

// Status is where an assignment is in its life.
type Status string

const (
	Active   Status = "active"
	Ended    Status = "ended"
	Replaced Status = "replaced"
	Renewed  Status = "renewed"
)

// Assignment is one lawyer's contract as one village's advisor. Ending,
// replacing and renewing close the row and, for the last two, open a new one
// pointing back to it, so the history stays.
type Assignment struct {
	ID         int64          `json:"id" db:"id"`
	SiteID     int64          `json:"site_id" db:"site_id"`
	SiteName   string         `json:"site_name" db:"site_name"`
	Township   string         `json:"township" db:"township"`
	LawyerID   int64          `json:"lawyer_id" db:"lawyer_id"`
	LawyerName string         `json:"lawyer_name" db:"lawyer_name"`
	StartsOn   calendar.Date  `json:"starts_on" db:"starts_on"`
	EndsOn     calendar.Date  `json:"ends_on" db:"ends_on"`
	Status     Status         `json:"status" db:"status"`
	EndedOn    *calendar.Date `json:"ended_on" db:"ended_on"`
	EndReason  string         `json:"end_reason" db:"end_reason"`
	PreviousID *int64         `json:"previous_id" db:"previous_id"`
	// OnSiteWeek and OnSiteWeekday are the monthly on-site day residents
	// are told about: the n-th (1–4) weekday (1 Monday … 5 Friday).
	OnSiteWeek    int       `json:"on_site_week" db:"onsite_week"`
	OnSiteWeekday int       `json:"on_site_weekday" db:"onsite_weekday"`
	CreatedAt     time.Time `json:"created_at" db:"created_at"`
}

// Served reports whether the assignment covered date d (its term, cut short
// where it ended early).
func (a Assignment) Served(d calendar.Date) bool {
	last := a.EndsOn
	if a.EndedOn != nil && a.EndedOn.Before(last) {
		last = *a.EndedOn
	}
	return d.In(a.StartsOn, last)
}

// Village is a village or community room as the scheme sees it.
type Village struct {
	ID       int64  `json:"id" db:"id"`
	Name     string `json:"name" db:"name"`
	Township string `json:"township" db:"township"`
}

// Lawyer is what the scheme knows of a lawyer.
type Lawyer struct {
	ID           int64  `json:"id" db:"id"`
	Name         string `json:"name" db:"name"`
	HomeTownship string `json:"home_township" db:"home_township"`
	FirmID       int64  `json:"firm_id" db:"firm_id"`
	FirmName     string `json:"firm_name" db:"firm_name"`
	WorkPhone    string `json:"work_phone" db:"work_phone"`
}

// New is an assignment to create.
type New struct {
	SiteID   int64
	LawyerID int64
	StartsOn calendar.Date
	EndsOn   calendar.Date
	// OnSiteWeek and OnSiteWeekday: zero picks a default spread by village.
	OnSiteWeek    int
	OnSiteWeekday int
}

// Filter selects assignments; zero values select everything.
type Filter struct {
	SiteID     int64
	LawyerID   int64
	Township   string
	ActiveOnly bool
}

// Store is what the scheme needs from storage. Create and CreateMany check
// the cap inside their transaction and refuse a second active advisor for a
// village by the database's unique key (a conflict).
type Store interface {
	AdvisorVillages(ctx context.Context) ([]Village, error)
	AdvisorLawyers(ctx context.Context) ([]Lawyer, error)
	Assignments(ctx context.Context, f Filter) ([]Assignment, error)
	Assignment(ctx context.Context, id int64) (Assignment, error)
	CreateAssignments(ctx context.Context, actor int64, cap int, today calendar.Date, ns []New) ([]Assignment, error)
	// CloseAssignment ends the active assignment id with status and, when
	// next is not nil, opens next in its place, in one transaction.
	CloseAssignment(ctx context.Context, actor, id int64, status Status, on calendar.Date, reason string, cap int, next *New) (Assignment, error)
	AddLog(ctx context.Context, l *Log) error
	Logs(ctx context.Context, f LogFilter) ([]Log, error)
	Log(ctx context.Context, id int64) (Log, error)
	SetLogPhoto(ctx context.Context, id int64, name, ctype string) error
	// ClaimReminder records that the contract's ending was announced; false
	// when it already was, so each contract is announced at most once.
	ClaimReminder(ctx context.Context, assignmentID int64) (bool, error)
	BureauUsers(ctx context.Context) ([]int64, error)
	AuditReadDetail(ctx context.Context, actor int64, object string, id int64, detail string) error
	calendar.Store
}

// Notifier tells a user something (SMS through the outbox).
type Notifier interface {
	NotifyUser(ctx context.Context, userID int64, kind, body string) error
}

// The scheme's own errors.
var (
	ErrTaken = errs.New(errs.Conflict, "该村（社区）已有在任法律顾问", "this village already has an active advisor").
			Field("site_id", "该村（社区）已有在任法律顾问", "already has an active advisor")
	ErrAtCap     = errs.New(errs.Conflict, "该律师担任法律顾问的村（社区）已达上限", "this lawyer already advises the most villages allowed")
	ErrNotRoom   = errs.New(errs.Invalid, "只能为村（社区）工作室指派法律顾问", "advisors are assigned to village rooms only").Field("site_id", "不是村（社区）工作室", "not a village room")
	ErrNoLawyer  = errs.New(errs.Invalid, "律师不存在", "no such lawyer").Field("lawyer_id", "律师不存在", "no such lawyer")
	ErrClosed    = errs.New(errs.Conflict, "该聘任已结束", "this assignment has already ended")
	ErrNoAdvisor = errs.New(errs.NotFound, "该村（社区）暂无法律顾问", "this village has no advisor yet")
)
