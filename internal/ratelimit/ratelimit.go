// Package ratelimit counts events per key with one algorithm, a token
// bucket: in memory with x/time/rate for one instance, in Redis with
// redis_rate (GCRA) when instances share limits.
package ratelimit

import (
	"context"
	"sync"
	"time"

	"github.com/go-redis/redis_rate/v10"
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
	lim    *rate.Limiter
	seen   time.Time
	window time.Duration // its own window: when idle that long, it is full
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
		m.forget(now)
	}
	b, ok := m.buckets[key]
	if !ok {
		b = &bucket{lim: rate.NewLimiter(rate.Every(window/time.Duration(limit)), limit), window: window}
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

// forget drops buckets idle for longer than their own window: they are
// full again, so forgetting them changes nothing. (Using the caller's
// window would wipe a spent 15-minute sign-in bucket after a minute.)
func (m *Memory) forget(now time.Time) {
	for k, b := range m.buckets {
		if now.Sub(b.seen) > b.window {
			delete(m.buckets, k)
		}
	}
}

// Redis is the same token bucket kept in Redis (redis_rate's GCRA, which
// refills continuously like x/time/rate), so every instance shares one
// limit and a limit means the same on one instance or many.
type Redis struct {
	l      *redis_rate.Limiter
	prefix string
}

// NewRedis wraps a client; prefix namespaces the keys.
func NewRedis(c redis.UniversalClient, prefix string) *Redis {
	return &Redis{l: redis_rate.NewLimiter(c), prefix: prefix}
}

// Allow takes one event from key's bucket: limit events per window, with
// a burst of limit, as Memory does.
func (r *Redis) Allow(ctx context.Context, key string, limit int, window time.Duration) (bool, time.Duration, error) {
	res, err := r.l.Allow(ctx, r.prefix+"rl:"+key, redis_rate.Limit{Rate: limit, Burst: limit, Period: window})
	if err != nil {
		return false, 0, err
	}
	if res.Allowed == 0 {
		return false, res.RetryAfter, nil
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
