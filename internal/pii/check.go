package pii

import (
	"strings"
	"time"
)

// NormalizePhone strips spaces, dashes and a +86 prefix.
func NormalizePhone(s string) string {
	s = strings.NewReplacer(" ", "", "-", "").Replace(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "+86")
	return s
}

// ValidPhone reports whether s is a mainland mobile number (11 digits, 1[3-9]).
func ValidPhone(s string) bool {
	if len(s) != 11 || s[0] != '1' || s[1] < '3' || s[1] > '9' {
		return false
	}
	return allDigits(s)
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// MaskPhone keeps the first three and last four digits: 138****0001.
func MaskPhone(s string) string {
	if len(s) != 11 {
		return "***"
	}
	return s[:3] + "****" + s[7:]
}

// ValidIDNumber checks an 18-character resident ID number (GB 11643-1999):
// digits, a real birth date and the ISO 7064 MOD 11-2 check character.
func ValidIDNumber(s string) bool {
	s = strings.ToUpper(strings.TrimSpace(s))
	if len(s) != 18 || !allDigits(s[:17]) {
		return false
	}
	if _, err := time.Parse("20060102", s[6:14]); err != nil {
		return false
	}
	return s[17] == IDCheckChar(s[:17])
}

var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// IDCheckChar computes the check character for the first 17 digits.
func IDCheckChar(first17 string) byte {
	sum := 0
	for i := 0; i < 17; i++ {
		sum += int(first17[i]-'0') * idWeights[i]
	}
	return "10X98765432"[sum%11]
}

// MaskIDNumber keeps the first six and last four characters.
func MaskIDNumber(s string) string {
	if len(s) != 18 {
		return "***"
	}
	return s[:6] + "********" + s[14:]
}
