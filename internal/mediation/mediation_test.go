package mediation

import (
	"errors"
	"testing"
	"time"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
)

var accepted = time.Date(2026, 11, 20, 2, 0, 0, 0, time.UTC) // 10:00 in China

// valid is a well-formed action of each kind.
func valid(name string) Action {
	one := int64(1)
	return map[string]Action{
		"assign":   {Name: "assign", CommitteeID: &one},
		"start":    {Name: "start"},
		"resolve":  {Name: "resolve", AgreementDate: "2026-11-21", Agreement: "双方同意按约定履行。"},
		"fail":     {Name: "fail", ReferredTo: "court", Reason: "一方拒绝"},
		"withdraw": {Name: "withdraw", Reason: "申请人撤回"},
	}[name]
}

// TestEveryStepFromEveryStatus walks the whole table: each action from
// each status is either taken to the status the law allows or refused
// with a conflict, and a closed dispute refuses everything with ErrClosed.
func TestEveryStepFromEveryStatus(t *testing.T) {
	want := map[string]map[Status]Status{
		"assign":   {Accepted: Accepted, Mediating: Mediating},
		"start":    {Accepted: Mediating},
		"resolve":  {Mediating: Resolved},
		"fail":     {Accepted: Unresolved, Mediating: Unresolved},
		"withdraw": {Accepted: Withdrawn, Mediating: Withdrawn},
	}
	now := accepted.Add(30 * time.Hour)
	one := int64(1)
	for name, allowed := range want {
		for _, from := range Statuses {
			d := Dispute{ID: 7, Status: from, AcceptedAt: accepted, CommitteeID: &one}
			ev, err := Apply(&d, valid(name), 3, now)
			to, ok := allowed[from]
			switch {
			case ok && err != nil:
				t.Errorf("%s from %s: %v", name, from, err)
			case ok && (d.Status != to || ev.From != string(from) || ev.To != string(to) || *ev.ActorID != 3):
				t.Errorf("%s from %s: status %s, event %+v", name, from, d.Status, ev)
			case ok && to.Closed() != (d.ClosedAt != nil):
				t.Errorf("%s from %s: closed_at %v", name, from, d.ClosedAt)
			case !ok && !errs.Is(err, errs.Conflict):
				t.Errorf("%s from %s: %v, want a conflict", name, from, err)
			case !ok && from.Closed() && err != ErrClosed:
				t.Errorf("%s from closed %s: %v, want ErrClosed", name, from, err)
			case !ok && d.Status != from:
				t.Errorf("%s from %s changed the status to %s", name, from, d.Status)
			}
		}
	}
}

func TestStepRules(t *testing.T) {
	now := accepted.Add(30 * time.Hour) // 2026-11-21 16:00 in China
	one := int64(1)
	for name, c := range map[string]struct {
		status Status
		act    Action
		field  string
	}{
		"start unassigned":         {Accepted, Action{Name: "start"}, ""},
		"assign both":              {Accepted, Action{Name: "assign", CommitteeID: &one, RoomSiteID: &one}, "committee_id"},
		"assign neither":           {Accepted, Action{Name: "assign"}, "committee_id"},
		"agreement before accept":  {Mediating, Action{Name: "resolve", AgreementDate: "2026-11-19", Agreement: "双方同意按约定履行。"}, "agreement_date"},
		"agreement in the future":  {Mediating, Action{Name: "resolve", AgreementDate: "2026-11-22", Agreement: "双方同意按约定履行。"}, "agreement_date"},
		"agreement not a date":     {Mediating, Action{Name: "resolve", AgreementDate: "21/11/2026", Agreement: "双方同意按约定履行。"}, "agreement_date"},
		"agreement empty":          {Mediating, Action{Name: "resolve", AgreementDate: "2026-11-21", Agreement: "  "}, "agreement"},
		"fail without route":       {Mediating, Action{Name: "fail", Reason: "一方拒绝"}, "referred_to"},
		"fail without reason":      {Mediating, Action{Name: "fail", ReferredTo: "court"}, "reason"},
		"withdraw without reason":  {Accepted, Action{Name: "withdraw"}, "reason"},
		"unknown action":           {Accepted, Action{Name: "close"}, "action"},
		"reason over 500":          {Accepted, Action{Name: "withdraw", Reason: string(make([]rune, 501))}, "reason"},
		"agreement on accept date": {Mediating, Action{Name: "resolve", AgreementDate: "2026-11-20", Agreement: "双方同意按约定履行。"}, "ok"},
	} {
		d := Dispute{Status: c.status, AcceptedAt: accepted}
		_, err := Apply(&d, c.act, 1, now)
		var e *errs.Error
		switch {
		case c.field == "ok":
			if err != nil {
				t.Errorf("%s: %v", name, err)
			}
		case c.field == "":
			if err != ErrNotAssigned {
				t.Errorf("%s: %v, want ErrNotAssigned", name, err)
			}
		case !errors.As(err, &e) || e.Fields[c.field].ZH == "":
			t.Errorf("%s: %v, want a message on %s", name, err, c.field)
		}
	}
}

// TestClockInChinaTime: the 30 days count China's calendar days, so a
// dispute taken in at 00:30 China time (16:30 UTC the day before) is due
// 30 days after the China date.
func TestClockInChinaTime(t *testing.T) {
	late := time.Date(2026, 11, 20, 16, 30, 0, 0, time.UTC) // 2026-11-21 00:30 in China
	d := Dispute{Status: Accepted, AcceptedAt: late}
	if got := ClockOf(d, calendar.NewDate(2026, 11, 21)); got.Due != calendar.NewDate(2026, 12, 21) || got.DaysLeft != 30 || got.NearDue || got.Overdue {
		t.Fatalf("clock: %+v", got)
	}
	if got, want := DueAt(late), time.Date(2026, 12, 21, 16, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Fatalf("due at %v, want %v (midnight China time after the 30th day)", got, want)
	}
	for _, c := range []struct {
		today         calendar.Date
		near, overdue bool
	}{
		{calendar.NewDate(2026, 12, 15), false, false},
		{calendar.NewDate(2026, 12, 16), true, false},
		{calendar.NewDate(2026, 12, 21), true, false},
		{calendar.NewDate(2026, 12, 22), false, true},
	} {
		if got := ClockOf(d, c.today); got.NearDue != c.near || got.Overdue != c.overdue {
			t.Errorf("%s: %+v", c.today, got)
		}
	}
	d.Status = Resolved
	if ClockOf(d, calendar.NewDate(2026, 12, 22)) != nil {
		t.Fatal("a closed dispute has no clock")
	}
}

func TestMaskName(t *testing.T) {
	for in, want := range map[string]string{"": "", "王": "王", "李国平": "李**", "高平泫氏实业有限公司（示例）": "高平泫氏实业有限公司（示例）"} {
		if got := MaskName(in); got != want {
			t.Errorf("MaskName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTypeOfCategory(t *testing.T) {
	for in, want := range map[string]Type{"婚姻家庭": "family", "劳动争议": "labour", "房屋宅基地": "land", "交通事故": "damages", "刑事": "other"} {
		if got := TypeOfCategory(in); got != want {
			t.Errorf("%s: %s, want %s", in, got, want)
		}
	}
}
