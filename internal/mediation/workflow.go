package mediation

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
)

// Action is a step a mediator takes on a dispute.
type Action struct {
	Name          string `json:"action"` // assign, start, resolve, fail, withdraw
	CommitteeID   *int64 `json:"committee_id"`
	RoomSiteID    *int64 `json:"room_site_id"`
	AgreementDate string `json:"agreement_date"` // YYYY-MM-DD, China time
	Agreement     string `json:"agreement"`
	ReferredTo    string `json:"referred_to"` // court, arbitration, administrative, other
	Reason        string `json:"reason"`
}

// transitions say from which statuses each step may be taken and where it
// leads; an empty to keeps the status (an assignment). Closed disputes
// appear in no from list: nothing changes them.
var transitions = map[string]struct {
	from []Status
	to   Status
}{
	"assign": {[]Status{Accepted, Mediating}, ""},
	"start":  {[]Status{Accepted}, Mediating},
	// Arts. 28–31: an agreement, written or oral, reached in mediation.
	"resolve": {[]Status{Mediating}, Resolved},
	// Art. 26: mediation that fails is ended and the parties are told of
	// arbitration, administrative and judicial routes. Art. 17: a party
	// who clearly refuses mediation is not mediated, so this may come
	// before mediation starts.
	"fail": {[]Status{Accepted, Mediating}, Unresolved},
	// Art. 23(2): a party may refuse mediation or ask to end it.
	"withdraw": {[]Status{Accepted, Mediating}, Withdrawn},
}

// Routes a party is told of when mediation fails (Art. 26).
var Routes = map[string]string{
	"court":          "向人民法院提起诉讼",
	"arbitration":    "申请仲裁（劳动争议向劳动人事争议仲裁委员会申请仲裁）",
	"administrative": "请求有关行政机关依法处理",
	"other":          "通过其他合法途径解决",
}

var statusNames = map[Status]string{
	Accepted: "已受理", Mediating: "调解中", Resolved: "调解成功", Unresolved: "调解不成", Withdrawn: "已撤回",
}

// ErrClosed: a resolved, unresolved or withdrawn dispute is final.
var ErrClosed = errs.New(errs.Conflict, "该纠纷已办结，不能再更改", "this dispute is closed and cannot change")

// ErrNotAssigned: mediation starts once a committee or a room has the dispute.
var ErrNotAssigned = errs.New(errs.Conflict, "请先指派调解委员会或派驻调解室", "assign a committee or a mediation room first")

func illegal(name string, from Status) error {
	if from.Closed() {
		return ErrClosed
	}
	return errs.New(errs.Conflict, fmt.Sprintf("当前状态（%s）不能进行此操作", statusNames[from]),
		fmt.Sprintf("%q is not allowed while the dispute is %s", name, from))
}

// Apply checks an action against the dispute and applies it, returning the
// event to record; an illegal step changes nothing. today is China's date.
func Apply(d *Dispute, act Action, actor int64, now time.Time) (Event, error) {
	tr, ok := transitions[act.Name]
	if !ok {
		return Event{}, errs.New(errs.Invalid, "未知操作", "unknown action").Field("action", "未知操作", "unknown action")
	}
	if !slices.Contains(tr.from, d.Status) {
		return Event{}, illegal(act.Name, d.Status)
	}
	note, err := apply(d, act, now)
	if err != nil {
		return Event{}, err
	}
	to := tr.to
	if to == "" {
		to = d.Status
	}
	ev := Event{DisputeID: d.ID, ActorID: &actor, From: string(d.Status), To: string(to), Note: note, At: now.UTC()}
	d.Status, d.UpdatedAt = to, now.UTC()
	if to.Closed() {
		t := now.UTC()
		d.ClosedAt = &t
	}
	return ev, nil
}

func apply(d *Dispute, act Action, now time.Time) (string, error) {
	reason := strings.TrimSpace(act.Reason)
	if utf8.RuneCountInString(reason) > 500 {
		return "", errs.New(errs.Invalid, "说明不超过500字", "at most 500 characters").Field("reason", "不超过500字", "at most 500 characters")
	}
	switch act.Name {
	case "assign":
		if (act.CommitteeID == nil) == (act.RoomSiteID == nil) {
			return "", errs.New(errs.Invalid, "请选择一个调解委员会或一个派驻调解室", "choose one committee or one room").
				Field("committee_id", "请选择调解组织", "choose where the dispute goes")
		}
		d.CommitteeID, d.RoomSiteID = act.CommitteeID, act.RoomSiteID
		return reason, nil
	case "start":
		if d.CommitteeID == nil && d.RoomSiteID == nil {
			return "", ErrNotAssigned
		}
		return reason, nil
	case "resolve":
		return resolve(d, act, now)
	case "fail":
		if _, ok := Routes[act.ReferredTo]; !ok {
			return "", errs.New(errs.Invalid, "请选择告知当事人的救济途径", "choose the route the parties are told of").
				Field("referred_to", "请选择诉讼、仲裁、行政或其他途径", "court, arbitration, administrative or other")
		}
		if utf8.RuneCountInString(reason) < 2 {
			return "", errs.New(errs.Invalid, "请说明调解不成的原因", "say why mediation failed").Field("reason", "请填写原因", "required")
		}
		d.ReferredTo, d.CloseNote = act.ReferredTo, reason
		return reason, nil
	case "withdraw":
		if utf8.RuneCountInString(reason) < 2 {
			return "", errs.New(errs.Invalid, "请说明撤回或拒绝调解的情况", "say who withdrew and why").Field("reason", "请填写原因", "required")
		}
		d.CloseNote = reason
		return reason, nil
	}
	return reason, nil
}

// resolve records the agreement (Art. 28: a written agreement, or an oral
// one the mediator records), dated no earlier than the dispute's
// acceptance and no later than today.
func resolve(d *Dispute, act Action, now time.Time) (string, error) {
	f := errs.Fields{}
	date, err := calendar.ParseDate(act.AgreementDate)
	if err != nil || date.Before(chinaDate(d.AcceptedAt)) || date.After(chinaDate(now)) {
		f.Add("agreement_date", "协议日期应在受理之日至今天之间（YYYY-MM-DD）", "the agreement's date: from acceptance to today")
	}
	agreement := strings.TrimSpace(act.Agreement)
	if n := utf8.RuneCountInString(agreement); n < 5 || n > 4000 {
		f.Add("agreement", "请记录调解协议的内容（5至4000字）", "record what was agreed (5 to 4000 characters)")
	}
	if err := f.Err(); err != nil {
		return "", err
	}
	d.AgreementDate, d.Agreement = date.String(), agreement
	return strings.TrimSpace(act.Reason), nil
}

// DueDays is the mediation clock: a dispute is to be mediated within about
// a month of acceptance (司法部《人民调解工作若干规定》: 一般在一个月内调结).
const DueDays = 30

// NearDays: a dispute this close to its due date is highlighted.
const NearDays = 5

// DueAt is the end of the clock: midnight China time that starts the day
// after the 30th day from acceptance, counted in China's calendar.
func DueAt(accepted time.Time) time.Time {
	return chinaDate(accepted).AddDays(DueDays+1).At(0, 0).UTC()
}

// Clock is what the board shows of a dispute's 30 days.
type Clock struct {
	Due      calendar.Date `json:"due"` // the last day, China time
	DaysLeft int           `json:"days_left"`
	NearDue  bool          `json:"near_due"`
	Overdue  bool          `json:"overdue"`
}

// ClockOf works out an open dispute's clock on China's day today; closed
// disputes have none.
func ClockOf(d Dispute, today calendar.Date) *Clock {
	if d.Status.Closed() {
		return nil
	}
	due := chinaDate(d.AcceptedAt).AddDays(DueDays)
	left := today.DaysUntil(due)
	return &Clock{Due: due, DaysLeft: left, Overdue: left < 0, NearDue: left >= 0 && left <= NearDays}
}
