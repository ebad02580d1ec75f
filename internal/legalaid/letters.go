package legalaid

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
)

// LetterText is a letter's content; the API renders it as PDF. Date is the
// day of the decision, never the day the letter is printed.
type LetterText struct {
	Kind, Title, Number, To, Issuer, Date string
	Body                                  []string
}

// Letter kinds, with the events that make them.
var letterActions = map[string][]string{
	"approval":    {"approve", "objection_overturned"},
	"refusal":     {"reject"},
	"materials":   {"request_materials"},
	"termination": {"terminate"},
	"withdrawal":  {"deem_withdrawn"},
	"objection":   {"objection_upheld", "objection_overturned"},
}

// ErrNoLetter: the application has no decision of the kind asked for.
var ErrNoLetter = errs.New(errs.Conflict, "该申请没有此项决定", "there is no such decision on this application")

// Letter writes the letter of one decision (kind: approval, refusal,
// materials, termination, withdrawal, objection; empty for the one that
// stands now) to whoever may see the application. Each names the centre,
// the bureau that hears objections, the applicant and, where different, the
// aided person, and states the rights the decision leaves.
func (s *Service) Letter(ctx context.Context, v Viewer, id int64, kind string) (LetterText, error) {
	a, err := s.Get(ctx, v, id)
	if err != nil {
		return LetterText{}, err
	}
	if _, ok := letterActions[kind]; !ok && kind != "" {
		return LetterText{}, errs.New(errs.Invalid, "通知书类型无效", "unknown letter kind").
			Field("kind", "应为 approval、refusal、materials、termination、withdrawal 或 objection", "unknown kind")
	}
	events, err := s.Store.Events(ctx, id)
	if err != nil {
		return LetterText{}, err
	}
	if kind == "" {
		kind = currentLetter(a, events)
	}
	ev, ok := lastEvent(events, kind)
	if !ok {
		return LetterText{}, ErrNoLetter
	}
	l := LetterText{Kind: kind, To: a.Name, Issuer: s.CentreName, Date: chineseDate(ev.At),
		Number: fmt.Sprintf("法援字〔%d〕%s-%d号", ev.At.In(calendar.Shanghai).Year(), a.Code, ev.ID)}
	if a.RepresentedName != "" && a.RepresentedName != a.Name {
		l.To = fmt.Sprintf("%s（受援人：%s）", a.Name, a.RepresentedName)
	}
	applied := fmt.Sprintf("你于%s提出的法律援助申请（申请编号 %s）", chineseDate(a.CreatedAt), a.Code)
	objection := fmt.Sprintf("如对本决定有异议，可以依照《中华人民共和国法律援助法》第四十九条的规定，向%s提出。%s应当自收到异议之日起五日内进行审查，作出维持或者责令%s改正的决定。",
		s.BureauName, s.BureauName, s.CentreName)
	voice := fmt.Sprintf("对法律援助工作有意见或者建议的，可以向%s或者%s反映。", s.CentreName, s.BureauName)
	switch kind {
	case "approval":
		l.Title = "给予法律援助决定书"
		l.Body = []string{applied + "，经审查，符合《中华人民共和国法律援助法》规定的条件，决定给予法律援助。",
			fmt.Sprintf("%s将自本决定作出之日起三日内指派法律援助人员为受援人提供法律援助（第四十三条）。", s.CentreName),
			fmt.Sprintf("受援期间，受援人应当如实陈述与案件有关的事实，提供有关证据材料；有该法第四十八条规定情形的，将终止法律援助。对终止决定有异议的，可以依照第四十九条向%s提出。", s.BureauName)}
	case "refusal":
		l.Title = "不予法律援助决定书"
		l.Body = []string{applied + "，经审查，决定不予法律援助。", "理由：" + ev.Reason, objection}
	case "materials":
		l.Title = "补充材料通知书"
		l.Body = []string{applied + "，材料不齐全。依照《中华人民共和国法律援助法》第四十三条，现一次性告知你需要补充的全部材料：",
			a.MissingMaterials,
			fmt.Sprintf("请于%s前补充上述材料或者作出说明（可在“我的援助”中上传，或送交%s）。补充材料期间，审查期限暂停计算，材料补齐后继续计算。", longDate(a.SupplementBy), s.CentreName),
			"逾期未补充材料或者作出说明的，视为撤回申请。", voice}
	case "termination":
		l.Title = "终止法律援助决定书"
		l.Body = []string{fmt.Sprintf("经审查，%s存在《中华人民共和国法律援助法》第四十八条规定的情形：%s。决定自%s起终止法律援助。", applied, Art48Grounds[a.TerminationGround], l.Date),
			"理由：" + ev.Reason, objection}
		if a.TerminationGround == "" { // overturned since: the ground is in the event
			l.Body[0] = fmt.Sprintf("经审查，%s存在《中华人民共和国法律援助法》第四十八条规定的情形，决定自%s起终止法律援助。", applied, l.Date)
		}
	case "withdrawal":
		l.Title = "视为撤回申请通知书"
		l.Body = []string{fmt.Sprintf("%s，经一次性告知补充材料，你未在%s前补充材料或者作出说明。依照《中华人民共和国法律援助法》第四十三条，视为撤回申请。", applied, longDate(a.SupplementBy)),
			"如仍需法律援助，可以重新提出申请。", voice}
	case "objection":
		l = objectionLetter(l, s, applied, ev, events)
	}
	if kind == "approval" && a.AdvanceAt != nil {
		l.Body[1] = fmt.Sprintf("%s已于%s依照该法第四十四条先行提供法律援助并指派律师，本决定作出后继续提供法律援助。", s.CentreName, chineseDate(*a.AdvanceAt))
	}
	return l, nil
}

func objectionLetter(l LetterText, s *Service, applied string, ev Event, events []Event) LetterText {
	l.Title, l.Issuer = "法律援助异议审查决定书", s.BureauName
	what := "不予法律援助"
	if o, ok := lastEvent(events, "objected"); ok && o.From == Terminated {
		what = "终止法律援助"
	}
	l.Body = []string{fmt.Sprintf("就%s，%s作出%s的决定，你依照《中华人民共和国法律援助法》第四十九条提出异议。本机关经审查，", applied, s.CentreName, what)}
	if ev.Action == "objection_overturned" {
		l.Body[0] += fmt.Sprintf("决定责令%s改正。", s.CentreName)
		l.Body = append(l.Body, "理由："+ev.Reason, fmt.Sprintf("%s将依照本决定继续办理。", s.CentreName))
		return l
	}
	l.Body[0] += fmt.Sprintf("决定维持%s的决定。", s.CentreName)
	l.Body = append(l.Body, "理由："+ev.Reason,
		"如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者自收到本决定书之日起六个月内依法向人民法院提起行政诉讼。")
	return l
}

// currentLetter is the letter of the decision that stands now; for the
// bureau reviewing an objection, the decision objected to.
func currentLetter(a Application, events []Event) string {
	switch {
	case (a.Status == Refused || a.Status == Terminated) && a.ObjectionDecided:
		return "objection"
	}
	switch a.Status {
	case Refused:
		return "refusal"
	case Terminated:
		return "termination"
	case MaterialsRequested:
		return "materials"
	case DeemedWithdrawn:
		return "withdrawal"
	case ObjectionPending:
		if o, ok := lastEvent(events, "objected"); ok && o.From == Terminated {
			return "termination"
		}
		return "refusal"
	}
	return "approval"
}

// lastEvent finds the latest event of a letter kind ("objected" finds the
// last objection filed).
func lastEvent(events []Event, kind string) (Event, bool) {
	actions := letterActions[kind]
	if kind == "objected" {
		actions = []string{"object"}
	}
	for i := len(events) - 1; i >= 0; i-- {
		if slices.Contains(actions, events[i].Action) && (kind != "approval" || events[i].Action == "approve" || events[i].To == Approved) {
			return events[i], true
		}
	}
	return Event{}, false
}

func chineseDate(t time.Time) string { return t.In(calendar.Shanghai).Format("2006年1月2日") }

func longDate(d *calendar.Date) string {
	if d == nil {
		return ""
	}
	return fmt.Sprintf("%d年%d月%d日", d.Year(), d.Month(), d.Day())
}
