package sessions_test

import (
	"context"
	"sync"
	"sync/atomic"
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

// gated is a session store whose reads wait for the test.
type gated struct {
	memory
	mu    sync.Mutex
	gate  chan struct{}
	calls atomic.Int64
}

func (g *gated) Find(token string) ([]byte, bool, error) {
	g.calls.Add(1)
	<-g.gate
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.memory.Find(token)
}

// TestTouchesReadsOnceAtATime: a page's requests that ask for one session
// together share one read of the store; a sign-out here while that read is
// out keeps it from being remembered.
func TestTouchesReadsOnceAtATime(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 26, 8, 0, 0, 0, time.UTC)
	inner := &gated{memory: memory{data: map[string][]byte{"tok": []byte("a")}}, gate: make(chan struct{})}
	s := &sessions.Touches{Store: inner, Every: time.Minute, FreshFor: 2 * time.Second, Now: func() time.Time { return now }}
	var wg sync.WaitGroup
	for range 6 {
		wg.Go(func() {
			if b, ok, err := s.FindCtx(ctx, "tok"); err != nil || !ok || string(b) != "a" {
				t.Errorf("find: %q %v %v", b, ok, err)
			}
		})
	}
	for inner.calls.Load() == 0 {
		time.Sleep(time.Millisecond)
	}
	time.Sleep(50 * time.Millisecond) // the others reach the shared read, or a read of their own
	close(inner.gate)
	wg.Wait()
	if n := inner.calls.Load(); n != 1 {
		t.Fatalf("%d reads of the store for six requests at once, want 1", n)
	}

	// Expired; a read goes out, and the session is signed out meanwhile.
	now = now.Add(3 * time.Second)
	inner.gate = make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.FindCtx(ctx, "tok") // reads "a", from before the sign-out
	}()
	for inner.calls.Load() == 1 {
		time.Sleep(time.Millisecond)
	}
	if err := s.DeleteCtx(ctx, "tok"); err != nil {
		t.Fatal(err)
	}
	close(inner.gate)
	<-done
	if b, ok, err := s.FindCtx(ctx, "tok"); err != nil || ok {
		t.Fatalf("a session signed out during a read was remembered: %q %v %v", b, ok, err)
	}
}
