// Package mediation is people's mediation (人民调解) under the People's
// Mediation Law (《中华人民共和国人民调解法》, 2011): disputes taken in by
// staff or referred from a lawyer's consultation, their parties (sealed
// personal data), assignment to a mediation committee or a dispatched
// mediation room, the workflow accepted → mediating → resolved / not
// resolved / withdrawn with an immutable history, and the 30-day clock. It
// holds rules and the small Store it needs; SQL and HTTP live elsewhere.
package mediation

import (
	"time"

	"github.com/legaldesk/legaldesk/internal/calendar"
)

// Type is the kind of dispute, as the statistics count them.
type Type string

// Types with their names, in the order forms list them.
var Types = []Type{"neighbour", "family", "labour", "land", "contract", "damages", "other"}

// TypeNames are the Chinese names of the types.
var TypeNames = map[Type]string{
	"neighbour": "邻里纠纷", "family": "婚姻家庭纠纷", "labour": "劳动争议", "land": "土地山林纠纷",
	"contract": "合同纠纷", "damages": "损害赔偿纠纷", "other": "其他纠纷",
}

// Status is where a dispute stands.
type Status string

const (
	Accepted   Status = "accepted"   // taken in, the 30-day clock runs
	Mediating  Status = "mediating"  // a mediator is at work
	Resolved   Status = "resolved"   // an agreement (Arts. 28–31)
	Unresolved Status = "unresolved" // mediation ended without one (Art. 26)
	Withdrawn  Status = "withdrawn"  // a party refused or withdrew (Arts. 17, 23)
)

// Statuses in board order.
var Statuses = []Status{Accepted, Mediating, Resolved, Unresolved, Withdrawn}

// Closed reports a status no step may leave.
func (s Status) Closed() bool { return s == Resolved || s == Unresolved || s == Withdrawn }

// Committee kinds: a village (residents') committee (Art. 8), a township
// (street) committee (Art. 34), a trade or sector committee (Art. 34).
var CommitteeKinds = []string{"village", "township", "trade"}

// Committee is a people's mediation committee.
type Committee struct {
	ID       int64  `json:"id" db:"id"`
	Name     string `json:"name" db:"name"`
	Kind     string `json:"kind" db:"kind"`
	Township string `json:"township" db:"township"`
	SiteID   *int64 `json:"site_id" db:"site_id"`
	Active   bool   `json:"active" db:"active"`
	Sample   bool   `json:"sample" db:"sample"`
}

// Room is a dispatched mediation room (派驻调解室), a site of the network.
type Room struct {
	ID   int64  `json:"id" db:"id"`
	Name string `json:"name" db:"name"`
}

// Party is one side of a dispute. Name, phone and ID number are stored
// sealed; the plain fields are filled, masked or not, for the viewer.
type Party struct {
	Role        string `json:"role" db:"role"` // applicant or respondent
	Name        string `json:"name" db:"-"`
	Phone       string `json:"phone" db:"-"`
	IDNumber    string `json:"id_number" db:"-"`
	NameSealed  string `json:"-" db:"name_sealed"`
	PhoneSealed string `json:"-" db:"phone_sealed"`
	IDSealed    string `json:"-" db:"id_sealed"`
	Position    int    `json:"-" db:"position"`
	DisputeID   int64  `json:"-" db:"dispute_id"`
}

// Dispute is one dispute taken in for mediation.
type Dispute struct {
	ID             int64      `json:"id" db:"id"`
	Number         string     `json:"number" db:"number"`
	Type           Type       `json:"type" db:"type"`
	Summary        string     `json:"summary" db:"summary"`
	Township       string     `json:"township" db:"township"`
	Status         Status     `json:"status" db:"status"`
	Source         string     `json:"source" db:"source"` // staff or consultation
	ConsultationID *int64     `json:"consultation_id" db:"consultation_id"`
	CommitteeID    *int64     `json:"committee_id" db:"committee_id"`
	CommitteeName  string     `json:"committee_name" db:"committee_name"`
	RoomSiteID     *int64     `json:"room_site_id" db:"room_site_id"`
	RoomName       string     `json:"room_name" db:"room_name"`
	AcceptedAt     time.Time  `json:"accepted_at" db:"accepted_at"`
	DueAt          time.Time  `json:"due_at" db:"due_at"`
	ClosedAt       *time.Time `json:"closed_at" db:"closed_at"`
	AgreementDate  string     `json:"agreement_date" db:"agreement_date"`
	Agreement      string     `json:"agreement" db:"agreement"`
	ReferredTo     string     `json:"referred_to" db:"referred_to"`
	CloseNote      string     `json:"close_note" db:"close_note"`
	CreatedBy      int64      `json:"-" db:"created_by"`
	Demo           bool       `json:"demo" db:"demo"`
	CreatedAt      time.Time  `json:"created_at" db:"created_at"`
	UpdatedAt      time.Time  `json:"updated_at" db:"updated_at"`
	Parties        []Party    `json:"parties" db:"-"`
	// Filled for the dispute's page.
	Events []Event  `json:"events,omitempty" db:"-"`
	Origin *Origin  `json:"origin,omitempty" db:"-"`
	Clock  *Clock   `json:"clock,omitempty" db:"-"`
	Notice *Notices `json:"-" db:"-"`
}

// Event is one immutable step of a dispute's history. From equals To for a
// step that does not move the status (an assignment).
type Event struct {
	ID        int64     `json:"id" db:"id"`
	DisputeID int64     `json:"-" db:"dispute_id"`
	ActorID   *int64    `json:"-" db:"actor_id"`
	ActorName string    `json:"actor_name" db:"actor_name"`
	From      string    `json:"from" db:"from_status"`
	To        string    `json:"to" db:"to_status"`
	Note      string    `json:"note" db:"note"`
	At        time.Time `json:"at" db:"at"`
}

// Origin is the consultation a dispute came from (一件事一次办).
type Origin struct {
	ConsultationID int64     `json:"consultation_id" db:"id"`
	Category       string    `json:"category" db:"category"`
	Summary        string    `json:"summary" db:"summary"`
	SiteName       string    `json:"site_name" db:"site_name"`
	Township       string    `json:"township" db:"township"`
	LawyerName     string    `json:"lawyer_name" db:"lawyer_name"`
	At             time.Time `json:"at" db:"created_at"`
}

// Referral is a consultation whose lawyer referred the resident to
// mediation and that no dispute has taken up yet.
type Referral struct {
	Origin
	// Who came: the resident's account name or a walk-in's name as given,
	// and the resident's phone, masked; the sealed phone is carried to the
	// dispute's applicant so that notices reach them.
	PersonName    string `json:"person_name" db:"person_name"`
	Phone         string `json:"phone" db:"-"`
	PhoneSealed   string `json:"-" db:"phone_sealed"`
	SuggestedType Type   `json:"suggested_type" db:"-"`
}

// Notices are the texts a step sends, written in its transaction.
type Notices struct {
	Kind string
	Body string
	// Recipients are the sealed phones with their index and mask.
	Recipients []Recipient
}

// Recipient is one phone a notice goes to.
type Recipient struct {
	Sealed, Index, Masked string
}

// chinaDate is the date of t in China.
func chinaDate(t time.Time) calendar.Date { return calendar.DateOf(t) }
