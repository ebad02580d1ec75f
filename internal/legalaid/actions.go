package legalaid

import (
	"context"
	"fmt"
	"strings"

	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/pii"
)

// roleOf maps a viewer to their workflow role on an application.
func roleOf(v Viewer, a Application) (Role, error) {
	switch {
	case v.officer():
		return Officer, nil
	case a.ApplicantUserID != nil && *a.ApplicantUserID == v.ID:
		return Applicant, nil
	case v.Role == "lawyer" && a.LawyerID != nil && *a.LawyerID == v.ID:
		return Lawyer, nil
	case v.Role == "admin" && a.Status == ObjectionPending:
		return Bureau, nil // reads the case; decides through the objection
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
	if act.Name == "assign" || act.Name == "grant_advance" {
		if err := s.checkAssignment(ctx, current, act); err != nil {
			return Application{}, err
		}
	}
	if act.Name == "object" {
		return Application{}, errs.New(errs.Invalid, "请通过异议申请提交", "file objections at /objections")
	}
	act.minDays = s.MinSupplementDays
	a, err := s.Store.Act(ctx, id, func(a *Application) (Event, *Objection, error) {
		ev, err := Apply(a, act, role, v.ID, s.Now())
		if err == nil {
			ev.Notice = s.noticeFor(*a, ev)
		}
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

// receivedText tells the applicant the application number and the day the
// decision is due (Art. 43: seven days from a complete application); the
// number and the ID number find the application without signing in.
func receivedText(a Application) string {
	due := ""
	if d, ok := DecisionDue(a); ok {
		due = fmt.Sprintf("我们将在%d年%d月%d日前作出决定。", d.Year(), d.Month(), d.Day())
	}
	return fmt.Sprintf("您的法律援助申请已受理，申请编号%s，%s凭申请编号和身份证号可查询进度。", a.Code, due)
}

// noticeFor is the text message an event sends the applicant, if any: the
// receipt of an application, the materials notice, deemed withdrawal and every decision (Arts. 43, 48, 49).
// An application without a mobile number (a notified defence, a walk-in
// with a landline) gets its letters on paper only.
func (s *Service) noticeFor(a Application, ev Event) *Notice {
	phone, err := s.Box.Open(a.PhoneSealed)
	if err != nil || len(phone) != 11 {
		return nil
	}
	where := "可在“我的援助”中查看、打印通知书。"
	var kind, body string
	switch ev.Action {
	case "submit":
		kind, body = "legal_aid_received", receivedText(a)
	case "request_materials":
		kind, body = "legal_aid_materials", fmt.Sprintf("您的法律援助申请（%s）需一次性补充以下材料：%s。请于%s前提交，逾期未补充视为撤回申请。%s",
			a.Code, a.MissingMaterials, a.SupplementBy, where)
	case "deem_withdrawn":
		kind, body = "legal_aid_withdrawn", fmt.Sprintf("您的法律援助申请（%s）因逾期未补充材料，视为撤回。如仍需法律援助，可以重新申请。%s", a.Code, where)
	case "approve":
		kind, body = "legal_aid_approved", fmt.Sprintf("您的法律援助申请（%s）已决定给予法律援助，将在三日内指派律师。%s", a.Code, where)
		if a.LawyerID != nil {
			body = fmt.Sprintf("您的法律援助申请（%s）已决定给予法律援助，先行指派的律师继续为您提供帮助。%s", a.Code, where)
		}
	case "grant_advance":
		kind, body = "legal_aid_advance", fmt.Sprintf("您的法律援助申请（%s）已决定先行提供法律援助并指派律师（《法律援助法》第四十四条），请及时补充材料、办理有关手续。%s", a.Code, where)
	case "reject":
		kind, body = "legal_aid_refused", fmt.Sprintf("您的法律援助申请（%s）经审查不予法律援助。如有异议，可以向%s提出（《法律援助法》第四十九条）。%s", a.Code, s.BureauName, where)
	case "terminate":
		kind, body = "legal_aid_terminated", fmt.Sprintf("您的法律援助（%s）已决定终止。如有异议，可以向%s提出（《法律援助法》第四十九条）。%s", a.Code, s.BureauName, where)
	case "objection_upheld", "objection_overturned":
		kind, body = "legal_aid_objection", fmt.Sprintf("%s已对您就法律援助（%s）提出的异议作出决定。%s", s.BureauName, a.Code, where)
	default:
		return nil
	}
	return &Notice{Kind: kind, Body: "【法律援助】" + body, RecipientSealed: a.PhoneSealed, RecipientIndex: a.PhoneIndex,
		RecipientMasked: pii.MaskPhone(phone)}
}
