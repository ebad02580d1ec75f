package sessions_test

import (
	"context"
	"testing"
	"time"

	"github.com/legaldesk/legaldesk/internal/sessions"
)

// memory is a session store that counts its writes.
type memory struct {
	data           map[string][]byte
	commits, finds int
}

func (m *memory) Find(token string) ([]byte, bool, error) {
	m.finds++
	b, ok := m.data[token]
	return b, ok, nil
}
func (m *memory) Delete(token string) error { delete(m.data, token); return nil }
func (m *memory) Commit(token string, b []byte, _ time.Time) error {
	m.commits++
	m.data[token] = append([]byte(nil), b...)
	return nil
}

// TestTouchesSkipsUnchangedRewrites: the same bytes are written once per
// interval; changed bytes, a change made elsewhere and a deleted session
// are always written.
func TestTouchesSkipsUnchangedRewrites(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 26, 8, 0, 0, 0, time.UTC)
	inner := &memory{data: map[string][]byte{}}
	s := &sessions.Touches{Store: inner, Every: time.Minute, Now: func() time.Time { return now }}
	commit := func(b string) {
		t.Helper()
		if err := s.CommitCtx(ctx, "tok", []byte(b), now.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	want := func(n int, why string) {
		t.Helper()
		if inner.commits != n {
			t.Fatalf("%s: %d writes, want %d", why, inner.commits, n)
		}
	}
	commit("a")
	commit("a")
	want(1, "the same session twice within the minute")
	commit("b")
	want(2, "a changed session")
	now = now.Add(61 * time.Second)
	commit("b")
	want(3, "the same session after the interval")
	inner.data["tok"] = []byte("elsewhere") // another instance wrote it
	if b, ok, _ := s.FindCtx(ctx, "tok"); !ok || string(b) != "elsewhere" {
		t.Fatalf("find: %q %v", b, ok)
	}
	commit("b")
	want(4, "a session changed by another instance")
	if err := s.DeleteCtx(ctx, "tok"); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.FindCtx(ctx, "tok"); ok {
		t.Fatal("a deleted session was found")
	}
	commit("b")
	want(5, "a session after its deletion")
}

// TestTouchesServesFreshReads: with FreshFor, a session read or written a
// moment ago is answered without a query; a sign-out here is seen at once,
// and a change elsewhere once FreshFor has passed.
func TestTouchesServesFreshReads(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 26, 8, 0, 0, 0, time.UTC)
	inner := &memory{data: map[string][]byte{"tok": []byte("a")}}
	s := &sessions.Touches{Store: inner, Every: time.Minute, FreshFor: 2 * time.Second, Now: func() time.Time { return now }}
	find := func() string {
		t.Helper()
		b, ok, err := s.FindCtx(ctx, "tok")
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			return "(none)"
		}
		return string(b)
	}
	if find() != "a" || find() != "a" || inner.finds != 1 {
		t.Fatalf("two reads within FreshFor: %d queries, want 1", inner.finds)
	}
	if err := s.CommitCtx(ctx, "tok", []byte("b"), now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if find() != "b" || inner.finds != 1 {
		t.Fatalf("after this instance's write: %d queries", inner.finds)
	}
	inner.data["tok"] = []byte("elsewhere")
	if got := find(); got != "b" {
		t.Fatalf("within FreshFor: %q", got)
	}
	now = now.Add(3 * time.Second)
	if got := find(); got != "elsewhere" || inner.finds != 2 {
		t.Fatalf("after FreshFor: %q, %d queries", got, inner.finds)
	}
	if err := s.DeleteCtx(ctx, "tok"); err != nil {
		t.Fatal(err)
	}
	if got := find(); got != "(none)" {
		t.Fatalf("a session signed out here was found: %q", got)
	}
}
