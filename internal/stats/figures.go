package stats

// Summary is a period's figures. Sections a viewer may not see are absent.
type Summary struct {
	Period        Period         `json:"period"`
	Consultations *Consultations `json:"consultations,omitempty"`
	LegalAid      *LegalAid      `json:"legal_aid"`
	Notary        *Notary        `json:"notary,omitempty"`
	Advisors      *Advisors      `json:"advisors,omitempty"`
	Disputes      *Disputes      `json:"disputes,omitempty"`
	// IncludesDemo: some counted rows are the demo history's.
	IncludesDemo bool `json:"includes_demo"`
}

// Consultations are the duty lawyers' free consultations. Bookings count by
// their appointment's time; walk-ins by when they were recorded; ratings by
// their booking's appointment.
type Consultations struct {
	Booked          int      `json:"booked" db:"booked"` // not cancelled
	Attended        int      `json:"attended" db:"attended"`
	NoShow          int      `json:"no_show" db:"no_show"`
	Cancelled       int      `json:"cancelled" db:"cancelled"`
	AttendedPercent *float64 `json:"attended_percent"` // of attended + no-show
	WalkIns         int      `json:"walk_ins" db:"walk_ins"`
	Recorded        int      `json:"recorded" db:"recorded"` // consultation records, booked and walk-in
	Ratings         int      `json:"ratings" db:"ratings"`
	AverageRating   *float64 `json:"average_rating" db:"average_rating"` // 1–5, two decimals
}

// LegalAid are the legal-aid centre's figures. Received and the special
// groups count applications by when they were received; decided, approved,
// refused and closed count the steps taken in the period.
type LegalAid struct {
	Received      int `json:"received" db:"received"`
	Notified      int `json:"notified" db:"notified"` // of received: defences notified by an organ
	Decided       int `json:"decided" db:"decided"`   // applications decided (not notified defences)
	DecidedOnTime int `json:"decided_on_time" db:"decided_on_time"`
	// OnTimePercent is decided within 7 days (plus days paused awaiting
	// materials) of decided, per cent (Legal Aid Law Art. 43).
	OnTimePercent *float64       `json:"on_time_percent"`
	Approved      int            `json:"approved" db:"approved"`
	Refused       int            `json:"refused" db:"refused"`
	Closed        int            `json:"closed" db:"closed"`
	SpecialGroups int            `json:"special_groups" db:"special_groups"` // of received: in at least one group
	ByGroup       map[string]int `json:"by_group"`
}

// Notary are the visits the notary office finished (done) with their
// matters, by the visit's time.
type Notary struct {
	VisitsDone     int `json:"visits_done" db:"visits_done"`
	MattersDone    int `json:"matters_done" db:"matters_done"`
	HomeVisitsDone int `json:"home_visits_done" db:"home_visits_done"`
}

// Advisors are the village advisors: coverage on the period's last day and
// the service logs of the period.
type Advisors struct {
	Villages        int      `json:"villages" db:"villages"` // active village rooms
	Covered         int      `json:"covered" db:"covered"`   // of them with an advisor that day
	CoveragePercent *float64 `json:"coverage_percent"`
	ActiveAdvisors  int      `json:"active_advisors" db:"active_advisors"` // lawyers who logged service
	Logs            int      `json:"logs" db:"logs"`
	Services        int      `json:"services" db:"services"` // the logs' counts summed
	People          int      `json:"people" db:"people"`
}

// Disputes are people's mediation: accepted by acceptance time, closed ones
// by closing time.
type Disputes struct {
	Accepted   int `json:"accepted" db:"accepted"`
	Resolved   int `json:"resolved" db:"resolved"`
	Unresolved int `json:"unresolved" db:"unresolved"`
	Withdrawn  int `json:"withdrawn" db:"withdrawn"`
	// ResolutionPercent is resolved of resolved + unresolved (withdrawn
	// disputes were never mediated to an end).
	ResolutionPercent *float64 `json:"resolution_percent"`
}

// Groups are the special groups counted, in report order (the keys of
// legalaid's groups; stats keeps its own copy to stay independent).
var Groups = []string{"minor", "elderly", "disabled", "women", "migrant_worker", "veteran", "low_income"}

// GroupNames name the groups in Chinese and English.
var GroupNames = map[string][2]string{
	"minor": {"未成年人", "minors"}, "elderly": {"老年人", "elderly people"}, "disabled": {"残疾人", "disabled people"},
	"women": {"妇女", "women"}, "migrant_worker": {"农民工", "migrant workers"},
	"veteran": {"退役军人和军属", "veterans and military families"}, "low_income": {"低收入群体", "low-income people"},
}
