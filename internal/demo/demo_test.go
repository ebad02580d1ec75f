package demo

import (
	"strings"
	"testing"
	"time"

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
