package legalaid

import (
	"reflect"
	"testing"
	"time"

	"github.com/legaldesk/legaldesk/internal/errs"
)

// at is 10:00 in Shanghai on a date.
func at(s string) time.Time { return day(s).At(10, 0) }

func receivedOn(s string) Application {
	t := at(s)
	return Application{ID: 1, Origin: Applied, Status: Received, CompleteAt: &t, CreatedAt: t, Path: Art41, Matter: LabourArbitration}
}

// Art. 43 and the procedure rules: the review period pauses while
// materials are awaited. Received 09-01, notice 09-03, supplied 09-10: the
// seven days resume, and the decision is due 09-15.
func TestMaterialsPause(t *testing.T) {
	a := receivedOn("2026-09-01")
	by := day("2026-09-12")
	if _, err := Apply(&a, Action{Name: "request_materials", Missing: []string{"身份证复印件", "劳动合同"}, SupplementBy: &by}, Officer, 2, at("2026-09-03")); err != nil {
		t.Fatal(err)
	}
	if a.Status != MaterialsRequested || a.MissingMaterials != "身份证复印件；劳动合同" || a.MaterialsNoticeAt == nil {
		t.Fatalf("after the notice: %+v", a)
	}
	if c := ClockOf(a, nil, day("2026-09-05")); c.Step != "supplement" || c.Due.String() != "2026-09-12" {
		t.Fatalf("while paused: %+v", c)
	}
	if _, err := Apply(&a, Action{Name: "supply"}, Applicant, 9, at("2026-09-10")); err != nil {
		t.Fatal(err)
	}
	if c := ClockOf(a, nil, day("2026-09-10")); c.Step != "decide" || c.Due.String() != "2026-09-15" || a.PausedDays != 7 {
		t.Fatalf("resumed: %+v, paused %d", c, a.PausedDays)
	}
}

// The pause ends on the day the first material came in, not the day an
// officer looked at it; while it waits for that look, deemed withdrawal
// never fires.
func TestUploadsWaitForTheOfficer(t *testing.T) {
	a := receivedOn("2026-09-01")
	by := day("2026-09-08")
	Apply(&a, Action{Name: "request_materials", Missing: []string{"收入证明"}, SupplementBy: &by}, Officer, 2, at("2026-09-03"))
	if _, err := Apply(&a, Action{Name: "materials_uploaded"}, System, 9, at("2026-09-06")); err != nil {
		t.Fatal(err)
	}
	if c := ClockOf(a, nil, day("2026-09-06")); c.Step != "check_materials" || a.Status != MaterialsRequested {
		t.Fatalf("materials received, to check: %+v", c)
	}
	if DueForWithdrawal(a, day("2026-09-20")) {
		t.Fatal("deemed withdrawn with materials waiting for a look")
	}
	before := a
	if _, err := Apply(&a, Action{Name: "deem_withdrawn"}, System, 0, at("2026-09-20")); err != ErrMaterialsToCheck || !reflect.DeepEqual(a, before) {
		t.Fatalf("deem_withdrawn with materials waiting: %v", err)
	}
	Apply(&a, Action{Name: "supply"}, Officer, 2, at("2026-09-09"))
	if due, _ := DecisionDue(a); due.String() != "2026-09-11" { // paused 09-03 → 09-06
		t.Fatalf("due %s", due)
	}
}

// A materials deadline is at least the configured minimum after the notice.
func TestMinimumMaterialsDeadline(t *testing.T) {
	for _, c := range []struct {
		by      string
		minDays int
		ok      bool
	}{{"2026-09-07", 0, false}, {"2026-09-08", 0, true}, {"2026-09-10", 10, false}, {"2026-09-13", 10, true}, {"2026-11-10", 0, false}} {
		a := receivedOn("2026-09-01")
		by := day(c.by)
		_, err := Apply(&a, Action{Name: "request_materials", Missing: []string{"证明"}, SupplementBy: &by, minDays: c.minDays}, Officer, 2, at("2026-09-03"))
		if c.ok != (err == nil) {
			t.Errorf("deadline %s (min %d): %v", c.by, c.minDays, err)
		}
		if err != nil {
			if e, ok := err.(*errs.Error); !ok || e.Fields["supplement_by"].ZH == "" || a.Status != Received {
				t.Errorf("deadline %s: %v, status %s", c.by, err, a.Status)
			}
		}
	}
}

// Art. 36: a notified defence is assigned within three days of receiving
// the notice, shown on the board as its own step.
func TestNotifiedAssignmentClock(t *testing.T) {
	got := at("2026-11-20")
	a := Application{Origin: Notified, Status: Approved, CompleteAt: &got, DecidedAt: &got, Matter: Criminal, Mandatory: true}
	c := ClockOf(a, nil, day("2026-11-23"))
	if c.Step != "assign_notified" || c.Due.String() != "2026-11-23" || !c.DueToday || !c.Priority {
		t.Fatalf("clock %+v", c)
	}
	if c := ClockOf(a, nil, day("2026-11-24")); !c.Overdue {
		t.Fatalf("after three days: %+v", c)
	}
}

// Art. 49: the bureau decides within five days of receiving the objection.
func TestObjectionClock(t *testing.T) {
	a := receivedOn("2026-11-01")
	Apply(&a, Action{Name: "reject", Reason: "家庭收入超过当地经济困难标准"}, Officer, 2, at("2026-11-03"))
	filed := at("2026-11-04")
	if _, err := Apply(&a, Action{Name: "object"}, Applicant, 9, filed); err != nil {
		t.Fatal(err)
	}
	for d, want := range map[string][2]bool{"2026-11-08": {false, false}, "2026-11-09": {true, false}, "2026-11-10": {false, true}} {
		c := ClockOf(a, &filed, day(d))
		if c.Step != "objection" || c.Due.String() != "2026-11-09" || c.DueToday != want[0] || c.Overdue != want[1] {
			t.Errorf("%s: %+v", d, c)
		}
	}
}

// The illegal steps the law forbids, each refused and changing nothing.
func TestLawForbids(t *testing.T) {
	by := day("2026-09-20")
	notice := func(a *Application, when string) error {
		_, err := Apply(a, Action{Name: "request_materials", Missing: []string{"证明"}, SupplementBy: &by}, Officer, 2, at(when))
		return err
	}
	notified := receivedOn("2026-09-01")
	notified.Origin = Notified
	second := receivedOn("2026-09-01")
	notice(&second, "2026-09-02")
	Apply(&second, Action{Name: "supply"}, Applicant, 9, at("2026-09-04"))
	late := receivedOn("2026-09-01")
	decided := receivedOn("2026-09-01")
	Apply(&decided, Action{Name: "reject", Reason: "家庭收入超过当地经济困难标准"}, Officer, 2, at("2026-09-02"))
	decided.ObjectionDecided = true // upheld by the bureau
	cases := []struct {
		name string
		a    *Application
		do   func(a *Application) error
		want error
	}{
		{"refusing a notified case", &notified, func(a *Application) error {
			_, err := Apply(a, Action{Name: "reject", Reason: "不符合经济困难条件"}, Officer, 2, at("2026-09-02"))
			return err
		}, ErrNotifiedNeverRefused},
		{"a second materials notice", &second, func(a *Application) error { return notice(a, "2026-09-05") }, ErrSecondNotice},
		{"a notice after the review period", &late, func(a *Application) error { return notice(a, "2026-09-09") }, ErrReviewPeriodOver},
		{"re-filing a decided objection", &decided, func(a *Application) error {
			_, err := Apply(a, Action{Name: "object", Reason: "仍然不服"}, Applicant, 9, at("2026-09-10"))
			return err
		}, ErrObjectionDecided},
	}
	for _, c := range cases {
		before := *c.a
		if err := c.do(c.a); err != c.want {
			t.Errorf("%s: %v, want %v", c.name, err, c.want)
		}
		if !reflect.DeepEqual(*c.a, before) {
			t.Errorf("%s changed the application", c.name)
		}
	}
	// On the last day of the review period the notice may still go out.
	if a := receivedOn("2026-09-01"); notice(&a, "2026-09-08") != nil {
		t.Fatal("a notice on the seventh day is allowed")
	}
}

// An overturned termination returns to the step it was taken from.
func TestOverturnedTermination(t *testing.T) {
	lawyer := int64(7)
	for _, c := range []struct {
		from   Status
		lawyer *int64
		want   Status
	}{{Approved, nil, Approved}, {Assigned, &lawyer, Assigned}} {
		a := receivedOn("2026-11-01")
		a.Status, a.LawyerID = c.from, c.lawyer
		if _, err := Apply(&a, Action{Name: "terminate", Ground: "no_longer_eligible", Reason: "收入已有变化"}, Officer, 2, at("2026-11-05")); err != nil {
			t.Fatal(err)
		}
		Apply(&a, Action{Name: "object", Reason: "收入并未变化"}, Applicant, 9, at("2026-11-06"))
		if got := DecideObjection(Objection{FromState: Terminated}, a, true); got != c.want {
			t.Errorf("terminated from %s, overturned: %s, want %s", c.from, got, c.want)
		}
		if got := DecideObjection(Objection{FromState: Terminated}, a, false); got != Terminated {
			t.Errorf("upheld: %s", got)
		}
	}
}

// Art. 48 ¶2: the assigned lawyer reports a ground; the status stays and
// the officer decides.
func TestLawyerReportsGround(t *testing.T) {
	a := receivedOn("2026-11-01")
	a.Status = Assigned
	ev, err := Apply(&a, Action{Name: "report_ground", Ground: "own_lawyer", Reason: "受援人已自行委托律师"}, Lawyer, 7, at("2026-11-05"))
	if err != nil || a.Status != Assigned || a.ReportedGround != "own_lawyer" || ev.To != Assigned {
		t.Fatalf("%+v %v", a, err)
	}
	if _, err := Apply(&a, Action{Name: "terminate", Ground: "own_lawyer", Reason: "x"}, Lawyer, 7, at("2026-11-05")); !errs.Is(err, errs.Forbidden) {
		t.Fatalf("a lawyer terminating: %v", err)
	}
}

// Art. 26 counts three years by calendar date.
func TestArt26CalendarDate(t *testing.T) {
	a := Application{Matter: Criminal, CriminalCategory: "life_or_death"}
	cands := []Candidate{{LawyerID: 1, LicensedSince: day("2023-11-27")}}
	if s := Suggest(a, cands, nil, day("2026-11-26")); s[0].Forbidden == "" {
		t.Fatal("licensed 2023-11-27 qualifies on 2026-11-26")
	}
	if s := Suggest(a, cands, nil, day("2026-11-27")); s[0].Forbidden != "" {
		t.Fatal("licensed 2023-11-27 does not qualify on 2026-11-27")
	}
	if !threeYears(day("2020-02-29"), day("2023-03-01")) || threeYears(day("2020-02-29"), day("2023-02-28")) {
		t.Fatal("29 February")
	}
}

// Art. 44: aid given first — a lawyer at once, the materials and the formal
// decision after, shown on the board with what is still pending.
func TestAdvanceAidGranted(t *testing.T) {
	a := receivedOn("2026-11-20")
	lim := day("2026-11-24")
	a.LimitationDate = &lim
	if _, err := Apply(&a, Action{Name: "grant_advance", Ground: "limitation"}, Officer, 2, at("2026-11-20")); !errs.Is(err, errs.Invalid) || a.Status != Received {
		t.Fatalf("without a lawyer: %v", err)
	}
	if _, err := Apply(&a, Action{Name: "grant_advance", Ground: "other_by_statute", LawyerID: 7}, Officer, 2, at("2026-11-20")); err == nil {
		t.Fatal("an 'other case' needs its reason")
	}
	by := day("2026-11-27")
	Apply(&a, Action{Name: "request_materials", Missing: []string{"劳动合同"}, SupplementBy: &by}, Officer, 2, at("2026-11-20"))
	if _, err := Apply(&a, Action{Name: "grant_advance", Ground: "limitation", LawyerID: 7}, Officer, 2, at("2026-11-21")); err != nil {
		t.Fatal(err)
	}
	c := ClockOf(a, nil, day("2026-11-21"))
	if a.Status != Assigned || *a.LawyerID != 7 || c.Step != "advance_formalities" || !c.Advance || !reflect.DeepEqual(c.Pending, []string{"materials", "decision"}) {
		t.Fatalf("after advance aid: %s %+v", a.Status, c)
	}
	if DueForWithdrawal(a, day("2026-12-01")) {
		t.Fatal("an advance-aid case is not deemed withdrawn")
	}
	if _, err := Apply(&a, Action{Name: "approve"}, Officer, 2, at("2026-11-25")); err != nil || a.Status != Assigned || a.AdvancePending() {
		t.Fatalf("the formal decision: %s %v", a.Status, err)
	}
	if c := ClockOf(a, nil, day("2026-11-25")); c.Step != "" {
		t.Fatalf("nothing pending after the decision: %+v", c)
	}
	if _, err := Apply(&a, Action{Name: "approve"}, Officer, 2, at("2026-11-26")); !errs.Is(err, errs.Conflict) {
		t.Fatalf("approving an assigned case twice: %v", err)
	}
}
