package roster

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/legaldesk/legaldesk/internal/calendar"
)

func date(s string) calendar.Date {
	d, err := calendar.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

var morning = []Session{{"09:00", "12:00"}}
var allDay = []Session{{"09:00", "12:00"}, {"14:30", "17:30"}}

func rule(site int64, p Pattern, weekdays []int, sessions []Session, policy HolidayPolicy) Rule {
	return Rule{ID: site, SiteID: site, Pattern: p, Weekdays: weekdays, Sessions: sessions, SlotMinutes: 30,
		Capacity: 1, LawyersPerSession: 1, HolidayPolicy: policy, EffectiveFrom: date("2020-01-01"), Active: true}
}

func expand(t *testing.T, r Rule, from, to string) []Demand {
	t.Helper()
	ds, err := r.Expand(calendar.New(nil, nil), date(from), date(to))
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

func dates(ds []Demand) []string {
	var out []string
	for _, d := range ds {
		if s := d.Date.String(); !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// The centre: a shift on every official workday of February 2026 (two
// Saturdays are make-up workdays), none in the Spring Festival.
func TestCentreEveryWorkday(t *testing.T) {
	cal := calendar.New(nil, nil)
	got := dates(expand(t, rule(1, EveryWorkday, nil, allDay, Skip), "2026-02-01", "2026-02-28"))
	var want []string
	for d := date("2026-02-01"); !d.After(date("2026-02-28")); d = d.AddDays(1) {
		if day, _ := cal.Day(d, 1); day.Working {
			want = append(want, d.String())
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("duty days\n got %v\nwant %v", got, want)
	}
	for _, must := range []string{"2026-02-14", "2026-02-28"} {
		if !slices.Contains(got, must) {
			t.Errorf("make-up workday %s has no duty", must)
		}
	}
	for _, never := range []string{"2026-02-16", "2026-02-17", "2026-02-21", "2026-02-22"} {
		if slices.Contains(got, never) {
			t.Errorf("holiday or weekend %s has duty", never)
		}
	}
	if n := len(expand(t, rule(1, EveryWorkday, nil, allDay, Skip), "2026-02-02", "2026-02-02")); n != 2 {
		t.Errorf("a centre day has %d sessions, want 2", n)
	}
}

// Stations: Wednesdays only; 2026-10-07 is a Wednesday in the National Day
// holiday, skipped or moved to Thursday 2026-10-08 by the policy.
func TestStationWednesdays(t *testing.T) {
	skip := dates(expand(t, rule(2, Weekly, []int{3}, morning, Skip), "2026-09-28", "2026-10-25"))
	if want := []string{"2026-09-30", "2026-10-14", "2026-10-21"}; !reflect.DeepEqual(skip, want) {
		t.Fatalf("skip policy: %v, want %v", skip, want)
	}
	next := expand(t, rule(2, Weekly, []int{3}, morning, NextWorkday), "2026-09-28", "2026-10-25")
	if want := []string{"2026-09-30", "2026-10-08", "2026-10-14", "2026-10-21"}; !reflect.DeepEqual(dates(next), want) {
		t.Fatalf("next-workday policy: %v, want %v", dates(next), want)
	}
	if next[1].MovedFrom == nil || next[1].MovedFrom.String() != "2026-10-07" {
		t.Errorf("moved duty should say where it came from: %+v", next[1])
	}
	// A period that starts after the holiday still gets the moved duty.
	if got := dates(expand(t, rule(2, Weekly, []int{3}, morning, NextWorkday), "2026-10-08", "2026-10-09")); !reflect.DeepEqual(got, []string{"2026-10-08"}) {
		t.Errorf("moved into the period: %v", got)
	}
	for _, d := range skip {
		if date(d).Weekday() != 3 {
			t.Errorf("%s is not a Wednesday", d)
		}
	}
}

func TestMonthlyNth(t *testing.T) {
	first := dates(expand(t, Rule{ID: 1, SiteID: 1, Pattern: MonthlyNth, Weekdays: []int{5}, Nth: 1, Sessions: morning,
		SlotMinutes: 30, Capacity: 1, LawyersPerSession: 1, HolidayPolicy: Skip, EffectiveFrom: date("2026-01-01"), Active: true}, "2026-11-01", "2026-12-31"))
	if want := []string{"2026-11-06", "2026-12-04"}; !reflect.DeepEqual(first, want) {
		t.Fatalf("first Fridays: %v", first)
	}
	last := dates(expand(t, Rule{ID: 1, SiteID: 1, Pattern: MonthlyNth, Weekdays: []int{1}, Nth: -1, Sessions: morning,
		SlotMinutes: 30, Capacity: 1, LawyersPerSession: 1, HolidayPolicy: Skip, EffectiveFrom: date("2026-01-01"), Active: true}, "2026-11-01", "2026-12-31"))
	if want := []string{"2026-11-30", "2026-12-28"}; !reflect.DeepEqual(last, want) {
		t.Fatalf("last Mondays: %v", last)
	}
}

func TestExpandPastHorizon(t *testing.T) {
	_, err := rule(1, EveryWorkday, nil, morning, Skip).Expand(calendar.New(nil, nil), date("2027-12-20"), date("2028-01-10"))
	if err == nil || !strings.Contains(err.Error(), "2028") {
		t.Fatalf("want a refusal naming 2028, got %v", err)
	}
}

func TestRuleCheck(t *testing.T) {
	good := rule(1, Weekly, []int{3}, allDay, Skip)
	if err := good.Check(); err != nil {
		t.Fatal(err)
	}
	to := date("2019-01-01")
	cases := map[string]func(r *Rule){
		"sessions[0]":         func(r *Rule) { r.Sessions = []Session{{"12:00", "09:00"}} },
		"sessions":            func(r *Rule) { r.Sessions = []Session{{"09:00", "12:00"}, {"11:00", "13:00"}} },
		"weekdays":            func(r *Rule) { r.Weekdays = []int{8} },
		"pattern":             func(r *Rule) { r.Pattern = "sometimes" },
		"holiday_policy":      func(r *Rule) { r.HolidayPolicy = "" },
		"effective_to":        func(r *Rule) { r.EffectiveTo = &to },
		"capacity":            func(r *Rule) { r.Capacity = 0 },
		"lawyers_per_session": func(r *Rule) { r.LawyersPerSession = 0 },
	}
	for field, mutate := range cases {
		r := good
		r.Sessions = slices.Clone(good.Sessions)
		mutate(&r)
		if err := r.Check(); err == nil || !strings.Contains(err.Error(), field+":") {
			t.Errorf("%s: %v", field, err)
		}
	}
	r := good
	r.SlotMinutes = 40 // 180 minutes do not divide into 40
	if err := r.Check(); err == nil || !strings.Contains(err.Error(), "sessions[0]") {
		t.Errorf("slot length: %v", err)
	}
	r.Sessions = []Session{{"9:00", "12:00"}}
	if err := r.Check(); err == nil {
		t.Error("9:00 accepted")
	}
}

// network builds a Gaoping-like network: a centre (every workday, two
// sessions, all lawyers) and 16 stations (Wednesday mornings), each station
// with 5 lawyers, every lawyer in 2 station pools.
func network(t *testing.T, from, to string, lawyers int) Input {
	in := Input{Sites: map[int64]Site{1: {ID: 1, Name: "中心"}}, Pools: map[int64][]int64{}, Lawyers: map[int64]Lawyer{}}
	for l := int64(101); l < 101+int64(lawyers); l++ {
		in.Lawyers[l] = Lawyer{ID: l, HomeTownship: fmt.Sprint("乡", l%16)}
		in.Pools[1] = append(in.Pools[1], l)
	}
	demands := expand(t, rule(1, EveryWorkday, nil, allDay, Skip), from, to)
	for s := int64(0); s < 16; s++ {
		site := 10 + s
		in.Sites[site] = Site{ID: site, Township: fmt.Sprint("乡", s)}
		for k := range 5 {
			in.Pools[site] = append(in.Pools[site], 101+(s*5+int64(k)*16)%int64(lawyers))
		}
		demands = append(demands, expand(t, rule(site, Weekly, []int{3}, morning, NextWorkday), from, to)...)
	}
	in.Demands = demands
	return in
}

func checkHardRules(t *testing.T, in Input, res Result) {
	t.Helper()
	type key struct {
		l int64
		d calendar.Date
	}
	sites := map[key]int64{}
	weekly := map[key]int{}
	for _, s := range res.Shifts {
		k := key{s.LawyerID, s.Date}
		if site, ok := sites[k]; ok && site != s.SiteID {
			t.Fatalf("lawyer %d at two sites on %s", s.LawyerID, s.Date)
		}
		sites[k] = s.SiteID
		if !slices.Contains(in.Pools[s.SiteID], s.LawyerID) {
			t.Fatalf("lawyer %d is not in site %d's pool", s.LawyerID, s.SiteID)
		}
		for _, ab := range in.Absences {
			if ab.LawyerID == s.LawyerID && s.Date.In(ab.From, ab.To) {
				t.Fatalf("lawyer %d on duty during leave on %s", s.LawyerID, s.Date)
			}
		}
		weekly[key{s.LawyerID, s.Date.Monday()}]++
		if in.WeeklyCap > 0 && weekly[key{s.LawyerID, s.Date.Monday()}] > in.WeeklyCap {
			t.Fatalf("lawyer %d over the weekly cap in the week of %s", s.LawyerID, s.Date.Monday())
		}
	}
	for i, x := range res.Shifts {
		for _, y := range res.Shifts[i+1:] {
			if x.LawyerID == y.LawyerID && overlaps(x, y) {
				t.Fatalf("overlapping shifts for lawyer %d: %v and %v", x.LawyerID, x.Start, y.Start)
			}
		}
	}
}

// The demo network over three months: every seat filled, hard rules kept,
// and every pool within one shift of fair.
func TestFairOnTheDemoNetwork(t *testing.T) {
	in := network(t, "2026-09-01", "2026-11-30", 40)
	in.WeeklyCap = 3
	in.Absences = []Absence{{LawyerID: 105, From: date("2026-10-12"), To: date("2026-10-25")}}
	res := Generate(in)
	if len(res.Unfilled) > 0 {
		t.Fatalf("%d unfilled, first: %+v", len(res.Unfilled), res.Unfilled[0])
	}
	checkHardRules(t, in, res)
	for _, f := range res.Fairness {
		if !f.Bound {
			t.Errorf("site %d: counts from %d to %d (stdev %.2f)", f.SiteID, f.Min, f.Max, f.Stdev)
		}
	}
	if len(res.Fairness) != 17 {
		t.Fatalf("fairness for %d pools, want 17", len(res.Fairness))
	}
}

func TestLeaveRespected(t *testing.T) {
	in := network(t, "2026-11-02", "2026-11-27", 40)
	for l := int64(101); l < 131; l++ { // 30 of 40 away for a week
		in.Absences = append(in.Absences, Absence{LawyerID: l, From: date("2026-11-09"), To: date("2026-11-13")})
	}
	res := Generate(in)
	checkHardRules(t, in, res)
}

// An infeasible pool reports unfilled seats and never breaks a hard rule.
func TestInfeasibleReportsUnfilled(t *testing.T) {
	in := Input{
		Sites:   map[int64]Site{1: {ID: 1}, 2: {ID: 2}, 3: {ID: 3}},
		Pools:   map[int64][]int64{1: {7}, 2: {7}, 3: nil},
		Lawyers: map[int64]Lawyer{7: {ID: 7}},
	}
	in.Demands = append(expand(t, rule(1, Weekly, []int{3}, morning, Skip), "2026-11-25", "2026-11-25"),
		expand(t, rule(2, Weekly, []int{3}, morning, Skip), "2026-11-25", "2026-11-25")...)
	in.Demands = append(in.Demands, expand(t, rule(3, Weekly, []int{3}, morning, Skip), "2026-11-25", "2026-11-25")...)
	res := Generate(in)
	if len(res.Shifts) != 1 || len(res.Unfilled) != 2 {
		t.Fatalf("shifts %d, unfilled %d", len(res.Shifts), len(res.Unfilled))
	}
	reasons := res.Unfilled[0].Reason + " | " + res.Unfilled[1].Reason
	if !strings.Contains(reasons, "尚未设置") || !strings.Contains(reasons, "已有其他值班") {
		t.Fatalf("reasons: %s", reasons)
	}
	checkHardRules(t, in, res)

	in = network(t, "2026-11-02", "2026-11-27", 20)
	in.WeeklyCap = 1
	res = Generate(in)
	checkHardRules(t, in, res)
	if len(res.Unfilled) == 0 || !strings.Contains(res.Unfilled[len(res.Unfilled)-1].Reason, "每周值班上限") {
		t.Fatalf("a cap of 1 cannot fill 26 seats a week with 20 lawyers: %d unfilled", len(res.Unfilled))
	}
}

func TestDeterministic(t *testing.T) {
	in := network(t, "2026-09-01", "2026-10-31", 40)
	first := Generate(in)
	shuffled := in
	shuffled.Demands = slices.Clone(in.Demands)
	r := rand.New(rand.NewPCG(1, 2))
	r.Shuffle(len(shuffled.Demands), func(i, j int) { shuffled.Demands[i], shuffled.Demands[j] = shuffled.Demands[j], shuffled.Demands[i] })
	shuffled.Pools = map[int64][]int64{}
	for k, v := range in.Pools {
		p := slices.Clone(v)
		r.Shuffle(len(p), func(i, j int) { p[i], p[j] = p[j], p[i] })
		shuffled.Pools[k] = p
	}
	for range 3 {
		if again := Generate(shuffled); !reflect.DeepEqual(first, again) {
			t.Fatal("the same input gave a different roster")
		}
	}
}

func TestHomeTownshipPreferred(t *testing.T) {
	in := Input{
		Sites:   map[int64]Site{1: {ID: 1, Township: "米山镇"}},
		Pools:   map[int64][]int64{1: {1, 2}},
		Lawyers: map[int64]Lawyer{1: {ID: 1, HomeTownship: "三甲镇"}, 2: {ID: 2, HomeTownship: "米山镇"}},
		Demands: expand(t, rule(1, Weekly, []int{3}, morning, Skip), "2026-11-25", "2026-11-25"),
	}
	if res := Generate(in); res.Shifts[0].LawyerID != 2 {
		t.Fatalf("picked %d, want the lawyer from the township", res.Shifts[0].LawyerID)
	}
}

func TestReplaceAndEligible(t *testing.T) {
	in := network(t, "2026-11-23", "2026-11-27", 40)
	res := Generate(in)
	s := res.Shifts[0]
	in.Fixed = res.Shifts
	in.Demands = nil
	in.Absences = []Absence{{LawyerID: s.LawyerID, From: s.Date, To: s.Date}}
	id, _ := Replace(in, s)
	if id == 0 || id == s.LawyerID {
		t.Fatalf("replacement %d for %d", id, s.LawyerID)
	}
	if ok, why := Eligible(in, s.LawyerID, s); ok || !strings.Contains(why, "请假") {
		t.Fatalf("an absent lawyer is eligible: %v %s", ok, why)
	}
	if ok, _ := Eligible(in, 99999, s); ok {
		t.Fatal("a lawyer outside the pool is eligible")
	}
}

// BenchmarkProvinceQuarter: 100 centres and 1,400 stations with 4,000
// lawyers, one quarter (Shanxi-sized).
func BenchmarkProvinceQuarter(b *testing.B) {
	cal := calendar.New(nil, nil)
	from, to := date("2026-10-01"), date("2026-12-31")
	in := Input{Sites: map[int64]Site{}, Pools: map[int64][]int64{}, Lawyers: map[int64]Lawyer{}, WeeklyCap: 3}
	for l := int64(1); l <= 4000; l++ {
		in.Lawyers[l] = Lawyer{ID: l, HomeTownship: fmt.Sprint("t", l%1400)}
	}
	for c := int64(0); c < 100; c++ {
		site := 1_000_000 + c
		in.Sites[site] = Site{ID: site}
		for k := range int64(40) {
			in.Pools[site] = append(in.Pools[site], 1+(c*40+k)%4000)
		}
		ds, _ := rule(site, EveryWorkday, nil, allDay, Skip).Expand(cal, from, to)
		in.Demands = append(in.Demands, ds...)
	}
	for s := int64(0); s < 1400; s++ {
		site := 2_000_000 + s
		in.Sites[site] = Site{ID: site, Township: fmt.Sprint("t", s)}
		for k := range int64(6) {
			in.Pools[site] = append(in.Pools[site], 1+(s*6+k*233)%4000)
		}
		ds, _ := rule(site, Weekly, []int{3}, morning, NextWorkday).Expand(cal, from, to)
		in.Demands = append(in.Demands, ds...)
	}
	b.ReportMetric(float64(len(in.Demands)), "sessions")
	b.ResetTimer()
	for b.Loop() {
		res := Generate(in)
		if len(res.Shifts) == 0 {
			b.Fatal("no shifts")
		}
	}
}
