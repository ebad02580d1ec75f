package legalaid

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
)

// Art48Grounds are the only grounds on which aid is terminated, in the
// words and order of Art. 48 ¶1 (the numbering is part of the text).
var Art48Grounds = map[string]string{
	"false_info":         "（一）受援人以欺骗或者其他不正当手段获得法律援助",
	"abuse":              "（二）受援人故意隐瞒与案件有关的重要事实或者提供虚假证据",
	"illegal_request":    "（三）受援人利用法律援助从事违法活动",
	"no_longer_eligible": "（四）受援人的经济状况发生变化，不再符合法律援助条件",
	"case_ended":         "（五）案件终止审理或者已经被撤销",
	"own_lawyer":         "（六）受援人自行委托律师或者其他代理人",
	"request_end":        "（七）受援人有正当理由要求终止法律援助",
	"other_by_statute":   "（八）法律法规规定的其他情形",
}

// Role is who acts on an application.
type Role string

const (
	Applicant Role = "applicant"
	Officer   Role = "officer"
	Bureau    Role = "bureau" // the justice bureau decides objections
	System    Role = "system"
	Lawyer    Role = "lawyer" // the assigned lawyer reports Art. 48 grounds
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
	minDays      int            // the shortest materials deadline, from configuration
}

// who may take which action, and from which statuses; an empty to leaves
// the status as it is.
var transitions = map[string]struct {
	roles []Role
	from  []Status
	to    Status
}{
	"request_materials":  {[]Role{Officer}, []Status{Received}, MaterialsRequested},
	"materials_uploaded": {[]Role{System}, []Status{MaterialsRequested}, ""},  // an upload after the notice
	"materials_checked":  {[]Role{Officer}, []Status{MaterialsRequested}, ""}, // looked at, still incomplete
	"supply":             {[]Role{Applicant, Officer}, []Status{MaterialsRequested}, Received},
	"deem_withdrawn":     {[]Role{System}, []Status{MaterialsRequested}, DeemedWithdrawn},
	"approve":            {[]Role{Officer}, []Status{Received, Assigned}, Approved}, // Assigned: after advance aid only
	"grant_advance":      {[]Role{Officer}, []Status{Received, MaterialsRequested}, Assigned},
	"reject":             {[]Role{Officer}, []Status{Received}, Refused},
	"assign":             {[]Role{Officer}, []Status{Approved, Assigned}, Assigned},
	"close":              {[]Role{Officer}, []Status{Assigned}, Closed},
	"report_ground":      {[]Role{Lawyer}, []Status{Assigned}, ""},
	"terminate":          {[]Role{Officer}, []Status{Approved, Assigned}, Terminated},
	"withdraw":           {[]Role{Applicant}, []Status{Received, MaterialsRequested, Approved}, Withdrawn},
	"object":             {[]Role{Applicant, Officer}, []Status{Refused, Terminated}, ObjectionPending},
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
	to := cmp.Or(tr.to, a.Status)
	if act.Name == "approve" && a.Status == Assigned {
		to = Assigned // the formal decision after advance aid: the lawyer stays
	}
	ev := Event{AppID: a.ID, Actor: actor, ActorRole: string(role), From: a.Status, To: to, Action: act.Name,
		Reason: strings.TrimSpace(act.Reason), StaffNote: strings.TrimSpace(act.StaffNote), At: now.UTC()}
	if act.Name == "terminate" {
		a.TerminatedFrom = a.Status
	}
	a.Status, a.UpdatedAt = to, now.UTC()
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
	t := now.UTC()
	switch act.Name {
	case "request_materials":
		return requestMaterials(a, act, now)
	case "materials_uploaded":
		if a.MaterialsReceivedAt == nil {
			a.MaterialsReceivedAt = &t
		}
		a.MaterialsToCheck = true
	case "materials_checked":
		a.MaterialsToCheck = false
	case "supply":
		supplied(a, now)
	case "deem_withdrawn":
		if a.MaterialsToCheck {
			return ErrMaterialsToCheck
		}
	case "approve":
		if a.Status == Assigned && !a.AdvancePending() {
			return illegal(act.Name, a.Status)
		}
		a.DecidedAt, a.ObjectionDecided = &t, false
	case "grant_advance":
		return grantAdvance(a, act, now)
	case "reject":
		if a.Origin == Notified {
			return ErrNotifiedNeverRefused
		}
		if !length(act.Reason, 5, MaxReason) {
			return errs.New(errs.Invalid, "不予援助须书面说明理由", "a refusal needs written reasons").Field("reason", "请填写理由（至少5字）", "give the reasons")
		}
		a.DecidedAt, a.DecisionReason, a.ObjectionDecided = &t, strings.TrimSpace(act.Reason), false
	case "close":
		if strings.TrimSpace(act.Result) == "" {
			return errs.New(errs.Invalid, "请填写办理结果", "the result is required").Field("result", "请填写办理结果", "required")
		}
		a.Result = strings.TrimSpace(act.Result)
	case "report_ground", "terminate":
		return ground(a, act)
	case "assign":
		if act.LawyerID == 0 {
			return errs.New(errs.Invalid, "请选择律师", "choose a lawyer").Field("lawyer_id", "请选择律师", "required")
		}
		id := act.LawyerID
		a.LawyerID, a.ConflictOverride = &id, strings.TrimSpace(act.Override)
	case "object":
		if a.ObjectionDecided {
			return ErrObjectionDecided
		}
	}
	return nil
}

// ground checks an Art. 48 ground: the lawyer reports it (Art. 48 ¶2), the
// centre decides the termination. A termination is a new decision, open to
// a new objection (Art. 49).
func ground(a *Application, act Action) error {
	if _, ok := Art48Grounds[act.Ground]; !ok {
		return errs.New(errs.Invalid, "终止法律援助须属于第四十八条规定的情形", "termination needs an Art. 48 ground").
			Field("ground", "请选择第四十八条规定的情形", "choose an Art. 48 ground")
	}
	if !length(act.Reason, 2, MaxReason) {
		return errs.New(errs.Invalid, "请说明理由", "give the reasons").Field("reason", "请说明理由", "required")
	}
	if act.Name == "report_ground" {
		a.ReportedGround, a.ReportedReason = act.Ground, strings.TrimSpace(act.Reason)
		return nil
	}
	a.TerminationGround, a.DecisionReason, a.ObjectionDecided = act.Ground, strings.TrimSpace(act.Reason), false
	a.ReportedGround, a.ReportedReason = "", ""
	return nil
}

// The workflow's own refusals, for callers and tests to recognise.
var (
	ErrSecondNotice = errs.New(errs.Conflict, "补充材料须一次性告知，本申请已告知过",
		"missing materials are listed once (Art. 43); this application had its notice")
	ErrReviewPeriodOver = errs.New(errs.Conflict, "七日审查期限已过，不能再通知补充材料，请作出决定",
		"the seven-day review period is over: decide the application")
	ErrNotifiedNeverRefused = errs.New(errs.Conflict, "通知辩护案件应当指派律师，不得不予援助",
		"a notified defence is never refused (Arts. 25, 36)")
	ErrObjectionDecided = errs.New(errs.Conflict, "对该决定的异议已经司法行政部门审查决定，不能再次提出；如不服，可以依法申请行政复议或者提起行政诉讼",
		"the bureau has decided an objection to this decision; the next step is administrative reconsideration or litigation")
	ErrMaterialsToCheck = errs.New(errs.Conflict, "申请人已提交材料，等待工作人员查看", "materials came in and wait for an officer's look")
)

// DecideObjection returns where an application goes when the bureau
// upholds or overturns the decision objected to. An overturned termination
// returns to the step it was taken from: approved without a lawyer goes
// back on the board to be assigned, never to "assigned" without a lawyer.
func DecideObjection(o Objection, a Application, overturn bool) Status {
	switch {
	case !overturn:
		return o.FromState
	case o.FromState == Refused:
		return Approved
	case a.TerminatedFrom == Assigned && a.LawyerID != nil:
		return Assigned
	default:
		return Approved
	}
}
