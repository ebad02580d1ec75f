package legalaid

import (
	"context"
	"strings"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/pii"
)

// Organs are who notify the centre to appoint a defender (Arts. 25, 28, 36).
var Organs = map[string]string{"court": "人民法院", "procuratorate": "人民检察院", "police": "公安机关"}

// NoticeForm is a notice of a criminal case received by the centre. It is
// not an application: no economic status is asked for and the case is
// never refused; a lawyer is assigned within three days of its receipt.
type NoticeForm struct {
	Organ      string `json:"organ"`       // court, procuratorate, police
	OrganName  string `json:"organ_name"`  // e.g. 高平市人民法院
	CaseNumber string `json:"case_number"` // the organ's case number
	NoticeDate string `json:"notice_date"` // the date on the notice
	Category   string `json:"category"`    // the Art. 25 item, or Art. 28 compulsory medical treatment
	Name       string `json:"name"`        // the suspect or defendant
	IDNumber   string `json:"id_number"`   // when the notice gives it
	Summary    string `json:"summary"`
}

func (f NoticeForm) check(today calendar.Date) (calendar.Date, error) {
	e := errs.Fields{}
	if _, ok := Organs[f.Organ]; !ok {
		e.Add("organ", "请选择通知机关（人民法院、人民检察院或公安机关）", "court, procuratorate or police")
	}
	if !length(f.OrganName, 0, 30) {
		e.Add("organ_name", "机关名称不超过30字", "at most 30 characters")
	}
	if !length(f.CaseNumber, 2, 50) {
		e.Add("case_number", "请填写通知机关的案号（至多50字）", "the organ's case number (at most 50 characters)")
	}
	if _, ok := MandatoryCriminal[f.Category]; !ok {
		e.Add("category", "请选择第二十五条所列情形或第二十八条强制医疗", "choose the Art. 25 item or Art. 28")
	}
	if !length(f.Name, 2, 30) {
		e.Add("name", "请填写犯罪嫌疑人、被告人姓名", "the suspect's or defendant's name")
	}
	if f.IDNumber != "" && !pii.ValidIDNumber(f.IDNumber) {
		e.Add("id_number", "身份证号码不正确", "invalid ID number")
	}
	if !length(f.Summary, 0, 2000) {
		e.Add("summary", "案情不超过2000字", "at most 2000 characters")
	}
	d, err := calendar.ParseDate(f.NoticeDate)
	if err != nil || d.After(today) || today.DaysUntil(d) < -60 {
		e.Add("notice_date", "通知日期应为今天或之前60日内（YYYY-MM-DD）", "the notice's date: today or within the last 60 days")
	}
	return d, e.Err()
}

// RegisterNotice records a notified defence, received now: approved by law
// (Arts. 25, 28), on the board with its three-day assignment clock (Art. 36).
func (s *Service) RegisterNotice(ctx context.Context, v Viewer, f NoticeForm) (Application, error) {
	if !v.officer() {
		return Application{}, errs.New(errs.Forbidden, "仅法律援助工作人员可登记通知", "officers only")
	}
	d, err := f.check(s.today())
	if err != nil {
		return Application{}, err
	}
	now := s.Now().UTC()
	id := strings.ToUpper(strings.TrimSpace(f.IDNumber))
	organ := strings.TrimSpace(f.OrganName)
	if organ == "" {
		organ = Organs[f.Organ]
	}
	a := Application{Code: newCode(now), EnteredBy: v.ID, Name: strings.TrimSpace(f.Name),
		IDSealed: s.Box.Seal(id), IDIndex: s.Box.Index("id", id), PhoneSealed: s.Box.Seal(""), PhoneIndex: "",
		Relation: Self, Matter: Criminal, CriminalCategory: f.Category, Mandatory: true, Summary: strings.TrimSpace(f.Summary),
		Origin: Notified, NoticeOrgan: organ, NoticeCaseNo: strings.TrimSpace(f.CaseNumber), NoticeDate: &d,
		Status: Approved, CompleteAt: &now, DecidedAt: &now, CreatedAt: now, UpdatedAt: now}
	a.SpecialGroups = EncodeGroups(DeriveGroups(a, id, s.today()))
	ev := Event{Actor: v.ID, ActorRole: string(Officer), To: Approved, Action: "register_notice",
		Reason: organ + "通知指派律师（" + a.NoticeCaseNo + "）", At: now}
	if err := s.Store.CreateApplication(ctx, &a, ev); err != nil {
		return Application{}, err
	}
	return s.reveal(a, v)
}
