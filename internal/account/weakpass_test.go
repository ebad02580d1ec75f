package account

import "testing"

func TestWeakPassword(t *testing.T) {
	const phone = "13900000001"
	cases := []struct {
		password string
		weak     bool
	}{
		{"password123", true},   // on the common list
		{"Password123", true},   // case does not help
		{"baseball2026!", true}, // a common word with digits stuck on
		{"aaaaaaaaaa", true},    // one character
		{"abcabcabcabc", true},  // a repeated unit
		{"1212121212", true},
		{"1234567890", true}, // sequences, either way, wrapping past 9
		{"0987654321", true},
		{"5678901234", true},
		{"abcdefghij", true},
		{"qwertyuiop", true}, // keyboard walks
		{"poiuytrewq", true},
		{"1qaz2wsx3edc", true},
		{"qazwsxedcrfv", true},
		{"13900000001", true},     // the phone number
		{"x13900000001!", true},   // the phone number inside
		{"woaini1314", true},      // common in Chinese leaks
		{"aabbaabbab", true},      // three characters
		{"demo-pass-2026", false}, // the demo accounts' password
		{"correct-horse-1", false},
		{"tea-kettle-Lamp-42", false},
		{"平遥古城2026春天", false},
	}
	for _, tc := range cases {
		zh, en, ok := weakPassword(tc.password, phone)
		if ok == tc.weak {
			t.Errorf("weakPassword(%q) ok = %v, want %v", tc.password, ok, !tc.weak)
		}
		if !ok && (zh == "" || en == "") {
			t.Errorf("weakPassword(%q): want a message in both languages", tc.password)
		}
	}
}

func TestCommonListLoaded(t *testing.T) {
	if n := len(commonPasswords()); n < 10_000 {
		t.Fatalf("common passwords: %d, want 10,000 or more", n)
	}
	for _, p := range []string{"123456", "qwerty", "iloveyou", "1q2w3e4r5t"} {
		if _, ok := commonPasswords()[p]; !ok {
			t.Errorf("%q not on the list", p)
		}
	}
}
