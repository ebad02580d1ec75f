package roster_test

import (
	"testing"
	"time"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/demo"
	"github.com/legaldesk/legaldesk/internal/pii"
	"github.com/legaldesk/legaldesk/internal/roster"
)

// The seeded Gaoping demo (1 centre, 16 stations, 40 lawyers, their pools
// and duty rules) over three months with make-up workdays and the National
// Day holiday: every seat filled and every pool within one shift of fair.
func TestDemoNetworkThreeMonths(t *testing.T) {
	box, _ := pii.NewBox("k", pii.NewKey(), pii.NewKey())
	d, err := demo.Build(box, time.Date(2026, 9, 1, 9, 0, 0, 0, calendar.Shanghai))
	if err != nil {
		t.Fatal(err)
	}
	in := roster.Input{Sites: map[int64]roster.Site{}, Pools: map[int64][]int64{}, Lawyers: map[int64]roster.Lawyer{}, WeeklyCap: 3}
	for i, s := range d.Sites {
		in.Sites[int64(i)] = roster.Site{ID: int64(i), Name: s.Site.Name, Township: s.Site.Township}
	}
	for i, l := range d.Lawyers {
		in.Lawyers[int64(i+1)] = roster.Lawyer{ID: int64(i + 1), HomeTownship: l.HomeTownship}
	}
	for _, p := range d.Pools {
		for _, l := range p.Lawyers {
			in.Pools[int64(p.Site)] = append(in.Pools[int64(p.Site)], int64(l+1))
		}
	}
	cal := calendar.New(nil, nil)
	from, to := calendar.NewDate(2026, 9, 1), calendar.NewDate(2026, 11, 30)
	for _, sr := range d.Rules {
		r := sr.Rule
		r.SiteID = int64(sr.Site)
		ds, err := r.Expand(cal, from, to)
		if err != nil {
			t.Fatal(err)
		}
		in.Demands = append(in.Demands, ds...)
	}
	res := roster.Generate(in)
	if len(res.Unfilled) != 0 {
		t.Fatalf("%d unfilled: %+v", len(res.Unfilled), res.Unfilled[0])
	}
	if len(res.Fairness) != 17 {
		t.Fatalf("%d pools", len(res.Fairness))
	}
	for _, f := range res.Fairness {
		if !f.Bound {
			t.Errorf("%s: %d to %d shifts", in.Sites[f.SiteID].Name, f.Min, f.Max)
		}
	}
	perDay := map[int64]map[calendar.Date]int64{}
	for _, s := range res.Shifts {
		if perDay[s.LawyerID] == nil {
			perDay[s.LawyerID] = map[calendar.Date]int64{}
		}
		if site, ok := perDay[s.LawyerID][s.Date]; ok && site != s.SiteID {
			t.Fatalf("lawyer %d at two sites on %s", s.LawyerID, s.Date)
		}
		perDay[s.LawyerID][s.Date] = s.SiteID
	}
}
