// Package booking is the free consultation booking: availability, the
// rules of booking, hold then confirm, cancel and reschedule, and reminders.
// A hold is advisory; the database's conditional update is the guard that
// makes overbooking impossible. Storage, Redis and HTTP live elsewhere.
package booking

import (
	"context"
	"crypto/rand"
	"math/big"
	"time"

	"github.com/legaldesk/legaldesk/internal/calendar"
)

// Status is where a booking stands.
type Status string

const (
	Confirmed Status = "confirmed"
	Cancelled Status = "cancelled"
	Attended  Status = "attended"
	NoShow    Status = "no_show"
)

// Slot is a bookable period of a duty shift.
type Slot struct {
	ID         int64     `json:"id" db:"id"`
	ShiftID    int64     `json:"shift_id" db:"shift_id"`
	SiteID     int64     `json:"site_id" db:"site_id"`
	LawyerID   int64     `json:"lawyer_id" db:"lawyer_id"`
	Start      time.Time `json:"starts_at" db:"starts_at"`
	End        time.Time `json:"ends_at" db:"ends_at"`
	Capacity   int       `json:"capacity" db:"capacity"`
	Booked     int       `json:"-" db:"booked"`
	Remaining  int       `json:"remaining" db:"-"`
	Bookable   bool      `json:"bookable" db:"-"`
	LawyerName string    `json:"lawyer_name" db:"lawyer_name"`
	// The lawyer's firm and specialties help a resident choose a time.
	LawyerFirm        string `json:"lawyer_firm" db:"lawyer_firm"`
	LawyerSpecialties string `json:"lawyer_specialties" db:"lawyer_specialties"`
	SiteName          string `json:"site_name" db:"site_name"`
	Tier              string `json:"-" db:"tier"`
}

// Booking is a resident's place on a slot.
type Booking struct {
	ID           int64     `json:"id" db:"id"`
	Code         string    `json:"code" db:"code"`
	SlotID       int64     `json:"slot_id" db:"slot_id"`
	SiteID       int64     `json:"site_id" db:"site_id"`
	ResidentID   int64     `json:"-" db:"resident_id"`
	Status       Status    `json:"status" db:"status"`
	Topic        string    `json:"topic" db:"topic"`
	Note         string    `json:"note" db:"note"`
	CancelReason string    `json:"cancel_reason,omitempty" db:"cancel_reason"`
	Start        time.Time `json:"starts_at" db:"starts_at"`
	End          time.Time `json:"ends_at" db:"ends_at"`
	CreatedAt    time.Time `json:"created_at" db:"created_at"`
	SiteName     string    `json:"site_name" db:"site_name"`
	LawyerName   string    `json:"lawyer_name" db:"lawyer_name"`
	LawyerID     int64     `json:"-" db:"lawyer_id"`
	ShiftID      int64     `json:"shift_id" db:"shift_id"`
	Tier         string    `json:"-" db:"tier"` // the site's kind, whose rules apply
	ResidentName string    `json:"-" db:"resident_name"`
}

// Rules are the limits of booking at one kind of site.
type Rules struct {
	MinNotice    time.Duration // book at least this long before the start
	Horizon      time.Duration // and at most this far ahead
	MaxActive    int           // future confirmed bookings per resident
	CancelCutoff time.Duration // residents cancel or move up to this long before
}

// DefaultRules apply where a site kind has none of its own.
var DefaultRules = Rules{MinNotice: 2 * time.Hour, Horizon: 30 * 24 * time.Hour, MaxActive: 3, CancelCutoff: 2 * time.Hour}

// codeAlphabet leaves out 0/O, 1/I/L: codes are read aloud and typed on phones.
const codeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

// NewCode returns an 8-character booking code.
func NewCode() string {
	b := make([]byte, 8)
	max := big.NewInt(int64(len(codeAlphabet)))
	for i := range b {
		n, _ := rand.Int(rand.Reader, max)
		b[i] = codeAlphabet[n.Int64()]
	}
	return string(b)
}

// Confirmation is one confirm, done by the store in one transaction.
type Confirmation struct {
	ResidentID int64
	SlotID     int64
	Topic      string
	Note       string
	Code       string
	// IdemKey and RequestHash make a retried request return the first answer.
	IdemKey     string
	RequestHash string
	// Check sees the slot and the resident's future confirmed bookings
	// inside the transaction, with the resident locked.
	Check func(s Slot, mine []Booking) error
	At    time.Time
	// Notice is the resident's confirmation text, written to the outbox in
	// the same transaction (a transactional outbox): a committed booking
	// always has its notice, a rolled-back one never does.
	Notice func(b Booking) (kind, body string)
}

// Store is what booking needs from storage.
type Store interface {
	// CloseDay records a closing override and cancels the day's bookings
	// at the closed sites in one transaction (see Service.CloseDay).
	CloseDay(ctx context.Context, o *calendar.Override, c DayClose) (Closure, error)
	Slot(ctx context.Context, id int64) (Slot, error)
	Slots(ctx context.Context, siteID int64, from, to time.Time) ([]Slot, error)
	// Confirm returns the booking, and replayed=true when the idempotency
	// key was seen before with the same request.
	Confirm(ctx context.Context, c Confirmation) (b Booking, replayed bool, err error)
	Booking(ctx context.Context, id int64) (Booking, error)
	// Replayed returns the booking an earlier request with this key made
	// (0 if none); the same key with another request is a conflict.
	Replayed(ctx context.Context, residentID int64, key, hash string) (int64, error)
	ResidentBookings(ctx context.Context, residentID int64) ([]Booking, error)
	// ShiftBookings lists the confirmed bookings on the shifts' slots.
	ShiftBookings(ctx context.Context, shiftIDs []int64) ([]Booking, error)
	Cancel(ctx context.Context, id int64, reason string, at time.Time) (Booking, error)
	Reschedule(ctx context.Context, id, slotID int64, check func(s Slot, mine []Booking) error, at time.Time) (Booking, error)
	// SetAttendance marks a confirmed booking attended or no-show.
	SetAttendance(ctx context.Context, id int64, status Status, at time.Time) error
	// Record stores a consultation (and marks its booking attended).
	Record(ctx context.Context, c *Consultation) error
	Rate(ctx context.Context, bookingID int64, score int, comment string, at time.Time) error
	JoinWaitlist(ctx context.Context, w *Waiting) error
	// NextWaiting takes the first waiting resident for a site and day and
	// marks them offered the slot; none is not_found.
	NextWaiting(ctx context.Context, siteID int64, date string, slotID int64, at time.Time) (Waiting, error)
	// LawyerOnDuty reports whether the lawyer has a shift at the site that day.
	LawyerOnDuty(ctx context.Context, lawyerID, siteID int64, date string) (bool, error)
	// DueNotices lists confirmed bookings starting in (from, to] that were
	// booked at least lead before their start and have no notice of kind.
	DueNotices(ctx context.Context, kind string, from, to time.Time, lead time.Duration) ([]Booking, error)
	// MarkNotice records that kind was sent for a booking; false when it
	// already was (another instance got there first).
	MarkNotice(ctx context.Context, bookingID int64, kind string, at time.Time) (bool, error)
	Referrals(ctx context.Context, residentID int64, kind string) ([]Referral, error)
	// ShiftDay lists a shift's bookings that were not cancelled, with the
	// consultation records of those that have one, by booking id.
	ShiftDay(ctx context.Context, shiftID int64) ([]Booking, map[int64]Consultation, error)
	Consultation(ctx context.Context, id int64) (Consultation, error)
	// CorrectConsultation keeps the record's old text and stores the new.
	CorrectConsultation(ctx context.Context, editor int64, c Consultation, at time.Time) error
	// ShiftLawyer is the lawyer on duty for a shift (0 for an open seat).
	ShiftLawyer(ctx context.Context, shiftID int64) (int64, error)
	// AuditRead records that a member of staff read another person's data.
	AuditRead(ctx context.Context, actor int64, object string, id int64) error
}

// Holds keeps advisory holds (Redis, or memory).
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
