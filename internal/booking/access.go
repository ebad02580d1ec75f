package booking

import (
	"context"

	"github.com/legaldesk/legaldesk/internal/errs"
)

// Who may read and change a booking, and the lists built on that rule.

// Viewer is who asks, and in which role.
type Viewer struct {
	ID   int64
	Role string // resident, lawyer or admin
}

// The roles that relate to bookings.
const (
	AsResident = "resident"
	AsLawyer   = "lawyer"
	AsAdmin    = "admin"
)

var errNoBooking = errs.New(errs.NotFound, "未找到该预约", "no such booking")

// mayRead is the access rule: a booking is the business of the resident who
// made it, the lawyer on duty for its slot, and the bureau's administrators,
// who take cancellations and changes by phone (their reads are audited).
// Anyone else is told it does not exist, so ids cannot be probed.
func mayRead(v Viewer, b Booking) bool {
	switch v.Role {
	case AsResident:
		return b.ResidentID == v.ID
	case AsLawyer:
		return b.LawyerID == v.ID
	case AsAdmin:
		return true
	}
	return false
}

// Get returns a booking the viewer may read.
func (s *Service) Get(ctx context.Context, v Viewer, id int64) (Booking, error) {
	b, err := s.Store.Booking(ctx, id)
	if errs.Is(err, errs.NotFound) || (err == nil && !mayRead(v, b)) {
		return Booking{}, errNoBooking
	}
	if err != nil {
		return Booking{}, err
	}
	if v.Role == AsAdmin && b.ResidentID != v.ID {
		// Another person's booking read by staff is recorded (PIPL).
		if err := s.Store.AuditRead(ctx, v.ID, "booking", id); err != nil {
			return Booking{}, err
		}
	}
	return b, nil
}

// getToChange returns a booking the viewer may cancel or move: the resident
// their own, administrators any; the lawyer of the shift reads it only.
func (s *Service) getToChange(ctx context.Context, v Viewer, id int64) (Booking, error) {
	b, err := s.Get(ctx, v, id)
	if err == nil && v.Role != AsResident && v.Role != AsAdmin {
		return Booking{}, errs.New(errs.Forbidden, "只有预约人或管理员可以取消或改约", "only the resident or an administrator may change a booking")
	}
	return b, err
}

// Mine lists a resident's bookings, newest first.
func (s *Service) Mine(ctx context.Context, residentID int64) ([]Booking, error) {
	return s.Store.ResidentBookings(ctx, residentID)
}

// ShiftDay lists the bookings on a shift for its lawyer, or for an
// administrator (audited); anyone else is told the shift does not exist.
func (s *Service) ShiftDay(ctx context.Context, v Viewer, shiftID int64) ([]DayEntry, error) {
	lawyer, err := s.Store.ShiftLawyer(ctx, shiftID)
	if errs.Is(err, errs.NotFound) || (err == nil && v.Role != AsAdmin && (v.Role != AsLawyer || lawyer != v.ID)) {
		return nil, errs.New(errs.NotFound, "未找到该值班", "no such shift")
	}
	if err != nil {
		return nil, err
	}
	if v.Role == AsAdmin {
		if err := s.Store.AuditRead(ctx, v.ID, "shift_bookings", shiftID); err != nil {
			return nil, err
		}
	}
	list, records, err := s.Store.ShiftDay(ctx, shiftID)
	if err != nil {
		return nil, err
	}
	day := make([]DayEntry, len(list))
	for i, b := range list {
		day[i].Booking = b
		if r, ok := records[b.ID]; ok {
			day[i].Record = &r
		}
	}
	return day, nil
}

// Referrals lists a resident's referrals, newest first, so the next
// service's form can start from what the lawyer already wrote.
func (s *Service) Referrals(ctx context.Context, residentID int64, kind string) ([]Referral, error) {
	return s.Store.Referrals(ctx, residentID, kind)
}
