package legalaid

import (
	"testing"
	"time"

	"github.com/legaldesk/legaldesk/internal/calendar"
)

// TestNextStep: every status tells who acts next; a refusal the bureau
// already reviewed leaves reconsideration or a lawsuit (Art. 49).
func TestNextStep(t *testing.T) {
	for _, c := range []struct {
		a    Application
		want string
	}{
		{Application{Status: Received}, "centre_decides"},
		{Application{Status: MaterialsRequested}, "supply_materials"},
		{Application{Status: MaterialsRequested, MaterialsToCheck: true}, "centre_checks_materials"},
		{Application{Status: Approved}, "lawyer_to_be_assigned"},
		{Application{Status: Assigned}, "lawyer_contacts_you"},
		{Application{Status: Refused}, "may_object"},
		{Application{Status: Terminated, ObjectionDecided: true}, "reconsideration_or_lawsuit"},
		{Application{Status: ObjectionPending}, "bureau_reviews"},
		{Application{Status: Closed}, "none"},
		{Application{Status: DeemedWithdrawn}, "none"},
	} {
		if got := nextStep(c.a); got != c.want {
			t.Errorf("%s (to check %v, decided %v): %s, want %s", c.a.Status, c.a.MaterialsToCheck, c.a.ObjectionDecided, got, c.want)
		}
	}
}

// TestProgressTellsDatesOnly: a decided application shows its decision
// date and no decision due; an undecided one its Art. 43 date.
func TestProgressTellsDatesOnly(t *testing.T) {
	got := time.Date(2026, 11, 20, 2, 0, 0, 0, time.UTC) // 10:00 in Shanghai
	decided := got.Add(48 * time.Hour)
	a := Application{Code: "FY261120ABCDEF", Status: Refused, CreatedAt: got, CompleteAt: &got, DecidedAt: &decided, Name: "张三", Summary: "案情"}
	p := progressOf(a, ClockOf(a, nil, calendar.NewDate(2026, 11, 23)))
	if p.DecisionDue != nil || p.DecidedOn == nil || *p.DecidedOn != calendar.NewDate(2026, 11, 22) || p.ReceivedOn != calendar.NewDate(2026, 11, 20) {
		t.Fatalf("refused: %+v", p)
	}
	a.Status, a.DecidedAt = Received, nil
	p = progressOf(a, ClockOf(a, nil, calendar.NewDate(2026, 11, 23)))
	if p.DecisionDue == nil || *p.DecisionDue != calendar.NewDate(2026, 11, 27) || p.NextDue == nil || *p.NextDue != *p.DecisionDue {
		t.Fatalf("received: %+v", p)
	}
}
