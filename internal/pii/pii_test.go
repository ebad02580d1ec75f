package pii

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func newBox(t *testing.T) *Box {
	t.Helper()
	b, err := NewBox("k1", NewKey(), NewKey())
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestSealOpen(t *testing.T) {
	b := newBox(t)
	s := b.Seal("13800000001")
	if strings.Contains(s, "13800000001") || !strings.HasPrefix(s, "k1:") {
		t.Fatalf("sealed value leaks or lacks key id: %q", s)
	}
	if s == b.Seal("13800000001") {
		t.Error("two seals of one value must differ (random nonce)")
	}
	got, err := b.Open(s)
	if err != nil || got != "13800000001" {
		t.Fatalf("Open = %q, %v", got, err)
	}
	other := newBox(t)
	if _, err := other.Open(s); err == nil {
		t.Error("a box with another key must not open the value")
	}
	if _, err := b.Open("k1:AAAA"); err == nil {
		t.Error("garbage must not open")
	}
}

func TestIndexIsKeyedAndKinded(t *testing.T) {
	b, other := newBox(t), newBox(t)
	if b.Index("phone", "1") != b.Index("phone", "1") {
		t.Error("index must be stable")
	}
	if b.Index("phone", "1") == b.Index("id", "1") {
		t.Error("kinds must not collide")
	}
	if b.Index("phone", "1") == other.Index("phone", "1") {
		t.Error("index must depend on the key")
	}
}

func TestBadKeys(t *testing.T) {
	for _, k := range []string{"", "not base64!", "c2hvcnQ="} {
		if _, err := NewBox("k1", k, NewKey()); err == nil {
			t.Errorf("key %q accepted", k)
		}
	}
}

func TestPhone(t *testing.T) {
	good := []string{"13800000001", "19912345678"}
	bad := []string{"", "1380000000", "23800000001", "12800000001", "1380000000a", "138000000012"}
	for _, p := range good {
		if !ValidPhone(p) {
			t.Errorf("%s refused", p)
		}
	}
	for _, p := range bad {
		if ValidPhone(p) {
			t.Errorf("%s accepted", p)
		}
	}
	if got := NormalizePhone(" +86 138-0000-0001 "); got != "13800000001" {
		t.Errorf("NormalizePhone = %q", got)
	}
	if got := MaskPhone("13800000001"); got != "138****0001" {
		t.Errorf("MaskPhone = %q", got)
	}
}

func TestIDNumber(t *testing.T) {
	// 11010519491231002X is the standard's published example.
	good := []string{"11010519491231002X", "11010519491231002x", "440524188001010014"}
	bad := []string{"110105194912310021", "11010519491331002X", "1101051949123100", "A1010519491231002X"}
	for _, s := range good {
		if !ValidIDNumber(s) {
			t.Errorf("%s refused", s)
		}
	}
	for _, s := range bad {
		if ValidIDNumber(s) {
			t.Errorf("%s accepted", s)
		}
	}
	if got := MaskIDNumber("11010519491231002X"); got != "110105********002X" {
		t.Errorf("MaskIDNumber = %q", got)
	}
}

func TestKeysCreatedOnceWithMode0600(t *testing.T) {
	dir := t.TempDir()
	s1, i1, created, err := LoadOrCreateKeys(dir)
	if err != nil || !created {
		t.Fatalf("first call: created=%v err=%v", created, err)
	}
	st, _ := os.Stat(filepath.Join(dir, KeyFile))
	if st.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v", st.Mode().Perm())
	}
	s2, i2, created, err := LoadOrCreateKeys(dir)
	if err != nil || created || s1 != s2 || i1 != i2 {
		t.Fatalf("second call must read the same keys")
	}
	if _, err := NewBox("dev", s1, i1); err != nil {
		t.Fatal(err)
	}
}

func FuzzIDNumber(f *testing.F) {
	f.Add("11010519491231002X")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		if ValidIDNumber(s) {
			u := strings.ToUpper(strings.TrimSpace(s))
			if IDCheckChar(u[:17]) != u[17] {
				t.Fatalf("accepted %q with a wrong check char", s)
			}
		}
	})
}
