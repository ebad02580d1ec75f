package legalaid

import (
	"strings"
	"testing"
	"time"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
)

var t0 = time.Date(2026, 11, 20, 10, 0, 0, 0, calendar.Shanghai)

func day(s string) calendar.Date {
	d, _ := calendar.ParseDate(s)
	return d
}

func received() Application {
	c := t0
	return Application{ID: 1, Status: Received, CompleteAt: &c, CreatedAt: t0, Path: Art41, Matter: LabourArbitration}
}

func TestDecisionClock(t *testing.T) {
	a := received()
	c := ClockOf(a, nil, day("2026-11-20"))
	if c.Due == nil || c.Due.String() != "2026-11-27" || c.Step != "decide" || c.Overdue || c.DueToday {
		t.Fatalf("clock %+v", c)
	}
	if c := ClockOf(a, nil, day("2026-11-27")); !c.DueToday || c.Overdue {
		t.Fatalf("on the due day: %+v", c)
	}
	if c := ClockOf(a, nil, day("2026-11-28")); !c.Overdue {
		t.Fatalf("after: %+v", c)
	}
}

func TestDeemedWithdrawal(t *testing.T) {
	a := received()
	by := day("2026-11-30")
	Apply(&a, Action{Name: "request_materials", Missing: []string{"证明"}, SupplementBy: &by}, Officer, 2, t0)
	if DueForWithdrawal(a, day("2026-11-30")) {
		t.Fatal("withdrawn on the deadline itself")
	}
	if !DueForWithdrawal(a, day("2026-12-01")) {
		t.Fatal("not withdrawn after the deadline")
	}
	ev, err := Apply(&a, Action{Name: "deem_withdrawn"}, System, 0, t0.Add(11*24*time.Hour))
	if err != nil || a.Status != DeemedWithdrawn || ev.From != MaterialsRequested {
		t.Fatalf("%+v %v", ev, err)
	}
}

func TestAssignAndObjectionClocks(t *testing.T) {
	a := received()
	Apply(&a, Action{Name: "approve"}, Officer, 2, t0)
	if c := ClockOf(a, nil, day("2026-11-21")); c.Step != "assign" || c.Due.String() != "2026-11-23" {
		t.Fatalf("assign clock: %+v", c)
	}
	b := received()
	if _, err := Apply(&b, Action{Name: "reject", Reason: "短"}, Officer, 2, t0); !errs.Is(err, errs.Invalid) {
		t.Fatalf("refusal without reasons: %v", err)
	}
	Apply(&b, Action{Name: "reject", Reason: "家庭收入超过当地经济困难标准"}, Officer, 2, t0)
	Apply(&b, Action{Name: "object", Reason: "收入计算有误"}, Applicant, 9, t0.Add(24*time.Hour))
	filed := t0.Add(24 * time.Hour)
	if c := ClockOf(b, &filed, day("2026-11-26")); c.Step != "objection" || c.Due.String() != "2026-11-26" || !c.DueToday {
		t.Fatalf("objection clock: %+v", c)
	}
	o := Objection{FromState: Refused}
	if DecideObjection(o, b, true) != Approved || DecideObjection(o, b, false) != Refused {
		t.Fatal("objection outcomes")
	}
}

// Every step not in the table is refused, and changes nothing.
func TestIllegalTransitionsRefused(t *testing.T) {
	statuses := []Status{Received, MaterialsRequested, Withdrawn, DeemedWithdrawn, Approved, Refused, Assigned, Closed, Terminated, ObjectionPending}
	roles := []Role{Applicant, Officer, Bureau, System}
	by := day("2026-12-10")
	act := func(name string) Action {
		ground := "own_lawyer"
		if name == "grant_advance" {
			ground = "limitation"
		}
		return Action{Name: name, Missing: []string{"x"}, SupplementBy: &by, Reason: "理由写得足够长", LawyerID: 5, Result: "胜诉", Ground: ground}
	}
	for name, tr := range transitions {
		for _, st := range statuses {
			for _, role := range roles {
				received := t0
				// An assigned case given aid first may still be approved formally.
				a := Application{Status: st, CompleteAt: &received, AdvanceGround: "limitation"}
				_, err := Apply(&a, act(name), role, 1, t0)
				allowed := contains(tr.from, st) && containsRole(tr.roles, role)
				if allowed && err != nil {
					t.Errorf("%s by %s from %s refused: %v", name, role, st, err)
				}
				if !allowed {
					if err == nil {
						t.Errorf("%s by %s from %s allowed", name, role, st)
					}
					if a.Status != st {
						t.Errorf("%s by %s from %s changed the status", name, role, st)
					}
				}
			}
		}
	}
	a := received()
	if _, err := Apply(&a, Action{Name: "terminate", Ground: "bored", Reason: "x"}, Officer, 2, t0); err == nil {
		t.Fatal("termination from received")
	}
	Apply(&a, Action{Name: "approve"}, Officer, 2, t0)
	if _, err := Apply(&a, Action{Name: "terminate", Ground: "bored", Reason: "x"}, Officer, 2, t0); !errs.Is(err, errs.Invalid) {
		t.Fatalf("termination without an Art. 48 ground: %v", err)
	}
	if _, err := Apply(&a, Action{Name: "fly"}, Officer, 2, t0); !errs.Is(err, errs.Invalid) {
		t.Fatal("unknown action")
	}
}

func contains(xs []Status, x Status) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}

func containsRole(xs []Role, x Role) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}

// Advance aid first, then due dates, then priority groups, then age.
func TestTriageOrder(t *testing.T) {
	d := func(s string) *calendar.Date { x := day(s); return &x }
	mk := func(id int64, created time.Time, due *calendar.Date, adv, prio bool) Queued {
		return Queued{Application: Application{ID: id, CreatedAt: created}, Clock: Clock{Due: due, Advance: adv, Priority: prio}}
	}
	q := []Queued{
		mk(1, t0, d("2026-11-25"), false, false),
		mk(2, t0, d("2026-11-23"), false, false),
		mk(3, t0, d("2026-11-27"), true, false),
		mk(4, t0.Add(time.Hour), d("2026-11-25"), false, true),
		mk(5, t0.Add(-time.Hour), d("2026-11-25"), false, false),
		mk(6, t0, nil, false, true),
	}
	Triage(q)
	var got []int64
	for _, x := range q {
		got = append(got, x.ID)
	}
	want := []int64{3, 2, 4, 5, 1, 6}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("order %v, want %v", got, want)
		}
	}
}

func TestAdvanceAid(t *testing.T) {
	lim := day("2026-11-26")
	a := Application{LimitationDate: &lim}
	if !Advance(a, day("2026-11-20")) {
		t.Fatal("6 days to the limitation date is advance aid")
	}
	lim = day("2026-11-27")
	if Advance(a, day("2026-11-20")) {
		t.Fatal("7 days is not")
	}
	if !Advance(Application{UrgentPreserve: true}, day("2026-11-20")) {
		t.Fatal("urgent preservation is")
	}
}

func TestSameParty(t *testing.T) {
	same := [][2]string{{"高平市泫氏实业有限公司", "高平市泫氏实业公司"}, {"泫氏实业股份有限公司", "泫氏实业"}, {"王建国", "王建囯"}, {"ABC Trading Co", "abc trading co"}}
	diff := [][2]string{{"王建国", "李建军"}, {"张三", "张四"}, {"前和煤业", "牛山煤业"}}
	for _, p := range same {
		if !SameParty(p[0], p[1]) {
			t.Errorf("%s ~ %s not matched", p[0], p[1])
		}
	}
	for _, p := range diff {
		if SameParty(p[0], p[1]) {
			t.Errorf("%s ~ %s matched", p[0], p[1])
		}
	}
}

func TestSuggest(t *testing.T) {
	a := Application{Matter: Criminal, CriminalCategory: "life_or_death", OpposingParty: "泫氏实业有限公司", Summary: "刑事辩护"}
	cands := []Candidate{
		{LawyerID: 1, FirmID: 10, Specialties: "刑事辩护", LicensedSince: day("2025-01-01")},
		{LawyerID: 2, FirmID: 20, Specialties: "刑事辩护", LicensedSince: day("2010-01-01")},
		{LawyerID: 3, FirmID: 30, Specialties: "婚姻家庭", LicensedSince: day("2012-01-01")},
		{LawyerID: 4, FirmID: 20, Specialties: "刑事辩护", LicensedSince: day("2011-01-01"), OpenCases: 3},
		{LawyerID: 5, FirmID: 40, Specialties: "刑事辩护", LicensedSince: day("2015-01-01")},
	}
	prior := []PriorClient{{LawyerID: 99, FirmID: 40, Client: "泫氏实业公司"}}
	got := Suggest(a, cands, prior, day("2026-11-20"))
	order := []int64{}
	for _, s := range got {
		order = append(order, s.LawyerID)
	}
	if order[0] != 2 || order[1] != 4 || order[len(order)-1] != 1 {
		t.Fatalf("order %v", order)
	}
	for _, s := range got {
		switch s.LawyerID {
		case 1:
			if !strings.Contains(s.Forbidden, "第二十六条") {
				t.Errorf("a junior lawyer on a capital case: %+v", s)
			}
		case 5:
			if !strings.Contains(s.Conflict, "律师事务所") {
				t.Errorf("the firm acted for the other side: %+v", s)
			}
		}
	}
}

func TestExplain(t *testing.T) {
	for _, p := range []Path{Art32, Art42, Art41, Proofs} {
		r, err := Explain(CivilAdmin, p)
		if err != nil || !strings.Contains(r.Article, "法律援助法") || r.Explanation == "" {
			t.Fatalf("%s: %+v %v", p, r, err)
		}
	}
	if r, _ := Explain("", Art41); len(r.Pledge) != 3 {
		t.Fatal("the pledge has three texts")
	}
	if _, err := Explain(CivilAdmin, "luck"); !errs.Is(err, errs.Invalid) {
		t.Fatal("unknown path")
	}
	if _, err := Explain("piracy", Art41); !errs.Is(err, errs.Invalid) {
		t.Fatal("unknown matter")
	}
}
