package legalaid

import (
	"context"
	"fmt"
	"strings"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
)

// roleOf maps a viewer to their workflow role on an application.
func roleOf(v Viewer, a Application) (Role, error) {
	switch {
	case v.officer():
		return Officer, nil
	case a.ApplicantUserID != nil && *a.ApplicantUserID == v.ID:
		return Applicant, nil
	}
	return "", errNoApp
}

// Act takes a workflow step. An assignment is checked against the
// conflict check (an officer may override a warning with a reason) and the
// Art. 26 rule (never overridden).
func (s *Service) Act(ctx context.Context, v Viewer, id int64, act Action) (Application, error) {
	current, err := s.Get(ctx, v, id)
	if err != nil {
		return Application{}, err
	}
	role, err := roleOf(v, current)
	if err != nil {
		return Application{}, err
	}
	if act.Name == "assign" {
		if err := s.checkAssignment(ctx, current, act); err != nil {
			return Application{}, err
		}
	}
	if act.Name == "object" {
		return Application{}, errs.New(errs.Invalid, "请通过异议申请提交", "file objections at /objections")
	}
	a, err := s.Store.Act(ctx, id, func(a *Application) (Event, *Objection, error) {
		ev, err := Apply(a, act, role, v.ID, s.Now())
		return ev, nil, err
	})
	if err != nil {
		return Application{}, err
	}
	return s.reveal(a, v)
}

func (s *Service) checkAssignment(ctx context.Context, a Application, act Action) error {
	suggestions, err := s.Suggestions(ctx, Viewer{Role: "aid_officer"}, a.ID)
	if err != nil {
		return err
	}
	for _, sug := range suggestions {
		if sug.LawyerID != act.LawyerID {
			continue
		}
		if sug.Forbidden != "" {
			return errs.New(errs.Invalid, sug.Forbidden, "Art. 26: this case needs a lawyer with three years' practice").Field("lawyer_id", sug.Forbidden, "not eligible")
		}
		if sug.Conflict != "" && len([]rune(strings.TrimSpace(act.Override))) < 5 {
			return errs.New(errs.Conflict, sug.Conflict+"。如确需指派，请填写理由", "conflict of interest: give a reason to override").
				Field("override_reason", "请填写指派理由", "give the reason")
		}
		return nil
	}
	return errs.New(errs.Invalid, "律师不存在或已停用", "unknown lawyer").Field("lawyer_id", "律师不存在", "unknown lawyer")
}

// Suggestions ranks the lawyers for an application.
func (s *Service) Suggestions(ctx context.Context, v Viewer, id int64) ([]Suggestion, error) {
	if !v.officer() {
		return nil, errs.New(errs.Forbidden, "仅法律援助工作人员可查看", "officers only")
	}
	a, err := s.Store.Application(ctx, id)
	if err != nil {
		return nil, errNoApp
	}
	cands, err := s.Store.Candidates(ctx)
	if err != nil {
		return nil, err
	}
	prior, err := s.Store.PriorClients(ctx)
	if err != nil {
		return nil, err
	}
	return Suggest(a, cands, prior, s.today()), nil
}

// Object files the applicant's objection to a refusal or termination.
func (s *Service) Object(ctx context.Context, v Viewer, id int64, reason string) (Application, error) {
	current, err := s.Get(ctx, v, id)
	if err != nil {
		return Application{}, err
	}
	if role, _ := roleOf(v, current); role != Applicant {
		return Application{}, errs.New(errs.Forbidden, "只有申请人可以提出异议", "only the applicant may object")
	}
	if n := len([]rune(strings.TrimSpace(reason))); n < 5 || n > 1000 {
		return Application{}, errs.New(errs.Invalid, "请说明异议理由（5至1000字）", "give your reasons").Field("reason", "请说明理由", "required")
	}
	a, err := s.Store.Act(ctx, id, func(a *Application) (Event, *Objection, error) {
		from := a.Status
		ev, err := Apply(a, Action{Name: "object", Reason: reason}, Applicant, v.ID, s.Now())
		return ev, &Objection{AppID: a.ID, FromState: from, Reason: strings.TrimSpace(reason), Status: "pending", FiledAt: s.Now().UTC()}, err
	})
	if err != nil {
		return Application{}, err
	}
	return s.reveal(a, v)
}

// DecideObjection lets the justice bureau uphold or overturn the decision.
func (s *Service) DecideObjection(ctx context.Context, v Viewer, objectionID int64, overturn bool, reason string) (Application, error) {
	if v.Role != "admin" {
		return Application{}, errs.New(errs.Forbidden, "异议由司法行政部门审查决定", "the justice bureau decides objections")
	}
	if strings.TrimSpace(reason) == "" {
		return Application{}, errs.New(errs.Invalid, "请填写审查意见", "give the reasons").Field("reason", "请填写审查意见", "required")
	}
	a, err := s.Store.DecideObjection(ctx, objectionID, func(o *Objection, a *Application) (Event, error) {
		if o.Status != "pending" || a.Status != ObjectionPending {
			return Event{}, errs.New(errs.Conflict, "该异议已审查", "this objection was decided")
		}
		to := DecideObjection(*o, overturn)
		now := s.Now().UTC()
		o.Status, o.DecidedAt, o.Decision = "upheld", &now, strings.TrimSpace(reason)
		action := "objection_upheld"
		if overturn {
			o.Status, action = "overturned", "objection_overturned"
			if to == Approved {
				a.DecidedAt = &now // the three-day assignment clock starts
			}
		}
		ev := Event{AppID: a.ID, Actor: v.ID, ActorRole: string(Bureau), From: a.Status, To: to, Action: action, Reason: o.Decision, At: now}
		a.Status, a.UpdatedAt = to, now
		return ev, nil
	})
	if err != nil {
		return Application{}, err
	}
	return s.reveal(a, v)
}

// LetterText is a decision letter's content; the API renders it as PDF.
type LetterText struct {
	Title, Number, To string
	Body              []string
}

// Letter writes the approval or refusal notice, with the applicant's rights.
func (s *Service) Letter(ctx context.Context, v Viewer, id int64) (LetterText, error) {
	a, err := s.Get(ctx, v, id)
	if err != nil {
		return LetterText{}, err
	}
	if a.DecidedAt == nil || (a.Status != Approved && a.Status != Refused && a.Status != Assigned && a.Status != Closed) {
		return LetterText{}, errs.New(errs.Conflict, "该申请尚未作出决定", "no decision yet")
	}
	when := a.DecidedAt.In(calendar.Shanghai).Format("2006年1月2日")
	l := LetterText{To: a.Name, Number: fmt.Sprintf("法援决字〔%s〕%s号", a.DecidedAt.In(calendar.Shanghai).Format("2006"), a.Code)}
	if a.Status == Refused {
		l.Title = "不予法律援助决定书"
		l.Body = []string{
			fmt.Sprintf("你于%s提出的法律援助申请（申请编号 %s），经审查，决定不予法律援助。", a.CreatedAt.In(calendar.Shanghai).Format("2006年1月2日"), a.Code),
			"理由：" + a.DecisionReason,
			"如对本决定有异议，你可以依照《中华人民共和国法律援助法》第四十九条的规定，向设立法律援助机构的司法行政部门提出异议，司法行政部门应当自收到异议之日起五日内进行审查，作出维持或者责令法律援助机构改正的决定。",
		}
		return l, nil
	}
	l.Title = "给予法律援助决定书"
	l.Body = []string{
		fmt.Sprintf("你于%s提出的法律援助申请（申请编号 %s），经审查，符合《中华人民共和国法律援助法》规定的条件，决定自%s起给予法律援助。",
			a.CreatedAt.In(calendar.Shanghai).Format("2006年1月2日"), a.Code, when),
		"法律援助机构将在三日内指派律师为你提供法律援助，律师将与你联系。",
		"受援期间，你应当如实陈述与案件有关的事实，提供有关证据材料；有《中华人民共和国法律援助法》第四十八条规定情形的，法律援助机构将终止法律援助。对终止决定有异议的，可以依照第四十九条向司法行政部门提出异议。",
	}
	return l, nil
}
