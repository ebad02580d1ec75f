package legalaid

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/pii"
)

// Filter selects applications; zero values select everything.
type Filter struct {
	ApplicantUserID int64
	LawyerID        int64
	Statuses        []Status
	Township        string
	Matter          Matter
	// AdvancePending adds the assigned cases given aid first whose formal
	// decision is still due (Art. 44).
	AdvancePending bool
}

// Store is what legal aid needs from storage.
type Store interface {
	CreateApplication(ctx context.Context, a *Application, ev Event) error
	Application(ctx context.Context, id int64) (Application, error)
	// ApplicationByNumber finds an application by its number and the blind
	// index of its applicant's (or aided person's) ID number, together.
	ApplicationByNumber(ctx context.Context, code, idIndex string) (Application, error)
	// LawyerName is a lawyer's name, active or not.
	LawyerName(ctx context.Context, id int64) (string, error)
	Applications(ctx context.Context, f Filter) ([]Application, error)
	// Act locks the application, applies change, and stores the result with
	// its event (and a new objection, if any) in one transaction.
	Act(ctx context.Context, id int64, change func(a *Application) (Event, *Objection, error)) (Application, error)
	Events(ctx context.Context, id int64) ([]Event, error)
	PendingObjections(ctx context.Context, appIDs []int64) (map[int64]Objection, error)
	Objection(ctx context.Context, id int64) (Objection, error)
	// DecideObjection closes a pending objection and moves its application, together.
	DecideObjection(ctx context.Context, id int64, decide func(o *Objection, a *Application) (Event, error)) (Application, error)
	// AddAttachment records a file unless the application's total would pass limit.
	AddAttachment(ctx context.Context, a *Attachment, limit int64) error
	Attachments(ctx context.Context, appID int64) ([]Attachment, error)
	Attachment(ctx context.Context, id int64) (Attachment, error)
	OpenObjections(ctx context.Context) ([]OpenObjection, error)
	Candidates(ctx context.Context) ([]Candidate, error)
	PriorClients(ctx context.Context) ([]PriorClient, error)
	DueWithdrawals(ctx context.Context, today calendar.Date) ([]int64, error)
	// AuditRead records who read personal data (PIPL); AuditReadDetail a
	// read of a list, with the ids shown.
	AuditRead(ctx context.Context, actor int64, object string, id int64) error
	AuditReadDetail(ctx context.Context, actor int64, object string, id int64, detail string) error
}

// Files keeps uploads outside the web root under random names.
type Files interface {
	Save(name string, data []byte) error
	Read(name string) ([]byte, error)
	Remove(name string) error
}

// Viewer is who asks, and in which role.
type Viewer struct {
	ID   int64
	Role string // resident, aid_officer, lawyer, admin
}

// officer reports whether the viewer works at the legal-aid centre. The
// justice bureau's administrators are not officers: they see an application
// only while an objection to it awaits their decision (Art. 49).
func (v Viewer) officer() bool { return v.Role == "aid_officer" }

// Service runs legal aid.
type Service struct {
	Store    Store
	Files    Files
	Box      *pii.Box
	Now      func() time.Time
	MaxFile  int64 // bytes per file
	MaxTotal int64 // bytes per application
	// MinSupplementDays is the shortest deadline a materials notice may set
	// (default MinSupplementDays).
	MinSupplementDays int
	// CentreName and BureauName head the letters: the legal-aid centre
	// decides, the justice bureau that set it up hears objections (Art. 49).
	CentreName, BureauName string
	// Hardship is the provincial economic-hardship standard (Art. 34).
	Hardship Standard
	// Limiter limits the public progress lookups per address.
	Limiter Limiter
}

func (s *Service) today() calendar.Date { return calendar.DateOf(s.Now()) }

var errNoApp = errs.New(errs.NotFound, "未找到该申请", "no such application")

// Get returns an application its applicant, an officer or the assigned
// lawyer may see, with its assigned lawyer's name; ID numbers are masked
// (officers see them in full through RevealID, which is audited).
func (s *Service) Get(ctx context.Context, v Viewer, id int64) (Application, error) {
	a, err := s.load(ctx, v, id)
	if err != nil {
		return Application{}, err
	}
	if v.officer() || v.Role == "admin" {
		// Staff reading another person's application: the read is recorded.
		if err := s.Store.AuditRead(ctx, v.ID, "legal_aid_application", id); err != nil {
			return Application{}, err
		}
	}
	if a.LawyerID != nil {
		if a.LawyerName, err = s.Store.LawyerName(ctx, *a.LawyerID); err != nil {
			return Application{}, err
		}
	}
	return s.reveal(a, v)
}

// load returns an application the viewer may see, still sealed.
func (s *Service) load(ctx context.Context, v Viewer, id int64) (Application, error) {
	a, err := s.Store.Application(ctx, id)
	if errs.Is(err, errs.NotFound) || (err == nil && !s.mayView(v, a)) {
		return Application{}, errNoApp
	}
	return a, err
}

func (s *Service) mayView(v Viewer, a Application) bool {
	switch {
	case v.officer():
		return true
	case v.Role == "admin":
		return a.Status == ObjectionPending
	case v.Role == "lawyer":
		return a.LawyerID != nil && *a.LawyerID == v.ID
	default:
		return a.ApplicantUserID != nil && *a.ApplicantUserID == v.ID
	}
}

// reveal opens the sealed numbers: ID numbers masked for everyone (in full
// only through RevealID), phones for all but officers. A
// number that will not open (a lost or rotated key, a damaged row) is an
// error, never a blank that reads as "no ID number given".
func (s *Service) reveal(a Application, v Viewer) (Application, error) {
	id, err := s.Box.Open(a.IDSealed)
	if err != nil {
		return Application{}, fmt.Errorf("application %d: id number: %w", a.ID, err)
	}
	phone, err := s.Box.Open(a.PhoneSealed)
	if err != nil {
		return Application{}, fmt.Errorf("application %d: phone: %w", a.ID, err)
	}
	aided := ""
	if a.AidedIDSealed != "" {
		if aided, err = s.Box.Open(a.AidedIDSealed); err != nil {
			return Application{}, fmt.Errorf("application %d: aided person's id number: %w", a.ID, err)
		}
	}
	a.Age, a.AidedAge = ageOf(id, s.today()), ageOf(aided, s.today())
	if v.officer() || v.Role == "" {
		if ok, known := s.Hardship.Meets(a.HouseholdSize, a.HouseholdIncome); known && a.Path == Art41 {
			a.MeetsStandard = &ok
		}
	}
	if v.Role != "" { // not on the board
		a.Checklist, a.ChecklistEN = Checklist(a), ChecklistEN(a)
	}
	if due, ok := DecisionDue(a); ok {
		a.DecisionDue = &due
	}
	a.IDNumber, a.Phone = pii.MaskIDNumber(id), pii.MaskPhone(phone)
	if aided != "" {
		a.AidedIDNumber = pii.MaskIDNumber(aided)
	}
	if v.officer() {
		a.Phone = phone // officers call applicants back
		a.Groups = DecodeGroups(a.SpecialGroups)
		return a, nil
	}
	if !v.officer() && v.Role != "" {
		a.Age, a.AidedAge = nil, nil // ages are for the centre's triage
	}
	return a, nil
}

// revealAll reveals a list.
func (s *Service) revealAll(list []Application, v Viewer) error {
	for i := range list {
		a, err := s.reveal(list[i], v)
		if err != nil {
			return err
		}
		list[i] = a
	}
	return nil
}

// Mine lists a resident's applications, or a lawyer's assigned cases.
func (s *Service) Mine(ctx context.Context, v Viewer) ([]Application, error) {
	f := Filter{ApplicantUserID: v.ID}
	if v.Role == "lawyer" {
		f = Filter{LawyerID: v.ID}
	}
	list, err := s.Store.Applications(ctx, f)
	if err != nil {
		return nil, err
	}
	return list, s.revealAll(list, v)
}

// Timeline is an application's events; the applicant sees no staff notes.
func (s *Service) Timeline(ctx context.Context, v Viewer, id int64) ([]Event, error) {
	if _, err := s.load(ctx, v, id); err != nil {
		return nil, err
	}
	events, err := s.Store.Events(ctx, id)
	if !v.officer() {
		for i := range events {
			events[i].StaffNote = ""
		}
	}
	return events, err
}

func newCode(now time.Time) string {
	b := make([]byte, 3)
	rand.Read(b)
	return fmt.Sprintf("FY%s%s", now.In(calendar.Shanghai).Format("060102"), strings.ToUpper(hex.EncodeToString(b)))
}
