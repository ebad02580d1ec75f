package demo

import (
	"strings"

	"github.com/legaldesk/legaldesk/internal/mediation"
	"github.com/legaldesk/legaldesk/internal/network"
	"github.com/legaldesk/legaldesk/internal/store"
)

// villageCommittees is how many village committees of each township the
// demo lists (every village has one by law, Art. 8; the demo names a few).
const villageCommittees = 2

// tradeCommittees are sector committees (Art. 34) of the kind a county
// city sets up; the demo's are samples.
var tradeCommittees = []string{"劳动争议", "道路交通事故", "医疗纠纷", "物业纠纷"}

// buildCommittees seeds a township committee at each station, the first
// village committees of each township at their rooms, and the sample trade
// committees of the city.
func buildCommittees(d *store.Seed, ref Reference) {
	perTownship := map[string]int{}
	for i, ss := range d.Sites {
		s := ss.Site
		switch {
		case s.Tier == network.Station:
			d.Committees = append(d.Committees, store.SeedCommittee{Site: i, Committee: mediation.Committee{
				Name: s.Township + "人民调解委员会", Kind: "township", Township: s.Township, Active: true}})
		case s.Tier == network.Room && perTownship[s.Township] < villageCommittees:
			perTownship[s.Township]++
			name := s.Township + strings.TrimSuffix(strings.TrimSuffix(s.Name, sample), "公共法律服务工作室") + "人民调解委员会"
			if s.Sample {
				name += sample
			}
			d.Committees = append(d.Committees, store.SeedCommittee{Site: i, Committee: mediation.Committee{
				Name: name, Kind: "village", Township: s.Township, Active: true, Sample: s.Sample}})
		}
	}
	for _, t := range tradeCommittees {
		d.Committees = append(d.Committees, store.SeedCommittee{Site: -1, Committee: mediation.Committee{
			Name: ref.City.Name + t + "人民调解委员会" + sample, Kind: "trade", Active: true, Sample: true}})
	}
}
