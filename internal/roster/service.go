package roster

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/pii"
)

// ShiftFilter selects published shifts; zero values select everything.
type ShiftFilter struct {
	SiteIDs  []int64
	LawyerID int64
	From, To calendar.Date
	// Unfilled selects only seats without a lawyer.
	Unfilled bool
}

// Plan is a roster to publish for some sites over a period.
type Plan struct {
	From, To calendar.Date
	SiteIDs  []int64
	// Shifts include unfilled seats (LawyerID 0), published as gaps.
	Shifts []Shift
}

// PublishReport says what publishing changed.
type PublishReport struct {
	Created    int `json:"created"`
	Updated    int `json:"updated"`
	Removed    int `json:"removed"`
	KeptBooked int `json:"kept_booked"`
	// ChangedBooked are booked shifts whose lawyer changed: their residents
	// are told.
	ChangedBooked []int64 `json:"changed_booked_shift_ids"`
}

// Move gives a shift to another lawyer (To 0 leaves it unfilled).
type Move struct {
	ShiftID  int64  `json:"shift_id"`
	From     int64  `json:"from_lawyer_id"`
	To       int64  `json:"to_lawyer_id"`
	Reason   string `json:"reason"`
	Unfilled string `json:"unfilled_reason,omitempty"`
}

// Leave is a lawyer's absence.
type Leave struct {
	ID       int64         `json:"id"`
	LawyerID int64         `json:"lawyer_id"`
	From     calendar.Date `json:"from"`
	To       calendar.Date `json:"to"`
	Reason   string        `json:"reason"`
}

// Swap is a proposal to hand a shift to a colleague.
type Swap struct {
	ID         int64      `json:"id" db:"id"`
	ShiftID    int64      `json:"shift_id" db:"shift_id"`
	FromLawyer int64      `json:"from_lawyer_id" db:"from_lawyer"`
	ToLawyer   int64      `json:"to_lawyer_id" db:"to_lawyer"`
	Status     string     `json:"status" db:"status"` // proposed, accepted, declined
	CreatedAt  time.Time  `json:"created_at" db:"created_at"`
	DecidedAt  *time.Time `json:"decided_at" db:"decided_at"`
}

// Store is what rosters need from storage.
type Store interface {
	calendar.Store
	DutyRules(ctx context.Context, siteIDs []int64) ([]Rule, error)
	DutyRule(ctx context.Context, id int64) (Rule, error)
	CreateDutyRule(ctx context.Context, actor int64, r *Rule) error
	UpdateDutyRule(ctx context.Context, actor, id int64, change func(*Rule) error) (Rule, error)
	RosterSites(ctx context.Context) (map[int64]Site, error)
	Pools(ctx context.Context) (map[int64][]int64, error)
	SetPool(ctx context.Context, actor, siteID int64, lawyers []int64) error
	Lawyers(ctx context.Context) (map[int64]Lawyer, error)
	Absences(ctx context.Context, from, to calendar.Date) ([]Absence, error)
	Shifts(ctx context.Context, f ShiftFilter) ([]Shift, error)
	Shift(ctx context.Context, id int64) (Shift, error)
	Publish(ctx context.Context, actor int64, p Plan) (PublishReport, error)
	// Published is the plan's sites' shifts in its period, with the places
	// booked on each.
	Published(ctx context.Context, p Plan) ([]Shift, map[int64]int, error)
	// ApplyLeave records the leave and its moves in one transaction; a move
	// whose shift changed hands meanwhile is a conflict.
	ApplyLeave(ctx context.Context, actor int64, l *Leave, moves []Move) error
	CreateSwap(ctx context.Context, s *Swap) error
	Swap(ctx context.Context, id int64) (Swap, error)
	Swaps(ctx context.Context, lawyerID int64) ([]Swap, error)
	// DecideSwap closes a proposed swap and, when accepted, applies the move.
	DecideSwap(ctx context.Context, actor, id int64, status string, move *Move) error
	LawyerProfiles(ctx context.Context) ([]LawyerProfile, error)
	ShiftViews(ctx context.Context, f ShiftFilter) ([]ShiftView, error)
	ShiftChanges(ctx context.Context, shiftID int64) ([]ShiftChange, error)
	FeedStore
}

// Service runs previews, publishing, leave and swaps.
type Service struct {
	Store Store
	Now   func() time.Time
	// WeeklyCap is the most shifts a lawyer takes in a week (0: none).
	WeeklyCap int
	// SwapNotice is how long before a shift a swap must be proposed.
	SwapNotice time.Duration
	// MaxDays bounds a preview's period.
	MaxDays int
	// Notify tells residents when their booked shift's lawyer changes.
	Notify ShiftsChanged
	// Box seals calendar-feed tokens at rest.
	Box *pii.Box
}

// Preview proposes a roster for the sites (every site with a rule when
// none are given) from..to, without saving it.
func (s *Service) Preview(ctx context.Context, from, to calendar.Date, siteIDs []int64) (Result, []int64, error) {
	if err := s.checkPeriod(from, to); err != nil {
		return Result{}, nil, err
	}
	rules, err := s.activeRules(ctx, siteIDs)
	if err != nil {
		return Result{}, nil, err
	}
	cal, err := calendar.Load(ctx, s.Store, from.AddDays(-maxMove), to)
	if err != nil {
		return Result{}, nil, err
	}
	in, sites, err := s.input(ctx, from.AddDays(-7), to.AddDays(7))
	if err != nil {
		return Result{}, nil, err
	}
	covered := siteIDs
	if len(covered) == 0 {
		covered = sites
	}
	for _, r := range rules {
		ds, err := r.Expand(cal, from, to)
		if err != nil {
			return Result{}, nil, err
		}
		in.Demands = append(in.Demands, ds...)
	}
	// Shifts kept as they are: other sites, and days around the period.
	// The published shifts being redone keep their lawyers where fair.
	in.Incumbents = map[Place]int64{}
	in.Fixed = slices.DeleteFunc(in.Fixed, func(sh Shift) bool {
		redo := sh.Date.In(from, to) && slices.Contains(covered, sh.SiteID)
		if redo && sh.LawyerID != 0 {
			in.Incumbents[sh.PlaceOf()] = sh.LawyerID
		}
		return redo
	})
	return Generate(in), covered, nil
}

func (s *Service) checkPeriod(from, to calendar.Date) error {
	f := errs.Fields{}
	if from.IsZero() {
		f.Add("from", "请填写开始日期（YYYY-MM-DD）", "from is required (YYYY-MM-DD)")
	}
	if to.IsZero() {
		f.Add("to", "请填写结束日期（YYYY-MM-DD）", "to is required (YYYY-MM-DD)")
	}
	// Zero means absent; the API refuses year 1 before it gets here, and
	// other callers are held to the same years.
	fromOK := from.IsZero() || calendar.CheckYear("from", from, f)
	toOK := to.IsZero() || calendar.CheckYear("to", to, f)
	if fromOK && toOK && !from.IsZero() && !to.IsZero() {
		if to.Before(from) {
			f.Add("to", "结束日期不能早于开始日期", "to is before from")
		} else if from.DaysUntil(to) >= s.MaxDays {
			f.Add("to", fmt.Sprintf("一次最多排班 %d 天", s.MaxDays), fmt.Sprintf("at most %d days at a time", s.MaxDays))
		}
	}
	return f.Err()
}

func (s *Service) activeRules(ctx context.Context, siteIDs []int64) ([]Rule, error) {
	rules, err := s.Store.DutyRules(ctx, siteIDs)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(rules, func(r Rule) bool { return !r.Active }), nil
}

// input loads pools, lawyers, sites, absences and the published shifts of
// a window; it returns the ids of the sites that have rules.
func (s *Service) input(ctx context.Context, from, to calendar.Date) (Input, []int64, error) {
	var in Input
	var err error
	if in.Sites, err = s.Store.RosterSites(ctx); err != nil {
		return in, nil, err
	}
	if in.Pools, err = s.Store.Pools(ctx); err != nil {
		return in, nil, err
	}
	if in.Lawyers, err = s.Store.Lawyers(ctx); err != nil {
		return in, nil, err
	}
	if in.Absences, err = s.Store.Absences(ctx, from, to); err != nil {
		return in, nil, err
	}
	if in.Fixed, err = s.Store.Shifts(ctx, ShiftFilter{From: from, To: to}); err != nil {
		return in, nil, err
	}
	rules, err := s.activeRules(ctx, nil)
	if err != nil {
		return in, nil, err
	}
	var sites []int64
	for _, r := range rules {
		if !slices.Contains(sites, r.SiteID) {
			sites = append(sites, r.SiteID)
		}
	}
	in.WeeklyCap = s.WeeklyCap
	return in, sites, nil
}

// Publish generates and saves the roster in one transaction. Booked slots
// keep their time; a booked shift whose lawyer changes is reported.
func (s *Service) Publish(ctx context.Context, actor int64, from, to calendar.Date, siteIDs []int64) (Result, PublishReport, error) {
	res, covered, err := s.Preview(ctx, from, to, siteIDs)
	if err != nil {
		return res, PublishReport{}, err
	}
	rep, err := s.Store.Publish(ctx, actor, planOf(res, from, to, covered))
	if err == nil {
		s.shiftsChanged(ctx, rep.ChangedBooked)
	}
	return res, rep, err
}

// planOf is what publishing a previewed roster writes: its shifts, and its
// unfilled places as shifts without a lawyer.
func planOf(res Result, from, to calendar.Date, covered []int64) Plan {
	plan := Plan{From: from, To: to, SiteIDs: covered, Shifts: slices.Clone(res.Shifts)}
	for _, u := range res.Unfilled {
		plan.Shifts = append(plan.Shifts, u.Shift)
	}
	return plan
}

// PreviewChanges is Preview with the list of what publishing it would
// change in the published roster, for the administrator to read first.
func (s *Service) PreviewChanges(ctx context.Context, from, to calendar.Date, siteIDs []int64) (Result, []Change, error) {
	res, covered, err := s.Preview(ctx, from, to, siteIDs)
	if err != nil {
		return res, nil, err
	}
	plan := planOf(res, from, to, covered)
	published, booked, err := s.Store.Published(ctx, plan)
	if err != nil {
		return res, nil, err
	}
	return res, Changes(published, booked, plan.Shifts), nil
}
