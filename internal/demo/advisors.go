package demo

import (
	"fmt"
	"time"

	"github.com/legaldesk/legaldesk/internal/advisor"
	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/network"
	"github.com/legaldesk/legaldesk/internal/store"
)

// DemoAdvisorCap is the cap the demo's contracts were drawn under.
const DemoAdvisorCap = 10

// buildAdvisors gives about seven villages in eight an advisor (so that the
// auto-assign has work to do), drawn by the scheme's own auto-assign, with
// terms that started over the last two years (a few end within 30 days)
// and three months of service logs, some duties missed.
func buildAdvisors(d *store.Seed, now time.Time) {
	today := calendar.DateOf(now)
	var in advisor.AutoInput
	in.Cap = DemoAdvisorCap
	for i, s := range d.Sites {
		if s.Site.Tier == network.Room && i%8 != 5 {
			in.Villages = append(in.Villages, advisor.Village{ID: int64(i), Name: s.Site.Name, Township: s.Site.Township})
		}
	}
	for i, l := range d.Lawyers {
		in.Lawyers = append(in.Lawyers, advisor.Lawyer{ID: int64(i), HomeTownship: l.HomeTownship, FirmID: int64(l.Firm)})
	}
	for k, p := range advisor.AutoAssign(in).Proposals {
		starts := today.AddDays(-30 - (k*37)%700)
		ends := calendar.DateOf(starts.At(12, 0).AddDate(3, 0, -1))
		if k%23 == 4 {
			ends = today.AddDays(5 + k%25) // a few contracts end soon: the bureau is reminded
		}
		n := advisor.New{SiteID: p.SiteID, LawyerID: p.LawyerID, StartsOn: starts, EndsOn: ends,
			OnSiteWeek: 1 + k%4, OnSiteWeekday: 1 + (k/4)%5}
		d.Advisors = append(d.Advisors, store.SeedAdvisor{Site: int(p.SiteID), Lawyer: int(p.LawyerID), New: n})
		d.AdvisorLogs = append(d.AdvisorLogs, demoLogs(k, int(p.SiteID), int(p.LawyerID), starts, today)...)
	}
}

var demoNotes = []string{"村委会会议室坐班，解答土地承包问题", "为村民讲解《民法典》婚姻家庭编", "入户走访留守老人，讲解赡养义务",
	"审查村集体土地流转合同", "参与调解宅基地边界纠纷", "解答农民工工资拖欠问题"}

// demoLogs are three months of one advisor's work in one village, ending
// yesterday; about one month in nine lacks its on-site day.
func demoLogs(k, site, lawyer int, starts, today calendar.Date) []store.SeedAdvisorLog {
	var out []store.SeedAdvisorLog
	add := func(d calendar.Date, kind advisor.Kind, count, people int) {
		if d.Before(today) && !d.Before(starts) {
			note := demoNotes[(k+len(out))%len(demoNotes)] + sample
			out = append(out, store.SeedAdvisorLog{Site: site, Lawyer: lawyer,
				Log: advisor.Log{Date: d, Kind: kind, Count: count, People: people, Notes: note}})
		}
	}
	m := advisor.MonthOf(today).Prev().Prev()
	for j := range 3 {
		first := m.First()
		if (k+j)%9 != 3 {
			add(first.AddDays((k*3+j)%24), advisor.OnSite, 1, 3+(k+j)%9)
			add(first.AddDays((k*3+j)%24), advisor.Consultation, 1+(k+j)%5, 0)
		}
		if (k+j)%3 == 0 && k%7 != 2 {
			add(first.AddDays((k+5*j)%26), advisor.Lecture, 1, 20+(k*7+j)%40)
		}
		if (k+j)%2 == 0 {
			add(first.AddDays((k+11*j)%27), advisor.DoorToDoor, 2+(k+j)%10, 2+(k+j)%10)
		}
		if (k+j)%5 == 1 {
			add(first.AddDays((k+2*j)%27), advisor.Review, 1+(k+j)%3, 0)
		}
		if (k+j)%11 == 6 {
			add(first.AddDays((k+j)%27), advisor.Mediation, 1, 2)
		}
		m = m.Next()
	}
	return out
}

// workPhone is a lawyer's published office number (an invented one).
func workPhone(i int) string { return fmt.Sprintf("0356-52%05d", 10+i*7) }
