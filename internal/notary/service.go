package notary

import (
	"context"
	"log/slog"
	"time"

	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/pii"
)

// Store is what the notary office needs from storage.
type Store interface {
	// NotaryOffice is the active notary office site.
	NotaryOffice(ctx context.Context) (int64, error)
	NotaryMatters(ctx context.Context, query string, all bool) ([]Matter, error)
	NotaryMattersByID(ctx context.Context, ids []int64) ([]Matter, error)
	SaveNotaryMatter(ctx context.Context, m *Matter, at time.Time) error
	// OpenNotarySlots adds the slots not there yet; it returns how many.
	OpenNotarySlots(ctx context.Context, slots []Slot) (int, error)
	NotarySlots(ctx context.Context, siteID int64, from, to time.Time) ([]Slot, error)
	NotarySlot(ctx context.Context, id int64) (Slot, error)
	// BookNotary takes the package's places in one transaction: the
	// resident locked, the idempotency key, Check on the day's slots, a
	// conditional update per slot, the visit insert under UNIQUE keys.
	BookNotary(ctx context.Context, b Booking) (Visit, bool, error)
	NotaryReplayed(ctx context.Context, residentID int64, key, hash string) (int64, error)
	NotaryVisit(ctx context.Context, id int64) (Visit, error)
	ResidentNotaryVisits(ctx context.Context, residentID int64) ([]Visit, error)
	NotaryDay(ctx context.Context, from, to time.Time) ([]Visit, error)
	HomeRequests(ctx context.Context) ([]Visit, error)
	RequestHomeVisit(ctx context.Context, v *Visit) error
	// ScheduleHomeVisit blocks one place on the office slots from..to and
	// books the visit, in one transaction.
	ScheduleHomeVisit(ctx context.Context, id int64, from, to time.Time, notaryName string, at time.Time) error
	AddNotaryUpload(ctx context.Context, u *Upload, maxTotal int64) error
	NotaryUploads(ctx context.Context, visitID int64) ([]Upload, error)
	NotaryUpload(ctx context.Context, id int64) (Upload, error)
	// SetNotaryMaterials records the clerk's check (state and missing list).
	SetNotaryMaterials(ctx context.Context, id int64, state string, missing []string, status Status, at time.Time) error
	// FinishNotaryVisit moves a booked or checked visit to done, no-show or
	// cancelled, freeing its places unless done.
	FinishNotaryVisit(ctx context.Context, id int64, to Status, certificate string, fee int, waived bool, reason string, at time.Time) error
	// ApprovedAid reports whether an approved legal-aid case has this ID
	// number's keyed index (never decrypting anything).
	ApprovedAid(ctx context.Context, idIndex string) (bool, error)
	AuditRead(ctx context.Context, actor int64, object string, id int64) error
	// NotaryDoneByMonth counts the matters done per month of a year.
	NotaryDoneByMonth(ctx context.Context, year int) (map[int]int, error)
}

// Booking is one package confirm, done by the store in one transaction.
type Booking struct {
	Visit       Visit
	FirstSlot   int64
	N           int // consecutive slots
	IdemKey     string
	RequestHash string
	// Check sees the run of slots and the resident's active visits inside
	// the transaction, with the resident locked.
	Check func(run []Slot, mine []Visit) error
	At    time.Time
}

// Holds keeps advisory holds on the office's slots (Redis, or memory).
type Holds interface {
	Hold(ctx context.Context, slot int64, capacity int, owner int64) (string, time.Time, error)
	HeldSlot(ctx context.Context, id string, owner int64) (int64, error)
	Release(ctx context.Context, id string, owner int64) error
	Held(ctx context.Context, slots []int64) (map[int64]int, error)
	HoldFor(ctx context.Context, slot int64, capacity int, owner int64, ttl time.Duration) (string, time.Time, error)
}

// Notifier tells a user something (SMS through the outbox).
type Notifier interface {
	NotifyUser(ctx context.Context, userID int64, kind, body string) error
}

// Files keeps uploads outside the web root.
type Files interface {
	Save(name string, data []byte) error
	Read(name string) ([]byte, error)
	Remove(name string) error
}

// Service runs the notary office.
type Service struct {
	Store  Store
	Waits  WaitStore
	Holds  Holds
	Notify Notifier
	Files  Files
	Box    *pii.Box
	Log    *slog.Logger
	Now    func() time.Time
	// SiteID is the notary office whose calendar residents book (0: the
	// network's active notary office, looked up when needed).
	SiteID int64
	// HomeAge: from this age a resident gets the green channel and may ask
	// for a home visit.
	HomeAge int
	// MinNotice and Horizon bound when a visit may start; MaxActive caps
	// a resident's upcoming visits.
	MinNotice, Horizon time.Duration
	MaxActive          int
	MaxFile, MaxTotal  int64
}

// Viewer is who asks.
type Viewer struct {
	ID   int64
	Role string
}

func (v Viewer) clerk() bool { return v.Role == "notary_clerk" }

var (
	errNoVisit = errs.New(errs.NotFound, "公证预约不存在", "no such notary visit")
	// ErrNotActive: the visit was cancelled or is over.
	ErrNotActive = errs.New(errs.Conflict, "该公证预约已取消或已办结", "this notary visit is no longer active")
	// ErrTooMany: the resident has MaxActive upcoming visits.
	ErrTooMany = errs.New(errs.Conflict, "您的未到期公证预约已达上限", "you have the most upcoming notary visits allowed")
	// ErrOverlap: the resident has another visit then.
	ErrOverlap = errs.New(errs.Conflict, "您在该时间已有其他公证预约", "you already have a notary visit at that time")
)

// load returns a visit the viewer is related to: its resident, or a clerk
// of the office; anyone else gets not_found. A clerk's read is audited.
func (s *Service) load(ctx context.Context, v Viewer, id int64) (Visit, error) {
	vis, err := s.Store.NotaryVisit(ctx, id)
	if errs.Is(err, errs.NotFound) {
		return Visit{}, errNoVisit
	}
	if err != nil {
		return Visit{}, err
	}
	switch {
	case v.Role == "resident" && vis.ResidentID == v.ID:
	case v.clerk():
		if err := s.Store.AuditRead(ctx, v.ID, "notary_visit", id); err != nil {
			return Visit{}, err
		}
	default:
		return Visit{}, errNoVisit
	}
	return vis, nil
}

// Get returns a visit with its matters, checklist and readiness.
func (s *Service) Get(ctx context.Context, v Viewer, id int64) (Visit, error) {
	vis, err := s.load(ctx, v, id)
	if err != nil {
		return Visit{}, err
	}
	return s.fill(ctx, vis)
}

// fill adds the matters, the merged checklist and the ready flag.
func (s *Service) fill(ctx context.Context, vis Visit) (Visit, error) {
	ms, err := s.Store.NotaryMattersByID(ctx, vis.MatterIDs)
	if err != nil {
		return vis, err
	}
	ups, err := s.Store.NotaryUploads(ctx, vis.ID)
	if err != nil {
		return vis, err
	}
	vis.Matters = ms
	vis.Checklist = Checklist(ms, vis.Parties, ups, vis.Missing)
	since := map[string]bool{}
	for _, u := range ups {
		if vis.CheckedAt != nil && !u.CreatedAt.Before(*vis.CheckedAt) {
			since[u.Item] = true
		}
	}
	vis.Ready = Ready(vis.MaterialsState, vis.Checklist, since)
	if vis.IDSealed != "" && s.Box != nil {
		if id, err := s.Box.Open(vis.IDSealed); err == nil {
			vis.IDNumber = pii.MaskIDNumber(id)
		}
	}
	return vis, nil
}

// Mine lists a resident's visits.
func (s *Service) Mine(ctx context.Context, residentID int64) ([]Visit, error) {
	list, err := s.Store.ResidentNotaryVisits(ctx, residentID)
	if err != nil {
		return nil, err
	}
	for i := range list {
		if list[i], err = s.fill(ctx, list[i]); err != nil {
			return nil, err
		}
	}
	return list, nil
}

// Office is the notary office whose calendar residents book.
func (s *Service) Office(ctx context.Context) (int64, error) {
	if s.SiteID != 0 {
		return s.SiteID, nil
	}
	id, err := s.Store.NotaryOffice(ctx)
	if errs.Is(err, errs.NotFound) {
		return 0, errs.New(errs.NotFound, "尚未设立公证处", "no notary office is set up")
	}
	return id, err
}

// DoneByMonth counts the matters done in each month of a year (1–12), for
// the office and the bureau's statistics.
func (s *Service) DoneByMonth(ctx context.Context, year int) ([12]int, error) {
	var out [12]int
	if year < 2000 || year > 2100 {
		return out, errs.New(errs.Invalid, "年份应在2000到2100之间", "year must be 2000 to 2100").Field("year", "年份无效", "invalid year")
	}
	m, err := s.Store.NotaryDoneByMonth(ctx, year)
	for k, n := range m {
		if k >= 1 && k <= 12 {
			out[k-1] = n
		}
	}
	return out, err
}
