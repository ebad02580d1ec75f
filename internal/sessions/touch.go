package sessions

import (
	"context"
	"crypto/sha256"
	"sync"
	"time"

	"github.com/alexedwards/scs/v2"
	"golang.org/x/sync/singleflight"
)

// Touches wraps a session store so that a session nobody changed is
// written again at most once per Every. With an idle timeout, scs commits
// every session on every request just to move its expiry; in the database
// that is a durable write for each page a signed-in person reads. Skipping
// the rewrite while it is recent lets the stored expiry lag by at most
// Every, which is kept small beside the idle timeout.
//
// Only this instance's own writes are remembered (by token, which the
// manager hashes, and by a digest of the bytes): a change of content, a
// token this instance has not written, or an older write always goes
// through.
//
// With FreshFor set, a session this instance read or wrote less than
// FreshFor ago is answered from memory, without a query. A sign-out on
// another instance then takes up to FreshFor to reach this one, the same
// trade-off as the accounts' short cache of the signed-in user; a sign-out
// here takes effect at once.
type Touches struct {
	Store    scs.Store
	Every    time.Duration
	FreshFor time.Duration
	Now      func() time.Time

	mu      sync.Mutex
	written map[string]write
	read    map[string]fresh
	gen     uint64 // counts sign-outs: a read one overtook is not kept
	reads   singleflight.Group
}

type fresh struct {
	b  []byte
	at time.Time
}

type write struct {
	sum [sha256.Size]byte
	at  time.Time
}

// maxRemembered bounds the memory: past it, the instance forgets and
// writes each session once more.
const maxRemembered = 100_000

// FindCtx implements scs.CtxStore. A session that reads otherwise than
// this instance last wrote it was changed elsewhere: its next commit goes
// through. Requests that ask for one session at the same moment (a page
// fires several) share one read of the store.
func (t *Touches) FindCtx(ctx context.Context, token string) ([]byte, bool, error) {
	now := t.Now()
	t.mu.Lock()
	r, ok := t.read[token]
	t.mu.Unlock()
	if ok && !now.Before(r.at) && now.Sub(r.at) < t.FreshFor {
		return r.b, true, nil
	}
	v, err, _ := t.reads.Do(token, func() (any, error) {
		// The read serves whoever waits for it, so it outlives the asker.
		return t.load(context.WithoutCancel(ctx), token, now)
	})
	if err != nil {
		return nil, false, err
	}
	f := v.(fresh)
	return f.b, f.b != nil, nil
}

// load reads a session from the store and remembers it, unless a sign-out
// here overtook the read. A missing session comes back with nil bytes.
func (t *Touches) load(ctx context.Context, token string, now time.Time) (fresh, error) {
	t.mu.Lock()
	gen := t.gen
	t.mu.Unlock()
	var (
		b     []byte
		found bool
		err   error
	)
	if s, ok := t.Store.(scs.CtxStore); ok {
		b, found, err = s.FindCtx(ctx, token)
	} else {
		b, found, err = t.Store.Find(token)
	}
	if err != nil {
		return fresh{}, err
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if last, ok := t.written[token]; ok && (!found || last.sum != sha256.Sum256(b)) {
		delete(t.written, token)
	}
	if !found {
		delete(t.read, token)
		return fresh{}, nil
	}
	if b == nil {
		b = []byte{}
	}
	if t.gen == gen {
		t.remember(token, b, now)
	}
	return fresh{b: b, at: now}, nil
}

// remember keeps what a token read or wrote; t.mu is held.
func (t *Touches) remember(token string, b []byte, now time.Time) {
	if t.FreshFor <= 0 {
		return
	}
	if t.read == nil || len(t.read) >= maxRemembered {
		t.read = map[string]fresh{}
	}
	t.read[token] = fresh{b: b, at: now}
}

// CommitCtx implements scs.CtxStore.
func (t *Touches) CommitCtx(ctx context.Context, token string, b []byte, expiry time.Time) error {
	sum, now := sha256.Sum256(b), t.Now()
	t.mu.Lock()
	last, ok := t.written[token]
	t.mu.Unlock()
	if ok && last.sum == sum && !now.Before(last.at) && now.Sub(last.at) < t.Every {
		t.mu.Lock()
		t.remember(token, append([]byte(nil), b...), now)
		t.mu.Unlock()
		return nil
	}
	var err error
	if s, ok := t.Store.(scs.CtxStore); ok {
		err = s.CommitCtx(ctx, token, b, expiry)
	} else {
		err = t.Store.Commit(token, b, expiry)
	}
	if err != nil {
		t.forget(token)
		return err
	}
	t.mu.Lock()
	if t.written == nil || len(t.written) >= maxRemembered {
		t.written = map[string]write{}
	}
	t.written[token] = write{sum: sum, at: now}
	t.remember(token, append([]byte(nil), b...), now)
	t.mu.Unlock()
	return nil
}

// DeleteCtx implements scs.CtxStore.
func (t *Touches) DeleteCtx(ctx context.Context, token string) error {
	t.forget(token)
	if s, ok := t.Store.(scs.CtxStore); ok {
		return s.DeleteCtx(ctx, token)
	}
	return t.Store.Delete(token)
}

func (t *Touches) forget(token string) {
	t.mu.Lock()
	t.gen++
	delete(t.written, token)
	delete(t.read, token)
	t.mu.Unlock()
}

// Find implements scs.Store.
func (t *Touches) Find(token string) ([]byte, bool, error) {
	return t.FindCtx(context.Background(), token)
}

// Commit implements scs.Store.
func (t *Touches) Commit(token string, b []byte, expiry time.Time) error {
	return t.CommitCtx(context.Background(), token, b, expiry)
}

// Delete implements scs.Store.
func (t *Touches) Delete(token string) error { return t.DeleteCtx(context.Background(), token) }
