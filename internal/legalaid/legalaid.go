// Package legalaid is legal aid under the PRC Legal Aid Law (2021): the
// application with its economic-status path, the officers' triage board, the
// statutory clocks, the workflow of immutable events, objections, and the
// lawyer assignment with its conflict check. It holds rules and types only.
package legalaid

import (
	"time"

	"github.com/legaldesk/legaldesk/internal/calendar"
)

// Matter is the kind of case.
type Matter string

const (
	Criminal          Matter = "criminal"
	CivilAdmin        Matter = "civil_admin"        // the items of Art. 31
	LabourArbitration Matter = "labour_arbitration" // Art. 31(5) before arbitration
	StateCompensation Matter = "state_compensation"
	OtherMatter       Matter = "other"
)

// Matters lists the kinds with their names.
var Matters = map[Matter]string{
	Criminal: "刑事案件", CivilAdmin: "民事、行政案件（第三十一条所列事项）", LabourArbitration: "劳动争议仲裁",
	StateCompensation: "国家赔偿", OtherMatter: "其他法律事务",
}

// MandatoryCriminal are the Art. 25 cases where aid is appointed whatever
// the defendant's means.
var MandatoryCriminal = map[string]string{
	"minor":         "未成年人",
	"disabled":      "视力、听力、言语残疾人",
	"mental":        "不能完全辨认自己行为的成年人",
	"life_or_death": "可能被判处无期徒刑、死刑的人",
	"death_review":  "申请法律援助的死刑复核案件被告人",
	"absentia":      "缺席审判案件的被告人",
	// Art. 25(7), and Art. 28's compulsory medical treatment, which the
	// court notifies in the same way.
	"other_by_statute":   "法律法规规定的其他人员",
	"compulsory_medical": "强制医疗案件的被申请人或者被告人（第二十八条）",
}

// Art31Items are the civil and administrative matters of Art. 31.
var Art31Items = map[string]string{
	"state_compensation": "依法请求国家赔偿",
	"social_insurance":   "请求给予社会保险待遇或者社会救助",
	"pension":            "请求发给抚恤金",
	"support":            "请求给付赡养费、抚养费、扶养费",
	"labour_pay":         "请求确认劳动关系或者支付劳动报酬",
	"admin_permit":       "请求认定公民无民事行为能力或者限制民事行为能力",
	"injury":             "请求工伤事故、交通事故、食品药品安全事故、医疗事故人身损害赔偿",
	"environment":        "请求环境污染、生态破坏损害赔偿",
	"other_by_statute":   "法律、法规、规章规定的其他情形",
}

// Path is how economic status is shown.
type Path string

const (
	Art32  Path = "art32_no_hardship" // no hardship condition
	Art42  Path = "art42_exempt"      // exempt from the hardship check
	Art41  Path = "art41_pledge"      // integrity pledge (告知承诺)
	Proofs Path = "proof_documents"   // proof of economic hardship
)

// Status is where an application stands.
type Status string

const (
	Received           Status = "received"            // complete: the decision clock runs
	MaterialsRequested Status = "materials_requested" // the clock waits for the supplement
	Withdrawn          Status = "withdrawn"
	DeemedWithdrawn    Status = "deemed_withdrawn"
	Approved           Status = "approved"
	Refused            Status = "refused"
	Assigned           Status = "assigned"
	Closed             Status = "closed"
	Terminated         Status = "terminated"
	ObjectionPending   Status = "objection_pending"
)

// Relation says for whom the application is made.
type Relation string

const (
	Self                Relation = "self"
	LegalRepresentative Relation = "legal_representative"
	CloseRelative       Relation = "close_relative"
)

// Application is one request for legal aid. ID number and phone are kept
// sealed; the plain fields are filled for those who may see them.
type Application struct {
	ID              int64  `json:"id" db:"id"`
	Code            string `json:"code" db:"code"`
	ApplicantUserID *int64 `json:"-" db:"applicant_user_id"`
	EnteredBy       int64  `json:"-" db:"entered_by"` // an officer for walk-ins, else the resident
	Name            string `json:"name" db:"name"`
	IDNumber        string `json:"id_number" db:"-"` // masked; in full through RevealID
	Phone           string `json:"phone" db:"-"`
	IDSealed        string `json:"-" db:"id_sealed"`
	IDIndex         string `json:"-" db:"id_index"`
	PhoneSealed     string `json:"-" db:"phone_sealed"`
	PhoneIndex      string `json:"-" db:"phone_index"`
	// The aided person's ID number, on an application on their behalf.
	AidedIDNumber string `json:"aided_id_number,omitempty" db:"-"`
	AidedIDSealed string `json:"-" db:"aided_id_sealed"`
	AidedIDIndex  string `json:"-" db:"aided_id_index"`
	// Age and AidedAge come from the ID numbers, for officers (minors and
	// people of 60 and over are priority groups).
	Age              *int           `json:"age,omitempty" db:"-"`
	AidedAge         *int           `json:"aided_age,omitempty" db:"-"`
	Address          string         `json:"address" db:"address"`
	Township         string         `json:"township" db:"township"`
	Relation         Relation       `json:"relation" db:"relation"`
	RepresentedName  string         `json:"represented_name,omitempty" db:"represented_name"`
	Matter           Matter         `json:"matter" db:"matter"`
	CriminalCategory string         `json:"criminal_category,omitempty" db:"criminal_category"`
	Art31Item        string         `json:"art31_item,omitempty" db:"art31_item"`
	Mandatory        bool           `json:"mandatory" db:"mandatory"`
	OpposingParty    string         `json:"opposing_party" db:"opposing_party"`
	Summary          string         `json:"summary" db:"summary"`
	LimitationDate   *calendar.Date `json:"limitation_date" db:"limitation_date"`
	UrgentPreserve   bool           `json:"urgent_preservation" db:"urgent_preserve"`
	Path             Path           `json:"path,omitempty" db:"path"`     // none for a notified defence
	PathDetail       string         `json:"path_detail" db:"path_detail"` // the Art. 32 ground or Art. 42 group
	// The Art. 41 economic statement behind the pledge.
	HouseholdSize   int    `json:"household_size,omitempty" db:"household_size"`
	HouseholdIncome int    `json:"household_income,omitempty" db:"household_income"` // yuan a month
	NotableAssets   string `json:"notable_assets,omitempty" db:"notable_assets"`
	// MeetsStandard: whether the statement meets the provincial hardship
	// standard (Art. 34), for officers.
	MeetsStandard     *bool          `json:"meets_standard,omitempty" db:"-"`
	Veteran           bool           `json:"veteran" db:"veteran"`
	PledgeVersion     string         `json:"pledge_version,omitempty" db:"pledge_version"`
	PledgeSignedName  string         `json:"pledge_signed_name,omitempty" db:"pledge_signed_name"`
	SensitiveConsent  bool           `json:"sensitive_consent" db:"sensitive_consent"`
	Status            Status         `json:"status" db:"status"`
	CompleteAt        *time.Time     `json:"complete_at" db:"complete_at"` // the decision clock starts here
	SupplementBy      *calendar.Date `json:"supplement_by" db:"supplement_by"`
	MissingMaterials  string         `json:"missing_materials" db:"missing_materials"` // the one notice's list
	DecidedAt         *time.Time     `json:"decided_at" db:"decided_at"`
	DecisionReason    string         `json:"decision_reason,omitempty" db:"decision_reason"`
	LawyerID          *int64         `json:"lawyer_id" db:"lawyer_id"`
	Result            string         `json:"result,omitempty" db:"result"`
	ConflictOverride  string         `json:"conflict_override,omitempty" db:"conflict_override"`
	TerminationGround string         `json:"termination_ground,omitempty" db:"termination_ground"`
	// A notified defence (Arts. 25, 28, 36): who notified, their case
	// number and the notice's date. Applications have origin "application".
	Origin       Origin         `json:"origin" db:"origin"`
	NoticeOrgan  string         `json:"notice_organ,omitempty" db:"notice_organ"`
	NoticeCaseNo string         `json:"notice_case_no,omitempty" db:"notice_case_no"`
	NoticeDate   *calendar.Date `json:"notice_date,omitempty" db:"notice_date"`
	// The Art. 43 materials notice pauses the review period: when it went
	// out, when the first material came in after it, whether uploads wait
	// for an officer's look, and the days paused so far.
	MaterialsNoticeAt   *time.Time `json:"materials_notice_at" db:"materials_notice_at"`
	MaterialsReceivedAt *time.Time `json:"materials_received_at" db:"materials_received_at"`
	MaterialsToCheck    bool       `json:"materials_to_check" db:"materials_to_check"`
	PausedDays          int        `json:"paused_days" db:"paused_days"`
	// ObjectionDecided: the bureau decided an objection to the current
	// decision, which is then final in the system (Art. 49).
	ObjectionDecided bool   `json:"objection_decided" db:"objection_decided"`
	TerminatedFrom   Status `json:"-" db:"terminated_from"`
	// Advance aid (Art. 44): the ground, the reason and when it was given.
	AdvanceGround string     `json:"advance_ground,omitempty" db:"advance_ground"`
	AdvanceReason string     `json:"advance_reason,omitempty" db:"advance_reason"`
	AdvanceAt     *time.Time `json:"advance_at,omitempty" db:"advance_at"`
	// An Art. 48 ground the assigned lawyer reported (Art. 48 ¶2).
	ReportedGround string `json:"reported_ground,omitempty" db:"reported_ground"`
	ReportedReason string `json:"reported_reason,omitempty" db:"reported_reason"`
	// The special groups of the person aided, framed (",minor,"): derived
	// at submission, confirmed by an officer (who, when). Groups is the list
	// officers see.
	SpecialGroups     string     `json:"-" db:"special_groups"`
	Groups            []string   `json:"special_groups,omitempty" db:"-"`
	GroupsConfirmedBy *int64     `json:"-" db:"groups_confirmed_by"`
	GroupsConfirmedAt *time.Time `json:"groups_confirmed_at,omitempty" db:"groups_confirmed_at"`
	CreatedAt         time.Time  `json:"created_at" db:"created_at"`
	UpdatedAt         time.Time  `json:"updated_at" db:"updated_at"`

	// Shown, not stored: the Art. 43 decision date the service computes,
	// the materials for the path and matter, and the assigned lawyer's name.
	DecisionDue *calendar.Date `json:"decision_due,omitempty" db:"-"`
	Checklist   []string       `json:"checklist,omitempty" db:"-"`
	ChecklistEN []string       `json:"checklist_en,omitempty" db:"-"` // the same items in English
	LawyerName  string         `json:"lawyer_name,omitempty" db:"-"`
}

// Origin is how a case reached the centre.
type Origin string

const (
	Applied  Origin = "application" // an application (online or at the window)
	Notified Origin = "notified"    // a notice from a court, procuratorate or public-security organ
)

// Event is one immutable step of an application's history.
type Event struct {
	ID        int64     `json:"id" db:"id"`
	AppID     int64     `json:"-" db:"application_id"`
	Actor     int64     `json:"-" db:"actor"`
	ActorRole string    `json:"actor_role" db:"actor_role"`
	From      Status    `json:"from" db:"from_status"`
	To        Status    `json:"to" db:"to_status"`
	Action    string    `json:"action" db:"action"`
	Reason    string    `json:"reason" db:"reason"`
	StaffNote string    `json:"staff_note,omitempty" db:"staff_note"` // never shown to the applicant
	At        time.Time `json:"at" db:"at"`
	// Notice is an SMS to the applicant written with the event, in its
	// transaction (a transactional outbox).
	Notice *Notice `json:"-" db:"-"`
}

// Notice is a text message to an application's phone.
type Notice struct {
	Kind, Body                                       string
	RecipientSealed, RecipientIndex, RecipientMasked string
}

// Attachment is an uploaded file's record; the file lives outside the web root.
type Attachment struct {
	ID        int64     `json:"id" db:"id"`
	AppID     int64     `json:"application_id" db:"application_id"`
	Name      string    `json:"name" db:"name"`
	Type      string    `json:"content_type" db:"content_type"`
	Size      int64     `json:"size" db:"size"`
	Stored    string    `json:"-" db:"stored_name"`
	Uploaded  int64     `json:"-" db:"uploaded_by"`
	CreatedAt time.Time `json:"created_at" db:"created_at"`
}

// Objection is an applicant's objection to a refusal or a termination,
// decided by the justice bureau within five days (Art. 49).
type Objection struct {
	ID         int64      `json:"id" db:"id"`
	AppID      int64      `json:"application_id" db:"application_id"`
	FromState  Status     `json:"from_status" db:"from_status"`
	Reason     string     `json:"reason" db:"reason"`
	Status     string     `json:"status" db:"status"`     // pending, upheld, overturned
	Objector   string     `json:"objector" db:"objector"` // applicant or aided_person (Art. 49)
	Channel    string     `json:"channel" db:"channel"`   // online, or window (handed in on paper)
	RecordedBy *int64     `json:"-" db:"recorded_by"`
	FiledAt    time.Time  `json:"filed_at" db:"filed_at"`
	DecidedAt  *time.Time `json:"decided_at" db:"decided_at"`
	Decision   string     `json:"decision_reason" db:"decision_reason"`
}

// OpenObjection is a pending objection with what the bureau reads first.
type OpenObjection struct {
	Objection
	Code          string `db:"code" json:"code"`
	Name          string `db:"name" json:"name"`
	DecidedReason string `db:"decided_reason" json:"decided_reason"`
	// Due is the last day of the bureau's five days (Art. 49).
	Due     calendar.Date `db:"-" json:"due"`
	Overdue bool          `db:"-" json:"overdue"`
}
