package legalaid

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
)

// OpenObjections lists the pending objections, for the justice bureau;
// the read is audited with the objections shown.
func (s *Service) OpenObjections(ctx context.Context, v Viewer) ([]OpenObjection, error) {
	if v.Role != "admin" {
		return nil, errs.New(errs.Forbidden, "异议由司法行政部门审查决定", "the justice bureau decides objections")
	}
	list, err := s.Store.OpenObjections(ctx)
	if err != nil {
		return nil, err
	}
	shown := make([]string, len(list))
	for i, o := range list {
		shown[i] = strconv.FormatInt(o.ID, 10)
		list[i].Due = calendar.DateOf(o.FiledAt).AddDays(ObjectionDays)
		list[i].Overdue = s.today().After(list[i].Due)
	}
	if err := s.Store.AuditReadDetail(ctx, v.ID, "legal_aid_objections", 0, "ids="+strings.Join(shown, ",")); err != nil {
		return nil, err
	}
	return list, nil
}

// ObjectionForm is an objection to a refusal or a termination (Art. 49):
// filed online by the applicant, or handed in at the window by the
// applicant or the aided person and recorded by an officer.
type ObjectionForm struct {
	Reason   string `json:"reason"`
	Objector string `json:"objector"` // applicant (default) or aided_person
}

// Object files an objection. The bureau's decision on it is final in the
// system: the next step is administrative reconsideration or litigation.
func (s *Service) Object(ctx context.Context, v Viewer, id int64, f ObjectionForm) (Application, error) {
	current, err := s.Get(ctx, v, id)
	if err != nil {
		return Application{}, err
	}
	role, _ := roleOf(v, current)
	if role != Applicant && role != Officer {
		return Application{}, errs.New(errs.Forbidden, "只有申请人、受援人可以提出异议", "only the applicant or the aided person may object")
	}
	o := Objection{AppID: id, Reason: strings.TrimSpace(f.Reason), Status: "pending", Objector: "applicant", Channel: "online",
		FiledAt: s.Now().UTC()}
	e := errs.Fields{}
	if !length(f.Reason, 5, MaxReason) {
		e.Add("reason", "请说明异议理由（5至1000字）", "give your reasons (5 to 1000 characters)")
	}
	switch {
	case f.Objector == "" || f.Objector == "applicant":
	case f.Objector == "aided_person" && role == Officer && current.Relation != Self:
		o.Objector = f.Objector
	default:
		e.Add("objector", "异议人应为申请人，或代为申请时的受援人", "the applicant, or the aided person of an application made on their behalf")
	}
	if err := e.Err(); err != nil {
		return Application{}, err
	}
	if role == Officer {
		o.Channel, o.RecordedBy = "window", &v.ID
	}
	a, err := s.Store.Act(ctx, id, func(a *Application) (Event, *Objection, error) {
		o.FromState = a.Status
		ev, err := Apply(a, Action{Name: "object", Reason: o.Reason}, role, v.ID, s.Now())
		return ev, &o, err
	})
	if err != nil {
		return Application{}, err
	}
	return s.reveal(a, v)
}

// DecideObjection lets the justice bureau uphold the decision or order the
// centre to correct it (Art. 49), within five days; either way the decision
// is final in the system.
func (s *Service) DecideObjection(ctx context.Context, v Viewer, objectionID int64, overturn bool, reason string) (Application, error) {
	if v.Role != "admin" {
		return Application{}, errs.New(errs.Forbidden, "异议由司法行政部门审查决定", "the justice bureau decides objections")
	}
	if !length(reason, 2, MaxReason) {
		return Application{}, errs.New(errs.Invalid, "请填写审查意见", "give the reasons").Field("reason", "请填写审查意见（至多1000字）", "required, at most 1000 characters")
	}
	a, err := s.Store.DecideObjection(ctx, objectionID, func(o *Objection, a *Application) (Event, error) {
		if o.Status != "pending" || a.Status != ObjectionPending {
			return Event{}, ErrObjectionDecided
		}
		to := DecideObjection(*o, *a, overturn)
		now := s.Now().UTC()
		o.Status, o.DecidedAt, o.Decision = "upheld", &now, strings.TrimSpace(reason)
		action := "objection_upheld"
		if overturn {
			o.Status, action = "overturned", "objection_overturned"
			if o.FromState == Refused {
				a.DecidedAt = &now // approved now: the three-day assignment clock starts
			}
			a.TerminatedFrom, a.TerminationGround = "", ""
		}
		if !slices.Contains([]Status{Approved, Assigned, Refused, Terminated}, to) {
			return Event{}, illegal(action, a.Status)
		}
		ev := Event{AppID: a.ID, Actor: v.ID, ActorRole: string(Bureau), From: a.Status, To: to, Action: action, Reason: o.Decision, At: now}
		a.Status, a.UpdatedAt, a.ObjectionDecided = to, now, true
		ev.Notice = s.noticeFor(*a, ev)
		return ev, nil
	})
	if err != nil {
		return Application{}, err
	}
	return s.reveal(a, v)
}
