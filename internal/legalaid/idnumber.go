package legalaid

import (
	"strings"
	"time"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/pii"
)

// provinces are the first two digits of a resident ID number (GB/T 2260),
// with 81–83 for the residence permits of Hong Kong, Macao and Taiwan residents.
var provinces = map[string]bool{
	"11": true, "12": true, "13": true, "14": true, "15": true, "21": true, "22": true, "23": true,
	"31": true, "32": true, "33": true, "34": true, "35": true, "36": true, "37": true,
	"41": true, "42": true, "43": true, "44": true, "45": true, "46": true, "50": true, "51": true,
	"52": true, "53": true, "54": true, "61": true, "62": true, "63": true, "64": true, "65": true,
	"71": true, "81": true, "82": true, "83": true,
}

// BirthDate checks an ID number beyond its check digit: a known province
// code and a birth date that can be (from 1900, not after today). It
// returns the birth date.
func BirthDate(id string, today calendar.Date) (calendar.Date, bool) {
	id = strings.ToUpper(strings.TrimSpace(id))
	if !pii.ValidIDNumber(id) || !provinces[id[:2]] {
		return calendar.Date{}, false
	}
	t, err := time.Parse("20060102", id[6:14])
	if err != nil {
		return calendar.Date{}, false
	}
	born := calendar.NewDate(t.Year(), t.Month(), t.Day())
	if born.Year() < 1900 || born.After(today) {
		return calendar.Date{}, false
	}
	return born, true
}

// AgeOn is the age in whole years on a day.
func AgeOn(born, today calendar.Date) int {
	age := today.Year() - born.Year()
	if today.Month() < born.Month() || (today.Month() == born.Month() && today.Day() < born.Day()) {
		age--
	}
	return age
}

// ageOf is the age an ID number gives, or nil when it gives none.
func ageOf(id string, today calendar.Date) *int {
	born, ok := BirthDate(id, today)
	if !ok {
		return nil
	}
	age := AgeOn(born, today)
	return &age
}

// validLandline accepts a fixed-line number with its area code, for
// walk-in applicants without a mobile (Art. 45: the elderly and disabled).
func validLandline(s string) bool {
	s = strings.ReplaceAll(strings.TrimSpace(s), "-", "")
	if len(s) < 10 || len(s) > 12 || s[0] != '0' {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
