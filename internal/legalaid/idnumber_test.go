package legalaid

import (
	"testing"

	"github.com/legaldesk/legaldesk/internal/pii"
)

// withCheck completes 17 digits with their GB 11643 check character.
func withCheck(first17 string) string { return first17 + string(pii.IDCheckChar(first17)) }

func TestBirthDate(t *testing.T) {
	today := day("2026-11-26")
	for _, c := range []struct {
		id string
		ok bool
		// born, when ok
		born string
	}{
		{"11010519491231002X", true, "1949-12-31"},
		{withCheck("14058120081127001"), true, "2008-11-27"},
		{withCheck("14058120261127001"), false, ""}, // born tomorrow
		{withCheck("14058118991231001"), false, ""}, // before 1900
		{withCheck("99058119800101001"), false, ""}, // no province 99
		{withCheck("10058119800101001"), false, ""}, // no province 10
		{withCheck("14058119800230001"), false, ""}, // 30 February
		{"110105194912310021", false, ""},           // wrong check character
	} {
		born, ok := BirthDate(c.id, today)
		if ok != c.ok || (ok && born.String() != c.born) {
			t.Errorf("%s: %v %s", c.id, ok, born)
		}
	}
}

// The age is in whole years by calendar date: 18 on the birthday, not before.
func TestAgeOn(t *testing.T) {
	born := day("2008-11-27")
	if AgeOn(born, day("2026-11-26")) != 17 || AgeOn(born, day("2026-11-27")) != 18 {
		t.Fatal("age by calendar date")
	}
	if a := ageOf(withCheck("14058119660101001"), day("2026-11-26")); a == nil || *a != 60 {
		t.Fatalf("60 and over: %v", a)
	}
}

func TestLandline(t *testing.T) {
	for s, ok := range map[string]bool{"0356-5221234": true, "03565221234": true, "010-12345678": true, "5221234": false, "0356-52a1234": false, "13800000001": false} {
		if validLandline(s) != ok {
			t.Errorf("%s: %v", s, !ok)
		}
	}
}

// Art. 34: the statement meets the standard when the household's monthly
// income is at most the per-capita standard times its size.
func TestHardshipStandard(t *testing.T) {
	st := Standard{MonthlyPerCapita: 1500, Source: "test"}
	for _, c := range []struct {
		size, income int
		meets        bool
	}{{3, 4500, true}, {3, 4501, false}, {1, 0, true}} {
		if got, known := st.Meets(c.size, c.income); !known || got != c.meets {
			t.Errorf("%d people, %d yuan: %v", c.size, c.income, got)
		}
	}
	if _, known := (Standard{}).Meets(3, 100); known {
		t.Error("no standard configured, no answer")
	}
}
