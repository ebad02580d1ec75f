package mediation

import (
	"context"
	"crypto/rand"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/pii"
)

// Intake is a dispute taken in: by a mediator at the desk, or from a
// consultation a lawyer referred to mediation (Art. 17: parties apply, or
// a committee mediates of its own accord).
type Intake struct {
	ConsultationID *int64       `json:"consultation_id"`
	Type           Type         `json:"type"`
	Summary        string       `json:"summary"`
	Township       string       `json:"township"`
	Parties        []PartyInput `json:"parties"`
	CommitteeID    *int64       `json:"committee_id"`
	RoomSiteID     *int64       `json:"room_site_id"`
}

// PartyInput is a party as the form gives it.
type PartyInput struct {
	Role     string `json:"role"` // applicant or respondent
	Name     string `json:"name"`
	Phone    string `json:"phone"`
	IDNumber string `json:"id_number"`
}

// MaxParties bounds one dispute's parties.
const MaxParties = 10

func (in *Intake) check() error {
	f := errs.Fields{}
	in.Summary, in.Township = strings.TrimSpace(in.Summary), strings.TrimSpace(in.Township)
	if !slices.Contains(Types, in.Type) {
		f.Add("type", "请选择纠纷类型", "choose the type of dispute")
	}
	if n := utf8.RuneCountInString(in.Summary); n < 5 || n > 2000 {
		f.Add("summary", "请填写纠纷简要情况（5至2000字）", "a summary of 5 to 2000 characters")
	}
	if n := utf8.RuneCountInString(in.Township); n == 0 || n > 30 {
		f.Add("township", "请选择纠纷发生的乡镇（街道）", "choose the township")
	}
	roles := map[string]int{}
	if len(in.Parties) > MaxParties {
		f.Add("parties", "当事人至多10人", "at most 10 parties")
	}
	for i := range in.Parties {
		p := &in.Parties[i]
		p.Name, p.Phone, p.IDNumber = strings.TrimSpace(p.Name), pii.NormalizePhone(p.Phone), strings.ToUpper(strings.TrimSpace(p.IDNumber))
		roles[p.Role]++
		if p.Role != "applicant" && p.Role != "respondent" {
			f.Add("parties", "当事人应为申请人或被申请人", "a party is an applicant or a respondent")
		}
		if n := utf8.RuneCountInString(p.Name); n == 0 || n > 50 {
			f.Add("parties", "请填写每位当事人的姓名或名称（不超过50字）", "each party's name (at most 50 characters)")
		}
		if p.Phone != "" && !pii.ValidPhone(p.Phone) {
			f.Add("parties", "手机号码不正确", "invalid mobile number")
		}
		if p.IDNumber != "" && !pii.ValidIDNumber(p.IDNumber) {
			f.Add("parties", "身份证号码不正确", "invalid ID number")
		}
	}
	if roles["applicant"] == 0 || roles["respondent"] == 0 {
		f.Add("parties", "至少需要一名申请人和一名被申请人", "at least one applicant and one respondent")
	}
	return f.Err()
}

// Create takes a dispute in. From a consultation, the referral must still
// be waiting; the applicant without a phone gets the consulting resident's,
// so that notices reach them. The 30-day clock starts now.
func (s *Service) Create(ctx context.Context, v Viewer, in Intake) (Dispute, error) {
	if !v.mediator() {
		return Dispute{}, ErrMediatorsOnly
	}
	if err := in.check(); err != nil {
		return Dispute{}, err
	}
	if ok, err := s.Store.KnownTownship(ctx, in.Township); err != nil || !ok {
		if err != nil {
			return Dispute{}, err
		}
		return Dispute{}, errs.New(errs.Invalid, "未知的乡镇（街道）", "unknown township").Field("township", "请选择乡镇（街道）", "choose a township")
	}
	now := s.Now().UTC()
	d := Dispute{Number: newNumber(now), Type: in.Type, Summary: in.Summary, Township: in.Township, Status: Accepted,
		Source: "staff", AcceptedAt: now, DueAt: DueAt(now), CreatedBy: v.ID, CreatedAt: now, UpdatedAt: now}
	note := "现场受理"
	var carried string
	if in.ConsultationID != nil {
		r, err := s.Store.MediationReferral(ctx, *in.ConsultationID)
		if errs.Is(err, errs.NotFound) {
			return Dispute{}, errs.New(errs.NotFound, "没有待受理的调解转介", "no waiting referral to mediation").
				Field("consultation_id", "该咨询未转介调解或已受理", "not a waiting referral")
		}
		if err != nil {
			return Dispute{}, err
		}
		d.Source, d.ConsultationID, carried = "consultation", in.ConsultationID, r.PhoneSealed
		note = "由律师咨询转介受理（" + r.SiteName + "）"
	}
	for i, p := range in.Parties {
		sealedPhone := s.Box.Seal(p.Phone)
		if p.Phone == "" && p.Role == "applicant" && carried != "" {
			sealedPhone, carried = carried, ""
		}
		d.Parties = append(d.Parties, Party{Role: p.Role, NameSealed: s.Box.Seal(p.Name), PhoneSealed: sealedPhone,
			IDSealed: s.Box.Seal(p.IDNumber), Position: i})
	}
	events := []Event{{ActorID: &v.ID, From: "", To: string(Accepted), Note: note, At: now}}
	if in.CommitteeID != nil || in.RoomSiteID != nil {
		ev, err := s.assign(ctx, &d, Action{Name: "assign", CommitteeID: in.CommitteeID, RoomSiteID: in.RoomSiteID}, v.ID, now)
		if err != nil {
			return Dispute{}, err
		}
		events = append(events, ev)
	}
	err := s.Store.CreateDispute(ctx, &d, events)
	if errs.Is(err, errs.Conflict) && d.ConsultationID != nil {
		return Dispute{}, ErrTaken
	}
	if err != nil {
		return Dispute{}, err
	}
	return s.Get(ctx, v, d.ID)
}

// assign checks the committee or room named and applies the assignment,
// naming it in the event.
func (s *Service) assign(ctx context.Context, d *Dispute, act Action, actor int64, now time.Time) (Event, error) {
	name := ""
	switch {
	case act.CommitteeID != nil && act.RoomSiteID == nil:
		c, err := s.Store.MediationCommittee(ctx, *act.CommitteeID)
		if errs.Is(err, errs.NotFound) || (err == nil && !c.Active) {
			return Event{}, errs.New(errs.Invalid, "调解委员会不存在", "no such committee").Field("committee_id", "请选择调解委员会", "choose a committee")
		}
		if err != nil {
			return Event{}, err
		}
		name = c.Name
	case act.RoomSiteID != nil && act.CommitteeID == nil:
		r, err := s.Store.MediationRoom(ctx, *act.RoomSiteID)
		if errs.Is(err, errs.NotFound) {
			return Event{}, errs.New(errs.Invalid, "派驻调解室不存在", "no such mediation room").Field("room_site_id", "请选择派驻调解室", "choose a room")
		}
		if err != nil {
			return Event{}, err
		}
		name = r.Name
	}
	ev, err := Apply(d, act, actor, now)
	if err != nil {
		return Event{}, err
	}
	ev.Note = strings.TrimSpace("指派：" + name + " " + ev.Note)
	d.CommitteeName, d.RoomName = "", ""
	return ev, nil
}

// numberAlphabet leaves out 0, 1, I, L and O, which read alike.
const numberAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

// newNumber is a dispute's number: M, the China date, and four letters.
func newNumber(now time.Time) string {
	b := make([]byte, 4)
	rand.Read(b)
	for i := range b {
		b[i] = numberAlphabet[int(b[i])%len(numberAlphabet)]
	}
	return "M" + strings.ReplaceAll(chinaDate(now).String(), "-", "") + "-" + string(b)
}
