package mediation

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/pii"
)

// Store is what mediation needs from storage.
type Store interface {
	// MediationCommittees lists the active committees, or all of them.
	MediationCommittees(ctx context.Context, all bool) ([]Committee, error)
	MediationCommittee(ctx context.Context, id int64) (Committee, error)
	// AddMediationCommittee and UpdateMediationCommittee write a
	// committee and its audit line together.
	AddMediationCommittee(ctx context.Context, c *Committee, actor int64) error
	UpdateMediationCommittee(ctx context.Context, c Committee, actor int64) error
	MediationRooms(ctx context.Context) ([]Room, error)
	MediationRoom(ctx context.Context, id int64) (Room, error)
	// KnownTownship reports whether a site of the network lies in it.
	KnownTownship(ctx context.Context, name string) (bool, error)
	// MediationReferrals lists consultations referred to mediation that
	// no dispute has taken up, newest first; MediationReferral is one of
	// them (not_found when it is not a referral or was taken up).
	MediationReferrals(ctx context.Context) ([]Referral, error)
	MediationReferral(ctx context.Context, consultationID int64) (Referral, error)
	// CreateDispute inserts the dispute, its parties and its first events
	// in one transaction (UNIQUE consultation_id: one dispute each).
	CreateDispute(ctx context.Context, d *Dispute, events []Event) error
	Dispute(ctx context.Context, id int64) (Dispute, error)
	DisputeEvents(ctx context.Context, id int64) ([]Event, error)
	DisputeOrigin(ctx context.Context, consultationID int64) (Origin, error)
	// ActOnDispute locks the dispute, lets step change it and returns the
	// event, then writes the dispute, the event and any notices together.
	ActOnDispute(ctx context.Context, id int64, step func(d *Dispute) (Event, error)) (Dispute, error)
	Disputes(ctx context.Context, f Filter) ([]Dispute, error)
	DisputeCounts(ctx context.Context, township string) (map[Status]int, error)
	AuditRead(ctx context.Context, actor int64, object string, id int64) error
	AuditReadDetail(ctx context.Context, actor int64, object string, id int64, detail string) error
}

// Filter selects disputes for the board.
type Filter struct {
	Statuses []Status
	Township string
	Limit    int
}

// Service runs people's mediation.
type Service struct {
	Store Store
	Box   *pii.Box
	Now   func() time.Time
}

// Viewer is who asks: a mediator (人民调解员) works the disputes; the
// administrator (the justice bureau) reads them.
type Viewer struct {
	ID   int64
	Role string
}

func (v Viewer) mediator() bool { return v.Role == "mediator" }
func (v Viewer) staff() bool    { return v.Role == "mediator" || v.Role == "admin" }

var (
	errNoDispute = errs.New(errs.NotFound, "纠纷不存在", "no such dispute")
	// ErrTaken: the consultation already has its dispute.
	ErrTaken = errs.New(errs.Conflict, "该咨询已转入调解", "this consultation already has its dispute")
	// ErrMediatorsOnly: only mediators take disputes in and act on them.
	ErrMediatorsOnly = errs.New(errs.Forbidden, "仅人民调解员可以办理", "mediators only")
)

func (s *Service) today() calendar.Date { return chinaDate(s.Now()) }

// Get returns a dispute with its parties, history, origin and clock. The
// read is audited; only a mediator sees the parties' names and numbers in
// full, the bureau sees them masked.
func (s *Service) Get(ctx context.Context, v Viewer, id int64) (Dispute, error) {
	if !v.staff() {
		return Dispute{}, errNoDispute
	}
	d, err := s.Store.Dispute(ctx, id)
	if errs.Is(err, errs.NotFound) {
		return Dispute{}, errNoDispute
	}
	if err != nil {
		return Dispute{}, err
	}
	if err := s.Store.AuditRead(ctx, v.ID, "dispute", id); err != nil {
		return Dispute{}, err
	}
	if d.Events, err = s.Store.DisputeEvents(ctx, id); err != nil {
		return Dispute{}, err
	}
	if d.ConsultationID != nil {
		o, err := s.Store.DisputeOrigin(ctx, *d.ConsultationID)
		if err != nil {
			return Dispute{}, err
		}
		o.At = o.At.In(calendar.Shanghai)
		d.Origin = &o
	}
	s.reveal(&d, v.mediator())
	d.Clock = ClockOf(d, s.today())
	return d, nil
}

// reveal opens the parties' sealed fields: in full for a mediator on the
// dispute's page, masked otherwise.
func (s *Service) reveal(d *Dispute, full bool) {
	for i := range d.Parties {
		p := &d.Parties[i]
		p.Name, p.Phone, p.IDNumber = s.open(p.NameSealed), s.open(p.PhoneSealed), s.open(p.IDSealed)
		if !full {
			p.Name, p.Phone, p.IDNumber = MaskName(p.Name), maskOrEmpty(p.Phone, pii.MaskPhone), maskOrEmpty(p.IDNumber, pii.MaskIDNumber)
		} else if p.IDNumber != "" {
			p.IDNumber = pii.MaskIDNumber(p.IDNumber) // ID numbers stay masked on screen
		}
	}
}

func (s *Service) open(sealed string) string {
	if sealed == "" || s.Box == nil {
		return ""
	}
	v, err := s.Box.Open(sealed)
	if err != nil {
		return ""
	}
	return v
}

func maskOrEmpty(v string, mask func(string) string) string {
	if v == "" {
		return ""
	}
	return mask(v)
}

// MaskName keeps a name's first character: 张**. A company's name is long
// and public, and is kept whole past ten characters.
func MaskName(name string) string {
	n := utf8.RuneCountInString(name)
	switch {
	case n == 0:
		return ""
	case n > 10:
		return name
	}
	r := []rune(name)
	return string(r[0]) + strings.Repeat("*", n-1)
}

// Committees lists the committees and the dispatched rooms a dispute may
// be assigned to; the bureau may ask for retired committees too.
func (s *Service) Committees(ctx context.Context, v Viewer, all bool) ([]Committee, []Room, error) {
	if !v.staff() {
		return nil, nil, ErrMediatorsOnly
	}
	cs, err := s.Store.MediationCommittees(ctx, all && v.Role == "admin")
	if err != nil {
		return nil, nil, err
	}
	rooms, err := s.Store.MediationRooms(ctx)
	return cs, rooms, err
}

// Referrals lists the consultations a lawyer referred to mediation that
// wait to be taken in. The read is audited (they name residents).
func (s *Service) Referrals(ctx context.Context, v Viewer) ([]Referral, error) {
	if !v.mediator() {
		return nil, ErrMediatorsOnly
	}
	list, err := s.Store.MediationReferrals(ctx)
	if err != nil {
		return nil, err
	}
	if err := s.Store.AuditReadDetail(ctx, v.ID, "mediation_referrals", 0, ""); err != nil {
		return nil, err
	}
	for i := range list {
		s.shape(&list[i])
	}
	return list, nil
}

func (s *Service) shape(r *Referral) {
	r.Phone = maskOrEmpty(s.open(r.PhoneSealed), pii.MaskPhone)
	r.SuggestedType = TypeOfCategory(r.Category)
	r.At = r.At.In(calendar.Shanghai)
}

// TypeOfCategory suggests a dispute type for a consultation's category.
func TypeOfCategory(category string) Type {
	switch category {
	case "婚姻家庭", "继承":
		return "family"
	case "劳动争议":
		return "labour"
	case "土地承包", "房屋宅基地":
		return "land"
	case "合同纠纷", "民间借贷", "消费者权益":
		return "contract"
	case "交通事故", "人身损害":
		return "damages"
	}
	return "other"
}
