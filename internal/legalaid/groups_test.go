package legalaid

import (
	"fmt"
	"testing"

	"github.com/legaldesk/legaldesk/internal/calendar"
)

func TestDeriveGroups(t *testing.T) {
	today := calendar.NewDate(2026, 11, 20)
	for _, c := range []struct {
		a    Application
		id   string
		want string
	}{
		{Application{Path: Art41, Matter: LabourArbitration}, "11010519491231002X", "[elderly women migrant_worker low_income]"},
		{Application{Path: Art42, PathDetail: "minor_elderly_disabled"}, "110105198001010011", "[disabled]"}, // a man of 46
		{Application{Matter: Criminal, CriminalCategory: "minor"}, "110105201001010014", "[minor]"},
		{Application{Path: Art42, PathDetail: "social_assistance", Veteran: true}, "", "[veteran low_income]"},
		{Application{Path: Art32, Art31Item: "labour_pay"}, "not an id", "[migrant_worker]"},
		{Application{Path: Art32}, "110105198001010011", "[]"},
	} {
		if got := fmt.Sprint(DeriveGroups(c.a, c.id, today)); got != c.want {
			t.Errorf("%+v %s: %s, want %s", c.a.PathDetail, c.id, got, c.want)
		}
	}
	if EncodeGroups([]string{"women", "minor", "bogus"}) != ",minor,women," || EncodeGroups(nil) != "" {
		t.Error("EncodeGroups keeps known groups in order, framed")
	}
}
