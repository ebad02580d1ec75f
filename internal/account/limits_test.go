package account

import "testing"

// TestLimitAddr: an IPv6 /64 counts as one address; IPv4 as itself.
func TestLimitAddr(t *testing.T) {
	cases := map[string]string{
		"203.0.113.7":          "203.0.113.7",
		"::ffff:203.0.113.7":   "203.0.113.7",
		"2001:db8:0:1::1":      "2001:db8:0:1::/64",
		"2001:db8:0:1:ffff::9": "2001:db8:0:1::/64",
		"2001:db8:0:2::1":      "2001:db8:0:2::/64",
		"not an address":       "not an address",
	}
	for in, want := range cases {
		if got := LimitAddr(in); got != want {
			t.Errorf("LimitAddr(%q) = %q, want %q", in, got, want)
		}
	}
}
