package account

import (
	"strings"
	"testing"
)

func TestPasswordRoundTrip(t *testing.T) {
	h := HashPassword("correct-horse-1")
	if ok, err := CheckPassword(h, "correct-horse-1"); !ok || err != nil {
		t.Fatalf("the right password: %v %v", ok, err)
	}
	if ok, err := CheckPassword(h, "correct-horse-2"); ok || err != nil {
		t.Fatalf("a wrong password: %v %v", ok, err)
	}
}

// TestHashParametersBounded: a stored hash whose parameters would make a
// sign-in allocate gigabytes, run for minutes or compare nothing is refused
// before any work is done.
func TestHashParametersBounded(t *testing.T) {
	good := HashPassword("correct-horse-1")
	parts := strings.Split(good, "$")
	with := func(i int, v string) string {
		p := append([]string(nil), parts...)
		p[i] = v
		return strings.Join(p, "$")
	}
	for name, h := range map[string]string{
		"4 GiB of memory":   with(3, "m=4194304,t=2,p=1"),
		"a million passes":  with(3, "m=19456,t=1000000,p=1"),
		"255 threads":       with(3, "m=19456,t=2,p=255"),
		"no passes":         with(3, "m=19456,t=0,p=1"),
		"trailing junk":     with(3, "m=19456,t=2,p=1,x=9"),
		"an empty key":      with(5, ""),
		"an empty salt":     with(4, ""),
		"another version":   with(2, "v=16"),
		"argon2i":           with(1, "argon2i"),
		"not a hash at all": "plaintext",
		"a 1 KiB key":       with(5, strings.Repeat("A", 1400)),
	} {
		if ok, err := CheckPassword(h, "correct-horse-1"); ok || err == nil {
			t.Errorf("%s: accepted (%v, %v)", name, ok, err)
		}
	}
}
