package demo

import (
	"strings"
	"testing"
	"time"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/network"
	"github.com/legaldesk/legaldesk/internal/pii"
)

func TestBuild(t *testing.T) {
	box, _ := pii.NewBox("k1", pii.NewKey(), pii.NewKey())
	d, err := Build(box, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	count := map[network.Tier]int{}
	names := map[string]bool{}
	for _, s := range d.Sites {
		count[s.Site.Tier]++
		var parent *network.Site
		if s.Parent >= 0 {
			parent = &d.Sites[s.Parent].Site
		}
		if err := network.Check(s.Site, parent); err != nil {
			t.Fatalf("%s breaks the tree rules: %v", s.Site.Name, err)
		}
		key := s.Site.Township + s.Site.Name
		if names[key] {
			t.Fatalf("duplicate site %s", key)
		}
		names[key] = true
		if s.Site.Sample != strings.Contains(s.Site.Name, "（示例）") {
			t.Errorf("%s: sample flag and name disagree", s.Site.Name)
		}
	}
	if count[network.Center] != 1 || count[network.Station] != 16 || count[network.Room] < 290 || count[network.Mediation] != 9 {
		t.Fatalf("counts = %v", count)
	}
	if !names["米山镇米西村公共法律服务工作室"] || !names["寺庄镇市望村公共法律服务工作室"] {
		t.Error("known village names are missing")
	}
	if len(d.Lawyers) != 40 || len(d.Firms) != 6 {
		t.Errorf("lawyers = %d, firms = %d", len(d.Lawyers), len(d.Firms))
	}
}

// TestBuildAdvisors: the demo city starts with most villages covered, not
// all (the auto-assign has work to do), one advisor per village, nobody
// over the cap, a few contracts ending soon and three months of logs.
func TestBuildAdvisors(t *testing.T) {
	box, _ := pii.NewBox("k1", pii.NewKey(), pii.NewKey())
	now := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	d, err := Build(box, now)
	if err != nil {
		t.Fatal(err)
	}
	rooms, bySite, byLawyer, ending := 0, map[int]bool{}, map[int]int{}, 0
	for _, s := range d.Sites {
		if s.Site.Tier == network.Room {
			rooms++
		}
	}
	for _, a := range d.Advisors {
		if bySite[a.Site] || d.Sites[a.Site].Site.Tier != network.Room {
			t.Fatalf("site %d assigned twice or not a room", a.Site)
		}
		bySite[a.Site] = true
		byLawyer[a.Lawyer]++
		if a.EndsOn.Before(a.StartsOn) || a.StartsOn.After(calendarDate(now)) {
			t.Fatalf("term %s..%s", a.StartsOn, a.EndsOn)
		}
		if calendarDate(now).DaysUntil(a.EndsOn) <= 30 {
			ending++
		}
	}
	pct := 100 * len(d.Advisors) / rooms
	if pct < 80 || pct > 95 || ending == 0 {
		t.Fatalf("coverage %d%% (%d of %d), %d ending soon", pct, len(d.Advisors), rooms, ending)
	}
	for l, n := range byLawyer {
		if n > DemoAdvisorCap {
			t.Fatalf("lawyer %d advises %d villages", l, n)
		}
	}
	months := map[string]bool{}
	for _, g := range d.AdvisorLogs {
		if !bySite[g.Site] || !g.Log.Kind.Valid() || !g.Log.Date.Before(calendarDate(now)) {
			t.Fatalf("log %+v", g)
		}
		months[g.Log.Date.String()[:7]] = true
	}
	if len(d.AdvisorLogs) < 500 || len(months) != 3 {
		t.Fatalf("%d logs over months %v", len(d.AdvisorLogs), months)
	}
}

func calendarDate(t time.Time) calendar.Date { return calendar.DateOf(t) }
