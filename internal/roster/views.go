package roster

import (
	"context"
	"time"

	"github.com/legaldesk/legaldesk/internal/calendar"
)

// ShiftChange is one line of a shift's history.
type ShiftChange struct {
	ShiftID    int64     `db:"shift_id" json:"shift_id"`
	FromLawyer *int64    `db:"from_lawyer" json:"from_lawyer_id"`
	ToLawyer   *int64    `db:"to_lawyer" json:"to_lawyer_id"`
	Reason     string    `db:"reason" json:"reason"`
	Actor      *int64    `db:"actor" json:"actor_id"`
	At         time.Time `db:"at" json:"at"`
}

// ShiftView is a shift with the names people read.
type ShiftView struct {
	Shift
	SiteName    string `json:"site_name"`
	SiteAddress string `json:"site_address"`
	Township    string `json:"township"`
	LawyerName  string `json:"lawyer_name"`
}

// LawyerProfile is a lawyer as administrators see one.
type LawyerProfile struct {
	ID            int64         `db:"id" json:"id"`
	Name          string        `db:"name" json:"name"`
	Firm          string        `db:"firm" json:"firm"`
	LicensedSince calendar.Date `db:"licensed_since" json:"licensed_since"`
	Specialties   string        `db:"specialties" json:"specialties"`
	HomeTownship  string        `db:"home_township" json:"home_township"`
	Active        bool          `db:"active" json:"active"`
}

// ShiftsChanged is told of every change to the published roster, with the
// booked shifts whose lawyer changed, so that availability is read again
// and those residents hear of it (booking implements it).
type ShiftsChanged interface {
	ShiftsChanged(ctx context.Context, shiftIDs []int64)
}

// DutyRules lists the duty rules, of some sites or all.
func (s *Service) DutyRules(ctx context.Context, siteIDs []int64) ([]Rule, error) {
	return s.Store.DutyRules(ctx, siteIDs)
}

// CreateDutyRule stores a new rule (one active rule per site and period).
func (s *Service) CreateDutyRule(ctx context.Context, actor int64, r *Rule) error {
	return s.Store.CreateDutyRule(ctx, actor, r)
}

// UpdateDutyRule applies change to a rule inside the store's transaction.
func (s *Service) UpdateDutyRule(ctx context.Context, actor, id int64, change func(*Rule) error) (Rule, error) {
	return s.Store.UpdateDutyRule(ctx, actor, id, change)
}

// LawyerProfiles lists every lawyer as administrators see one.
func (s *Service) LawyerProfiles(ctx context.Context) ([]LawyerProfile, error) {
	return s.Store.LawyerProfiles(ctx)
}

// Pool lists the lawyers who may serve at a site.
func (s *Service) Pool(ctx context.Context, siteID int64) ([]int64, error) {
	pools, err := s.Store.Pools(ctx)
	if err != nil {
		return nil, err
	}
	if pools[siteID] == nil {
		return []int64{}, nil
	}
	return pools[siteID], nil
}

// SetPool replaces a site's pool.
func (s *Service) SetPool(ctx context.Context, actor, siteID int64, lawyers []int64) error {
	return s.Store.SetPool(ctx, actor, siteID, lawyers)
}

// ShiftViews lists published shifts with the names people read.
func (s *Service) ShiftViews(ctx context.Context, f ShiftFilter) ([]ShiftView, error) {
	return s.Store.ShiftViews(ctx, f)
}

// ShiftChanges is a shift's history, oldest first.
func (s *Service) ShiftChanges(ctx context.Context, shiftID int64) ([]ShiftChange, error) {
	return s.Store.ShiftChanges(ctx, shiftID)
}

// Swaps lists a lawyer's swaps, or every swap for an administrator (0).
func (s *Service) Swaps(ctx context.Context, lawyerID int64) ([]Swap, error) {
	return s.Store.Swaps(ctx, lawyerID)
}

// Names gives the site and lawyer names a roster grid shows.
func (s *Service) Names(ctx context.Context) (sites, lawyers map[int64]string, err error) {
	rs, err := s.Store.RosterSites(ctx)
	if err != nil {
		return nil, nil, err
	}
	ls, err := s.Store.Lawyers(ctx)
	if err != nil {
		return nil, nil, err
	}
	sites, lawyers = make(map[int64]string, len(rs)), make(map[int64]string, len(ls))
	for id, site := range rs {
		sites[id] = site.Name
	}
	for id, l := range ls {
		lawyers[id] = l.Name
	}
	return sites, lawyers, nil
}

// ShiftOf returns a shift its lawyer asks about; an administrator (admin)
// may read any. Anyone else is told it does not exist.
func (s *Service) ShiftOf(ctx context.Context, lawyerID int64, admin bool, shiftID int64) (Shift, error) {
	sh, err := s.Store.Shift(ctx, shiftID)
	if err == nil && !admin && sh.LawyerID != lawyerID {
		return Shift{}, errNoShift
	}
	return sh, err
}

// shiftsChanged reports a change to the published roster, with the booked
// shifts whose lawyer changed (none, for a publish that moved nobody).
func (s *Service) shiftsChanged(ctx context.Context, ids []int64) {
	if s.Notify != nil {
		s.Notify.ShiftsChanged(ctx, ids)
	}
}
