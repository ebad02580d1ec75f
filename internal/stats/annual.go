package stats

import (
	"context"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
)

// Figure is one number of the annual report with its definition stated
// beside it, in Chinese and English.
type Figure struct {
	Key          string   `json:"key"`
	Value        *float64 `json:"value"` // null when there is nothing to divide by
	Unit         string   `json:"unit"`  // "" for counts, "%" for rates
	Label        string   `json:"label"`
	LabelEn      string   `json:"label_en"`
	Definition   string   `json:"definition"`
	DefinitionEn string   `json:"definition_en"`
}

// Annual is a year's figures (China time, 1 January to 31 December).
type Annual struct {
	Year         int      `json:"year"`
	Figures      []Figure `json:"figures"`
	IncludesDemo bool     `json:"includes_demo"`
}

// Annual counts a calendar year's report figures.
func (s *Service) Annual(ctx context.Context, v Viewer, year int) (Annual, error) {
	if year < calendar.MinYear || year > calendar.MaxYear {
		return Annual{}, errs.New(errs.Invalid, "年份无效", "invalid year").Field("year", "年份应在2000至2100之间", "a year from 2000 to 2100")
	}
	sum, err := s.Summary(ctx, v, Period{From: calendar.NewDate(year, 1, 1), To: calendar.NewDate(year, 12, 31)})
	if err != nil {
		return Annual{}, err
	}
	return Annual{Year: year, Figures: Figures(sum), IncludesDemo: sum.IncludesDemo}, nil
}

func n(i int) *float64 { f := float64(i); return &f }

// Figures lists a summary's figures with their definitions, the sections
// present only.
func Figures(sum Summary) []Figure {
	var out []Figure
	add := func(key string, v *float64, unit, zh, en, dzh, den string) {
		out = append(out, Figure{Key: key, Value: v, Unit: unit, Label: zh, LabelEn: en, Definition: dzh, DefinitionEn: den})
	}
	if c := sum.Consultations; c != nil {
		add("consultations_booked", n(c.Booked), "", "预约咨询", "consultations booked", "预约时间在统计期间内、未取消的律师值班免费咨询预约数", "bookings of a duty lawyer's free consultation whose appointment falls in the period, not cancelled")
		add("consultations_attended", n(c.Attended), "", "到场咨询", "booked consultations attended", "上述预约中律师登记到场的数量", "of those, marked attended by the lawyer")
		add("consultations_no_show", n(c.NoShow), "", "预约未到", "no-shows", "上述预约中登记未到场的数量", "of those, marked no-show")
		add("consultations_walk_in", n(c.WalkIns), "", "现场咨询（未预约）", "walk-in consultations", "统计期间内律师登记的未经预约的咨询记录数", "consultations without a booking that a lawyer recorded in the period")
		add("consultations_rating", c.AverageRating, "", "平均满意度（1–5分）", "average rating (1–5)", "预约时间在统计期间内、居民评价的平均分", "the mean score residents gave bookings whose appointment falls in the period")
	}
	if a := sum.LegalAid; a != nil {
		add("legal_aid_received", n(a.Received), "", "法律援助案件受理（收到申请）", "legal-aid cases received", "统计期间内收到的法律援助申请和办案机关通知辩护的件数", "legal-aid applications received and defences notified by a court, procuratorate or police in the period")
		add("legal_aid_special_groups", n(a.SpecialGroups), "", "其中：特殊群体", "of which: special groups", "上述案件中受援人属于未成年人、老年人、残疾人、妇女、农民工、退役军人和军属或低收入群体之一的件数（工作人员确认或据身份证号等推定）", "of those, cases whose aided person belongs to at least one special group (minors, elderly, disabled, women, migrant workers, veterans and military families, low-income), as confirmed by an officer or derived from the ID number and the application")
		for _, g := range Groups {
			add("legal_aid_group_"+g, n(a.ByGroup[g]), "", "其中："+GroupNames[g][0], "of which: "+GroupNames[g][1], "受援人属于该群体的件数；一件可属多个群体", "cases whose aided person belongs to this group; a case may count in several")
		}
		add("legal_aid_approved", n(a.Approved), "", "决定给予法律援助", "legal aid granted", "统计期间内作出给予法律援助决定（含通知辩护）的件数", "decisions to grant legal aid taken in the period, notified defences included")
		add("legal_aid_refused", n(a.Refused), "", "决定不予法律援助", "legal aid refused", "统计期间内作出不予法律援助决定的件数", "decisions to refuse legal aid taken in the period")
		add("legal_aid_on_time", a.OnTimePercent, "%", "七日内作出决定的比例", "decided within 7 days", "统计期间内作出决定的申请中，自收到完整申请之日起七日内（补充材料期间不计）作出决定的比例（《法律援助法》第四十三条）", "of applications decided in the period, the share decided within 7 days of the complete application, days awaiting materials not counted (Legal Aid Law Art. 43)")
		add("legal_aid_closed", n(a.Closed), "", "结案", "cases closed", "统计期间内结案的件数", "cases closed in the period")
	}
	if t := sum.Notary; t != nil {
		add("notary_matters", n(t.MattersDone), "", "办理公证事项", "notary matters done", "统计期间内办结的公证预约所含的公证事项数", "the notary matters of the visits finished (done) in the period")
		add("notary_home_visits", n(t.HomeVisitsDone), "", "上门公证服务", "notary home visits", "统计期间内办结的上门公证服务次数", "home visits finished in the period")
	}
	if d := sum.Advisors; d != nil {
		add("advisor_coverage", d.CoveragePercent, "%", "村（社区）法律顾问覆盖率", "village advisor coverage", "统计期间最后一日有法律顾问的村（社区）工作室占全部在用村（社区）工作室的比例", "village rooms with an advisor on the period's last day, of all active village rooms")
		add("advisor_services", n(d.Services), "", "法律顾问服务次数", "advisor services", "统计期间内法律顾问服务日志登记的服务次数合计", "the services advisors logged in the period, summed")
	}
	if d := sum.Disputes; d != nil {
		add("disputes_accepted", n(d.Accepted), "", "受理矛盾纠纷", "disputes accepted", "统计期间内人民调解受理的纠纷件数", "disputes people's mediation accepted in the period")
		add("disputes_resolved", n(d.Resolved), "", "调解成功", "disputes resolved", "统计期间内调解成功结案的件数", "disputes closed as resolved in the period")
		add("disputes_resolution_rate", d.ResolutionPercent, "%", "调解成功率", "resolution rate", "统计期间内调解成功件数占调解成功与调解不成件数之和的比例（撤回的不计）", "resolved, of resolved and unresolved disputes closed in the period (withdrawn not counted)")
	}
	return out
}
