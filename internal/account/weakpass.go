package account

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
)

// The list of passwords people pick most (see common_passwords.md): a
// password an attacker tries first is no password (ASVS 2.1.7, NIST 800-63B).
//
//go:embed common_passwords.txt
var commonPasswordList string

// commonPasswords is built on first use, so that a server which never
// creates an account never pays for the map.
var commonPasswords = sync.OnceValue(func() map[string]struct{} {
	m := make(map[string]struct{}, 20_000)
	for _, line := range strings.Split(commonPasswordList, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			m[strings.ToLower(line)] = struct{}{}
		}
	}
	return m
})

// walks are the lines people run a finger along and call random: the
// alphabet, digits (wrapping past 9), QWERTY rows, columns and diagonals.
var walks = []string{
	"abcdefghijklmnopqrstuvwxyz",
	"012345678901234567890",
	"`1234567890-=",
	"qwertyuiop[]\\",
	"asdfghjkl;'",
	"zxcvbnm,./",
	"1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/-['=]",
	"qazwsxedcrfvtgbyhnujmikolp",
	"zaqxswcdevfrbgtnhymju,ki.lo/;p",
	"!@#$%^&*()_+",
}

// weakPassword names what makes a password easy to guess; ok is true when
// nothing does. phone is the account's normalised number.
func weakPassword(password, phone string) (zh, en string, ok bool) {
	p := strings.ToLower(password)
	if phone != "" && strings.Contains(p, phone) {
		return "密码不能包含手机号", "the password must not contain the phone number", false
	}
	// "Summer2026!" is "summer" to a cracker: check the word without the
	// digits and signs stuck to its ends as well.
	core := strings.TrimFunc(p, func(r rune) bool { return unicode.IsDigit(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) })
	for _, s := range []string{p, core} {
		if len([]rune(s)) >= 4 && guessable(s) {
			return "密码过于常见或简单，请换一个不易猜到的密码", "this password is too common or too simple: choose one that is harder to guess", false
		}
	}
	return "", "", true
}

// guessable reports whether s (lower case) is on the common list, a
// keyboard or alphabet walk, a repeated pattern or made of few characters.
func guessable(s string) bool {
	if _, ok := commonPasswords()[s]; ok {
		return true
	}
	rev := reverse(s)
	for _, w := range walks {
		if strings.Contains(w, s) || strings.Contains(w, rev) {
			return true
		}
	}
	return periodic(s) || distinct(s) < 4
}

// periodic reports whether s repeats a shorter unit: "aaaaaaaaaa",
// "abcabcabca", "qwertyqwerty".
func periodic(s string) bool {
	r := []rune(s)
	for p := 1; p <= len(r)/2; p++ {
		same := true
		for i := p; i < len(r) && same; i++ {
			same = r[i] == r[i-p]
		}
		if same {
			return true
		}
	}
	return false
}

func distinct(s string) int {
	seen := map[rune]bool{}
	for _, r := range s {
		seen[r] = true
	}
	return len(seen)
}

func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}
