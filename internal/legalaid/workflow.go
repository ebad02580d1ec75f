package legalaid

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
)

// Art48Grounds are the only grounds on which aid may be terminated.
var Art48Grounds = map[string]string{
	"no_longer_eligible": "受援人不再符合法律援助条件",
	"case_ended":         "案件终止审理或者被撤销",
	"own_lawyer":         "受援人自行委托律师或者其他代理人",
	"request_end":        "受援人有正当理由要求终止法律援助",
	"false_info":         "受援人以欺骗或者其他不正当手段获得法律援助",
	"abuse":              "受援人故意隐瞒与案件有关的重要事实或者提供虚假证据",
	"illegal_request":    "受援人利用法律援助从事违法活动",
	"other_by_statute":   "法律法规规定的其他情形",
}

// Role is who acts on an application.
type Role string

const (
	Applicant Role = "applicant"
	Officer   Role = "officer"
	Bureau    Role = "bureau" // the justice bureau decides objections
	System    Role = "system"
)

// Action is a step someone takes.
type Action struct {
	Name         string         `json:"action"`
	Missing      []string       `json:"missing"`
	SupplementBy *calendar.Date `json:"supplement_by"`
	Reason       string         `json:"reason"`
	LawyerID     int64          `json:"lawyer_id"`
	Override     string         `json:"override_reason"`
	Result       string         `json:"result"`
	Ground       string         `json:"ground"`
	StaffNote    string         `json:"staff_note"`
}

// who may take which action, and from which statuses.
var transitions = map[string]struct {
	roles []Role
	from  []Status
	to    Status
}{
	"request_materials": {[]Role{Officer}, []Status{Received}, MaterialsRequested},
	"supply":            {[]Role{Applicant, Officer}, []Status{MaterialsRequested}, Received},
	"deem_withdrawn":    {[]Role{System}, []Status{MaterialsRequested}, DeemedWithdrawn},
	"approve":           {[]Role{Officer}, []Status{Received}, Approved},
	"reject":            {[]Role{Officer}, []Status{Received}, Refused},
	"assign":            {[]Role{Officer}, []Status{Approved, Assigned}, Assigned},
	"close":             {[]Role{Officer}, []Status{Assigned}, Closed},
	"terminate":         {[]Role{Officer}, []Status{Approved, Assigned}, Terminated},
	"withdraw":          {[]Role{Applicant}, []Status{Received, MaterialsRequested, Approved}, Withdrawn},
	"object":            {[]Role{Applicant}, []Status{Refused, Terminated}, ObjectionPending},
}

var statusNames = map[Status]string{
	Received: "已受理", MaterialsRequested: "待补充材料", Withdrawn: "已撤回", DeemedWithdrawn: "视为撤回",
	Approved: "已批准", Refused: "不予援助", Assigned: "已指派律师", Closed: "已结案", Terminated: "已终止",
	ObjectionPending: "异议审查中",
}

func illegal(name string, from Status) error {
	return errs.New(errs.Conflict, fmt.Sprintf("当前状态（%s）不能进行此操作", statusNames[from]),
		fmt.Sprintf("%q is not allowed while the application is %s", name, from))
}

// Apply checks and applies an action, returning the event to record. The
// caller stores both in one transaction; illegal steps change nothing.
func Apply(a *Application, act Action, role Role, actor int64, now time.Time) (Event, error) {
	tr, ok := transitions[act.Name]
	if !ok {
		return Event{}, errs.New(errs.Invalid, "未知操作", "unknown action").Field("action", "未知操作", "unknown action")
	}
	if !slices.Contains(tr.roles, role) {
		return Event{}, errs.New(errs.Forbidden, "您不能进行此操作", "you may not take this step")
	}
	if !slices.Contains(tr.from, a.Status) {
		return Event{}, illegal(act.Name, a.Status)
	}
	if err := act.checkLengths(); err != nil {
		return Event{}, err
	}
	if err := apply(a, act, now); err != nil {
		return Event{}, err
	}
	ev := Event{AppID: a.ID, Actor: actor, ActorRole: string(role), From: a.Status, To: tr.to, Action: act.Name,
		Reason: strings.TrimSpace(act.Reason), StaffNote: strings.TrimSpace(act.StaffNote), At: now.UTC()}
	a.Status, a.UpdatedAt = tr.to, now.UTC()
	return ev, nil
}

// Text limits, matching the columns that keep them.
const (
	MaxReason   = 1000 // reasons and staff notes
	MaxResult   = 500  // a closed case's result, an override's reason
	MaxMissing  = 100  // one missing item
	MaxMissings = 20   // items in the one notice
)

// checkLengths bounds every free text an action carries, with a message per field.
func (act Action) checkLengths() error {
	f := errs.Fields{}
	if !length(act.Reason, 0, MaxReason) {
		f.Add("reason", fmt.Sprintf("理由不超过%d字", MaxReason), fmt.Sprintf("at most %d characters", MaxReason))
	}
	if !length(act.StaffNote, 0, MaxReason) {
		f.Add("staff_note", fmt.Sprintf("内部备注不超过%d字", MaxReason), fmt.Sprintf("at most %d characters", MaxReason))
	}
	if !length(act.Result, 0, MaxResult) {
		f.Add("result", fmt.Sprintf("办理结果不超过%d字", MaxResult), fmt.Sprintf("at most %d characters", MaxResult))
	}
	if !length(act.Override, 0, MaxResult) {
		f.Add("override_reason", fmt.Sprintf("指派理由不超过%d字", MaxResult), fmt.Sprintf("at most %d characters", MaxResult))
	}
	if len(act.Missing) > MaxMissings {
		f.Add("missing", fmt.Sprintf("至多列明%d项材料", MaxMissings), fmt.Sprintf("at most %d items", MaxMissings))
	}
	for _, m := range act.Missing {
		if !length(m, 0, MaxMissing) {
			f.Add("missing", fmt.Sprintf("每项材料不超过%d字", MaxMissing), fmt.Sprintf("each item at most %d characters", MaxMissing))
		}
	}
	return f.Err()
}

func apply(a *Application, act Action, now time.Time) error {
	switch act.Name {
	case "request_materials":
		return requestMaterials(a, act, now)
	case "supply":
		t := now.UTC()
		a.CompleteAt, a.SupplementBy = &t, nil // the clock starts again, complete
	case "approve":
		t := now.UTC()
		a.DecidedAt = &t
	case "reject":
		if utf8.RuneCountInString(strings.TrimSpace(act.Reason)) < 5 {
			return errs.New(errs.Invalid, "不予援助须书面说明理由", "a refusal needs written reasons").Field("reason", "请填写理由（至少5字）", "give the reasons")
		}
		t := now.UTC()
		a.DecidedAt, a.DecisionReason = &t, strings.TrimSpace(act.Reason)
	case "close":
		if strings.TrimSpace(act.Result) == "" {
			return errs.New(errs.Invalid, "请填写办理结果", "the result is required").Field("result", "请填写办理结果", "required")
		}
		a.Result = strings.TrimSpace(act.Result)
	case "terminate":
		if _, ok := Art48Grounds[act.Ground]; !ok {
			return errs.New(errs.Invalid, "终止法律援助须属于第四十八条规定的情形", "termination needs an Art. 48 ground").
				Field("ground", "请选择第四十八条规定的情形", "choose an Art. 48 ground")
		}
		if strings.TrimSpace(act.Reason) == "" {
			return errs.New(errs.Invalid, "请说明终止理由", "give the reasons").Field("reason", "请说明理由", "required")
		}
		a.TerminationGround = act.Ground
	case "assign":
		if act.LawyerID == 0 {
			return errs.New(errs.Invalid, "请选择律师", "choose a lawyer").Field("lawyer_id", "请选择律师", "required")
		}
		id := act.LawyerID
		a.LawyerID, a.ConflictOverride = &id, strings.TrimSpace(act.Override)
	}
	return nil
}

// requestMaterials sends the one notice listing everything missing; the
// decision clock waits until the supplement arrives.
func requestMaterials(a *Application, act Action, now time.Time) error {
	f := errs.Fields{}
	if a.MissingMaterials != "" {
		return errs.New(errs.Conflict, "补充材料须一次性告知，本申请已告知过", "missing materials are listed once; this application had its notice")
	}
	var items []string
	for _, m := range act.Missing {
		if m = strings.TrimSpace(m); m != "" {
			items = append(items, m)
		}
	}
	if len(items) == 0 || len(items) > 20 {
		f.Add("missing", "请一次性列明需要补充的全部材料", "list everything that is missing")
	}
	today := calendar.DateOf(now)
	if act.SupplementBy == nil || !act.SupplementBy.After(today) || today.DaysUntil(*act.SupplementBy) > 60 {
		f.Add("supplement_by", "补充期限应在今天之后 60 天以内", "the deadline must be within the next 60 days")
	}
	if err := f.Err(); err != nil {
		return err
	}
	a.MissingMaterials, a.SupplementBy, a.CompleteAt = strings.Join(items, "；"), act.SupplementBy, nil
	return nil
}

// DueForWithdrawal reports whether an application's supplement deadline
// has passed, so that it is deemed withdrawn.
func DueForWithdrawal(a Application, today calendar.Date) bool {
	return a.Status == MaterialsRequested && a.SupplementBy != nil && today.After(*a.SupplementBy)
}

// DecideObjection returns where an application goes when the bureau
// upholds or overturns the decision objected to.
func DecideObjection(o Objection, overturn bool) Status {
	switch {
	case !overturn:
		return o.FromState
	case o.FromState == Refused:
		return Approved
	default:
		return Assigned
	}
}
