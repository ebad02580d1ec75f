package legalaid

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/pii"
)

// Form is what the application form sends.
type Form struct {
	Name             string   `json:"name"`
	IDNumber         string   `json:"id_number"`
	Phone            string   `json:"phone"`
	Address          string   `json:"address"`
	Township         string   `json:"township"`
	Relation         Relation `json:"relation"`
	RepresentedName  string   `json:"represented_name"`
	AidedIDNumber    string   `json:"aided_id_number"` // the aided person's, on an application on their behalf
	Matter           Matter   `json:"matter"`
	CriminalCategory string   `json:"criminal_category"`
	Art31Item        string   `json:"art31_item"`
	OpposingParty    string   `json:"opposing_party"`
	Summary          string   `json:"summary"`
	LimitationDate   string   `json:"limitation_date"`
	UrgentPreserve   bool     `json:"urgent_preservation"`
	Path             Path     `json:"path"`
	PathDetail       string   `json:"path_detail"`
	Veteran          bool     `json:"veteran"`
	// The economic statement of the Art. 41 pledge.
	HouseholdSize   int    `json:"household_size"`
	HouseholdIncome int    `json:"household_income"` // yuan a month, the whole household
	NotableAssets   string `json:"notable_assets"`
	// PledgeConfirmed and PledgeSignature sign the Art. 41 pledge.
	PledgeConfirmed  bool   `json:"pledge_confirmed"`
	PledgeSignature  string `json:"pledge_signature"`
	SensitiveConsent bool   `json:"sensitive_consent"`
}

func length(s string, min, max int) bool {
	n := utf8.RuneCountInString(strings.TrimSpace(s))
	return n >= min && n <= max
}

// check validates the form with a message per field. Officers entering a
// walk-in may record a landline or no phone (Art. 45).
func (f Form) check(today calendar.Date, walkIn bool) (*calendar.Date, error) {
	e := errs.Fields{}
	if !length(f.Name, 2, 30) {
		e.Add("name", "请填写申请人姓名", "the applicant's name is required")
	}
	if _, ok := BirthDate(f.IDNumber, today); !ok {
		e.Add("id_number", "身份证号码不正确（18位：地区代码、出生日期、末位校验码）", "invalid ID number (region code, birth date, check digit)")
	}
	switch phone := pii.NormalizePhone(f.Phone); {
	case pii.ValidPhone(phone):
	case walkIn && (strings.TrimSpace(f.Phone) == "" || validLandline(f.Phone)):
	case walkIn:
		e.Add("phone", "请输入11位手机号码或带区号的固定电话，没有可不填", "a mobile, a landline with its area code, or nothing")
	default:
		e.Add("phone", "请输入11位手机号码", "enter an 11-digit mobile number")
	}
	if !length(f.Address, 0, 200) {
		e.Add("address", "地址不超过200字", "at most 200 characters")
	}
	if !length(f.Township, 0, 30) {
		e.Add("township", "乡镇（街道）不超过30字", "at most 30 characters")
	}
	switch f.Relation {
	case Self:
		if !length(f.RepresentedName, 0, 30) {
			e.Add("represented_name", "当事人姓名不超过30字", "at most 30 characters")
		}
		if f.AidedIDNumber != "" {
			e.Add("aided_id_number", "本人申请时无需填写受援人身份证号码", "only for an application on someone's behalf")
		}
	case LegalRepresentative, CloseRelative:
		if !length(f.RepresentedName, 2, 30) {
			e.Add("represented_name", "代为申请时请填写当事人姓名", "name the person you apply for")
		}
		if _, ok := BirthDate(f.AidedIDNumber, today); f.AidedIDNumber != "" && !ok {
			e.Add("aided_id_number", "受援人身份证号码不正确", "invalid ID number")
		}
	default:
		e.Add("relation", "请选择本人申请或代为申请", "choose self, legal_representative or close_relative")
	}
	if _, ok := Matters[f.Matter]; !ok {
		e.Add("matter", "请选择案件类型", "choose the matter")
	}
	if f.CriminalCategory != "" {
		if _, ok := MandatoryCriminal[f.CriminalCategory]; !ok || f.Matter != Criminal {
			e.Add("criminal_category", "刑事案件类别无效", "unknown criminal category")
		}
	}
	// Art. 32 cases need no Art. 31 item: they stand on their own ground.
	if _, ok := Art31Items[f.Art31Item]; (f.Matter == CivilAdmin && f.Path != Art32 || f.Art31Item != "") && !ok {
		e.Add("art31_item", "请选择属于第三十一条的哪一项事项", "choose the Art. 31 item")
	}
	if !length(f.Summary, 10, 2000) {
		e.Add("summary", "请简要说明案情（10至2000字）", "describe the case (10 to 2000 characters)")
	}
	if !length(f.OpposingParty, 0, 100) {
		e.Add("opposing_party", "对方当事人不超过100字", "at most 100 characters")
	}
	limit := f.checkPath(e, today)
	if !f.SensitiveConsent {
		e.Add("sensitive_consent", "请单独同意处理身份证号等敏感个人信息", "consent to the processing of sensitive personal information")
	}
	return limit, e.Err()
}

func (f Form) checkPath(e errs.Fields, today calendar.Date) *calendar.Date {
	switch f.Path {
	case Art32:
		if _, ok := Art32Grounds[f.PathDetail]; !ok {
			e.Add("path_detail", "请选择属于第三十二条的哪一种情形", "choose the Art. 32 ground")
		}
	case Art42:
		if _, ok := Art42Groups[f.PathDetail]; !ok {
			e.Add("path_detail", "请选择所属人员类别", "choose the Art. 42 group")
		}
	case Art41:
		if !f.PledgeConfirmed || strings.TrimSpace(f.PledgeSignature) != strings.TrimSpace(f.Name) {
			e.Add("pledge_signature", "请确认承诺书、经济状况说明和授权核查书，并签署与申请人一致的姓名", "confirm the pledge and sign with the applicant's name")
		}
		if f.HouseholdSize < 1 || f.HouseholdSize > 20 {
			e.Add("household_size", "请填写家庭人口数（1至20人）", "household size, 1 to 20")
		}
		if f.HouseholdIncome < 0 || f.HouseholdIncome > 10_000_000 {
			e.Add("household_income", "请填写家庭月收入（元）", "monthly household income in yuan")
		}
		if !length(f.NotableAssets, 0, 200) {
			e.Add("notable_assets", "主要财产不超过200字", "at most 200 characters")
		}
	case Proofs:
	default:
		e.Add("path", "请选择经济状况证明方式", "choose how economic status is shown")
	}
	if (f.Path == Art41 || f.Path == Proofs) && !length(f.PathDetail, 0, 50) {
		e.Add("path_detail", "补充说明不超过50字", "at most 50 characters")
	}
	if f.LimitationDate == "" {
		return nil
	}
	d, err := calendar.ParseDate(f.LimitationDate)
	if err != nil || d.Before(today) {
		e.Add("limitation_date", "时效截止日期应为今天或以后的日期（YYYY-MM-DD）", "the limitation date is today or later (YYYY-MM-DD)")
		return nil
	}
	if !calendar.CheckYear("limitation_date", d, e) {
		return nil
	}
	return &d
}

// Submit records an application from a resident (online) or an officer
// (at the window, for a walk-in). A complete application starts the
// seven-day decision clock at once.
func (s *Service) Submit(ctx context.Context, v Viewer, f Form) (Application, error) {
	limit, err := f.check(s.today(), v.officer())
	if err != nil {
		return Application{}, err
	}
	if v.Role == "resident" {
		if err := s.checkOpenCount(ctx, v); err != nil {
			return Application{}, err
		}
	}
	now := s.Now().UTC()
	id := strings.ToUpper(strings.TrimSpace(f.IDNumber))
	phone := pii.NormalizePhone(f.Phone)
	if !pii.ValidPhone(phone) {
		phone = strings.TrimSpace(f.Phone) // a walk-in's landline, or none
	}
	aided := strings.ToUpper(strings.TrimSpace(f.AidedIDNumber))
	a := Application{Code: newCode(now), EnteredBy: v.ID, Name: strings.TrimSpace(f.Name),
		IDSealed: s.Box.Seal(id), IDIndex: s.Box.Index("id", id), PhoneSealed: s.Box.Seal(phone), PhoneIndex: s.Box.Index("phone", phone),
		AidedIDSealed: s.Box.Seal(aided), AidedIDIndex: s.Box.Index("id", aided),
		Address: strings.TrimSpace(f.Address), Township: strings.TrimSpace(f.Township), Relation: f.Relation,
		RepresentedName: strings.TrimSpace(f.RepresentedName), Matter: f.Matter, CriminalCategory: f.CriminalCategory,
		Art31Item: strings.TrimSpace(f.Art31Item), Mandatory: f.Matter == Criminal && f.CriminalCategory != "",
		OpposingParty: strings.TrimSpace(f.OpposingParty), Summary: strings.TrimSpace(f.Summary), LimitationDate: limit,
		UrgentPreserve: f.UrgentPreserve, Path: f.Path, PathDetail: strings.TrimSpace(f.PathDetail), Veteran: f.Veteran,
		SensitiveConsent: true, Origin: Applied, Status: Received, CompleteAt: &now, CreatedAt: now, UpdatedAt: now}
	if f.Path == Art41 {
		a.PledgeVersion, a.PledgeSignedName = PledgeVersion, strings.TrimSpace(f.PledgeSignature)
		a.HouseholdSize, a.HouseholdIncome, a.NotableAssets = f.HouseholdSize, f.HouseholdIncome, strings.TrimSpace(f.NotableAssets)
	}
	a.SpecialGroups = EncodeGroups(DeriveGroups(a, aidedIDOf(a, id, aided), s.today()))
	role := Applicant
	if v.Role == "resident" {
		a.ApplicantUserID = &v.ID
	} else {
		role = Officer
	}
	ev := Event{Actor: v.ID, ActorRole: string(role), From: "", To: Received, Action: "submit", At: now}
	ev.Notice = s.noticeFor(a, ev) // the number, by SMS, in the same transaction
	if err := s.Store.CreateApplication(ctx, &a, ev); err != nil {
		return Application{}, err
	}
	// Shown in Shanghai time, as a read of the application would be: the
	// receipt's date is the local day the clocks count from.
	local := now.In(calendar.Shanghai)
	a.CreatedAt, a.UpdatedAt, a.CompleteAt = local, local, &local
	return s.reveal(a, v)
}

// MaxOpen is how many undecided or running applications one resident may
// have at once: enough for a family's matters, not enough to flood the board.
const MaxOpen = 10

// ErrTooManyOpen refuses an application past MaxOpen.
var ErrTooManyOpen = errs.New(errs.Conflict, fmt.Sprintf("您已有%d件尚未办结的申请，请等待处理结果或撤回后再申请", MaxOpen),
	fmt.Sprintf("you already have %d open applications; wait for a decision or withdraw one", MaxOpen))

// openStatuses are those an application is still being handled in.
var openStatuses = []Status{Received, MaterialsRequested, Approved, Assigned, ObjectionPending}

func (s *Service) checkOpenCount(ctx context.Context, v Viewer) error {
	open, err := s.Store.Applications(ctx, Filter{ApplicantUserID: v.ID, Statuses: openStatuses})
	if err != nil {
		return err
	}
	if len(open) >= MaxOpen {
		return ErrTooManyOpen
	}
	return nil
}
