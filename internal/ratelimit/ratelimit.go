// Package ratelimit counts events per key: in memory with x/time/rate for
// one instance, in Redis with a fixed window when instances share limits.
package ratelimit

import (
	"context"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
	"golang.org/x/time/rate"
)

// Memory is a token bucket per key: limit events per window, burst limit.
type Memory struct {
	mu      sync.Mutex
	buckets map[string]*bucket
	Now     func() time.Time
}

type bucket struct {
	lim  *rate.Limiter
	seen time.Time
}

// NewMemory returns an empty in-memory limiter.
func NewMemory() *Memory {
	return &Memory{buckets: map[string]*bucket{}, Now: time.Now}
}

// Allow takes one event from key's bucket.
func (m *Memory) Allow(_ context.Context, key string, limit int, window time.Duration) (bool, time.Duration, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.Now()
	if len(m.buckets) > 100_000 {
		m.forget(now, window)
	}
	b, ok := m.buckets[key]
	if !ok {
		b = &bucket{lim: rate.NewLimiter(rate.Every(window/time.Duration(limit)), limit)}
		m.buckets[key] = b
	}
	b.seen = now
	r := b.lim.ReserveN(now, 1)
	if d := r.DelayFrom(now); d > 0 {
		r.CancelAt(now)
		return false, d, nil
	}
	return true, 0, nil
}

// forget drops buckets idle for longer than a window (they are full again).
func (m *Memory) forget(now time.Time, window time.Duration) {
	for k, b := range m.buckets {
		if now.Sub(b.seen) > window {
			delete(m.buckets, k)
		}
	}
}

// Redis is a fixed-window counter per key shared by every instance.
type Redis struct {
	c      redis.UniversalClient
	prefix string
}

// NewRedis wraps a client; prefix namespaces the keys.
func NewRedis(c redis.UniversalClient, prefix string) *Redis { return &Redis{c: c, prefix: prefix} }

// incr counts one event and returns {count, ms left in the window}.
var incr = redis.NewScript(`
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {n, redis.call('PTTL', KEYS[1])}`)

// Allow counts one event in key's current window.
func (r *Redis) Allow(ctx context.Context, key string, limit int, window time.Duration) (bool, time.Duration, error) {
	v, err := incr.Run(ctx, r.c, []string{r.prefix + "rl:" + key}, window.Milliseconds()).Int64Slice()
	if err != nil {
		return false, 0, err
	}
	if v[0] > int64(limit) {
		return false, time.Duration(v[1]) * time.Millisecond, nil
	}
	return true, 0, nil
}

// Limiter is what both kinds offer.
type Limiter interface {
	Allow(ctx context.Context, key string, limit int, window time.Duration) (bool, time.Duration, error)
}

// Fallback asks Primary (Redis) and, when it cannot answer, Secondary
// (memory): during a Redis outage limits still hold per instance, and
// people can still sign in.
type Fallback struct {
	Primary, Secondary Limiter
}

// Allow implements Limiter.
func (f Fallback) Allow(ctx context.Context, key string, limit int, window time.Duration) (bool, time.Duration, error) {
	ok, retry, err := f.Primary.Allow(ctx, key, limit, window)
	if err != nil {
		return f.Secondary.Allow(ctx, key, limit, window)
	}
	return ok, retry, nil
}
