// Package demo builds the embedded default's demo data: the Gaoping network
// from the reference data (known village names, and clearly marked sample
// names "（示例）" for the rest), demo lawyers in a handful of firms, demo
// staff and residents. Production never calls it.
package demo

import (
	_ "embed"
	"fmt"
	"slices"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/legaldesk/legaldesk/internal/account"
	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/network"
	"github.com/legaldesk/legaldesk/internal/pii"
	"github.com/legaldesk/legaldesk/internal/roster"
	"github.com/legaldesk/legaldesk/internal/store"
)

//go:embed gaoping.yaml
var gaopingYAML []byte

// Password is every demo staff account's password.
const Password = "demo-pass-2026"

// Reference is the part of gaoping.yaml the demo uses.
type Reference struct {
	City      struct{ Name string } `yaml:"city"`
	Center    struct{ Name string } `yaml:"center"`
	Townships []struct {
		Name string `yaml:"name"`
		Kind string `yaml:"kind"`
	} `yaml:"townships"`
	Villages       map[string][]string `yaml:"villages"`
	MediationRooms []string            `yaml:"mediation_rooms"`
}

// LoadReference parses the embedded reference data.
func LoadReference() (Reference, error) {
	var r Reference
	err := yaml.Unmarshal(gaopingYAML, &r)
	return r, err
}

// roomCounts is how many village (community) rooms each township gets; the
// total, 301, matches the report's "300余个".
var roomCounts = map[string]int{
	"北城街道": 14, "东城街道": 12, "南城街道": 12, "米山镇": 26, "三甲镇": 22, "陈区镇": 26,
	"北诗镇": 27, "河西镇": 24, "马村镇": 21, "野川镇": 20, "寺庄镇": 26, "神农镇": 21,
	"建宁乡": 12, "石末乡": 13, "原村乡": 12, "永禄乡": 13,
}

// Build returns the demo data; box seals the phone numbers.
func Build(box *pii.Box, now time.Time) (store.Seed, error) {
	ref, err := LoadReference()
	if err != nil {
		return store.Seed{}, fmt.Errorf("demo reference data: %w", err)
	}
	var d store.Seed
	d.Sites = buildSites(ref)
	d.Users, d.Firms, d.Lawyers = buildPeople(ref, box, now)
	d.Rules, d.Pools = buildDuty(d, now)
	d.NotaryMatters = NotaryMatters()
	buildAdvisors(&d, now)
	buildCommittees(&d, ref)
	return d, nil
}

const sample = "（示例）"

func buildSites(ref Reference) []store.SeedSite {
	// Every field is filled, so the pages show what a real directory would;
	// the addresses and numbers are samples, marked as such.
	n := 0
	site := func(name string, tier network.Tier, township string) network.Site {
		n++
		where := township
		if where == "" {
			where = "城区"
		}
		return network.Site{Name: name, Tier: tier, Township: township, Active: true,
			Address:      fmt.Sprintf("%s%s%s%d号%s", ref.City.Name, where, streets[n%len(streets)], 1+n*7%98, sample),
			Phone:        fmt.Sprintf("0356-52%05d", 10000+n*137%90000),
			OpeningHours: "工作日 09:00–12:00，14:30–17:30"}
	}
	center := site(ref.Center.Name, network.Center, "")
	center.Lat, center.Lng = ptr(35.7912), ptr(112.9236)
	sites := []store.SeedSite{{Site: center, Parent: -1}}
	for _, t := range ref.Townships {
		st := site(t.Name+"公共法律服务工作站", network.Station, t.Name)
		st.OpeningHours = "每周三 09:00–12:00 律师坐班"
		sites = append(sites, store.SeedSite{Site: st, Parent: 0})
		stationIdx := len(sites) - 1
		for _, v := range villageNames(t.Name, t.Kind, ref.Villages[t.Name], roomCounts[t.Name]) {
			room := site(v.name+"公共法律服务工作室", network.Room, t.Name)
			room.Sample = v.sample
			if v.sample {
				room.Name += sample
			}
			sites = append(sites, store.SeedSite{Site: room, Parent: stationIdx})
		}
	}
	sites = append(sites,
		store.SeedSite{Site: site(ref.City.Name+"公证处", network.Notary, ""), Parent: 0},
		store.SeedSite{Site: site(ref.City.Name+"法律援助中心", network.LegalAid, ""), Parent: 0})
	for i := range 9 {
		name, isSample := fmt.Sprintf("派驻调解室%d", i+1), true
		if i < len(ref.MediationRooms) {
			name, isSample = ref.MediationRooms[i]+"派驻人民调解室", false
		}
		m := site(name, network.Mediation, "")
		if isSample {
			m.Name += sample
		}
		m.Sample = isSample
		sites = append(sites, store.SeedSite{Site: m, Parent: 0})
	}
	return sites
}

// streets are sample street names for the demo's addresses.
var streets = []string{"长平路", "建设路", "神农路", "泫氏街", "炎帝大道", "府前街", "团结路"}

type village struct {
	name   string
	sample bool
}

var (
	stemsA = []rune("东西南北前后上下大小中新")
	stemsB = []rune("庄沟坡河岭头山堡寨园坪洼")
)

// villageNames returns the known names first, then invented ones.
func villageNames(township, kind string, known []string, n int) []village {
	out := make([]village, 0, n)
	seen := map[string]bool{}
	for _, k := range known {
		if len(out) < n {
			out = append(out, village{name: k})
			seen[k] = true
		}
	}
	suffix := "村"
	if kind == "street" {
		suffix = "社区"
	}
	for i := 0; len(out) < n; i++ {
		// A stride walks the stems differently in each township.
		j := (i*7 + len(township)) % (len(stemsA) * len(stemsB))
		name := string(stemsA[j%len(stemsA)]) + string(stemsB[j/len(stemsA)]) + suffix
		if !seen[name] {
			seen[name] = true
			out = append(out, village{name: name, sample: true})
		}
	}
	return out
}

func ptr[T any](v T) *T { return &v }

var (
	surnames    = []rune("王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗")
	givenNames  = []string{"建军", "丽华", "志强", "晓燕", "国平", "海涛", "静", "伟", "芳", "磊", "敏", "军", "洁", "勇", "霞", "杰", "娟", "涛", "明", "鹏"}
	firms       = []string{"山西泫氏律师事务所", "高平长平律师事务所", "晋城太行律师事务所", "高平炎帝律师事务所", "山西丹河律师事务所", "高平明正律师事务所"}
	specialties = []string{"婚姻家庭,继承", "劳动争议,工伤", "刑事辩护", "合同纠纷,民间借贷", "土地承包,行政", "交通事故,人身损害", "公司,企业合规", "农民工工资"}
)

func buildPeople(ref Reference, box *pii.Box, now time.Time) ([]account.User, []string, []store.SeedLawyer) {
	hash := account.HashPassword(Password) // one hash for all demo staff keeps start-up fast
	person := func(role account.Role, name, phone string) account.User {
		u := account.User{Role: role, Name: name, PhoneSealed: box.Seal(phone), PhoneIndex: box.Index("phone", phone), Active: true, CreatedAt: now}
		if role.Staff() {
			u.PasswordHash = hash
		}
		return u
	}
	users := []account.User{
		person(account.Admin, "司法局管理员（演示）", "13900000001"),
		person(account.AidOfficer, "法援中心工作人员（演示）", "13900000002"),
		person(account.NotaryClerk, "公证处工作人员（演示）", "13900000003"),
	}
	var firmNames []string
	for _, f := range firms {
		firmNames = append(firmNames, f+sample)
	}
	var lawyers []store.SeedLawyer
	for i := range 40 {
		name := string(surnames[i%len(surnames)]) + givenNames[(i*3)%len(givenNames)]
		users = append(users, person(account.Lawyer, name+sample, fmt.Sprintf("139%08d", 101+i)))
		lawyers = append(lawyers, store.SeedLawyer{
			User: len(users) - 1, Firm: i % len(firms),
			LicenseNo:     fmt.Sprintf("1140520%04d%06d", 2005+i%18, 100+i),
			LicensedSince: time.Date(2005+i%18, time.Month(1+i%12), 1, 0, 0, 0, 0, time.UTC),
			Specialties:   specialties[i%len(specialties)],
			HomeTownship:  ref.Townships[i%len(ref.Townships)].Name,
			WorkPhone:     workPhone(i),
		})
	}
	for i := range 10 {
		users = append(users, person(account.Resident, "居民"+string(surnames[i])+"某（演示）", fmt.Sprintf("138%08d", 1+i)))
	}
	// Staff added after the first three come last, so that the lawyers'
	// and residents' ids stay where tests expect them.
	users = append(users, person(account.Mediator, "调解员（演示）", "13900000004"))
	return users, firmNames, lawyers
}

// buildDuty seeds the report's duty pattern: the centre has a lawyer every
// workday, morning and afternoon; each station has one every Wednesday
// morning. Every lawyer may serve at the centre and at two stations, their
// home township's first.
func buildDuty(d store.Seed, now time.Time) ([]store.SeedRule, []store.SeedPool) {
	from := calendar.DateOf(now)
	from = calendar.NewDate(from.Year(), from.Month(), 1)
	base := roster.Rule{SlotMinutes: 30, Capacity: 1, LawyersPerSession: 1, EffectiveFrom: from, Active: true}
	centre := base
	centre.Pattern, centre.HolidayPolicy = roster.EveryWorkday, roster.Skip
	centre.Sessions = []roster.Session{{Start: "09:00", End: "12:00"}, {Start: "14:30", End: "17:30"}}
	rules := []store.SeedRule{{Site: 0, Rule: centre}}
	all := make([]int, len(d.Lawyers))
	for i := range all {
		all[i] = i
	}
	pools := []store.SeedPool{{Site: 0, Lawyers: all}}
	var stations []int
	for i, s := range d.Sites {
		if s.Site.Tier == network.Station {
			stations = append(stations, i)
		}
	}
	for k, site := range stations {
		station := base
		station.Pattern, station.Weekdays, station.HolidayPolicy = roster.Weekly, []int{3}, roster.NextWorkday
		station.Sessions = []roster.Session{{Start: "09:00", End: "12:00"}}
		rules = append(rules, store.SeedRule{Site: site, Rule: station})
		// Lawyer i's home township is township i mod 16: lawyers k, k+16
		// (home here) and k+32 if it exists, plus two from the next township.
		var pool []int
		for _, l := range []int{k, k + 16, k + 32, (k + 1) % 16, (k+1)%16 + 16} {
			if l < len(d.Lawyers) && !slices.Contains(pool, l) {
				pool = append(pool, l)
			}
		}
		pools = append(pools, store.SeedPool{Site: site, Lawyers: pool})
	}
	return rules, pools
}
