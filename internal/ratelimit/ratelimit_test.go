package ratelimit

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

type limiter interface {
	Allow(ctx context.Context, key string, limit int, window time.Duration) (bool, time.Duration, error)
}

func limiters(t *testing.T) map[string]limiter {
	m := map[string]limiter{"memory": NewMemory()}
	if addr := os.Getenv("LEGALDESK_TEST_REDIS_ADDR"); addr != "" {
		c := redis.NewClient(&redis.Options{Addr: addr, ContextTimeoutEnabled: true})
		t.Cleanup(func() { c.Close() })
		m["redis"] = NewRedis(c, fmt.Sprintf("test:%d:", time.Now().UnixNano()))
	} else if os.Getenv("CI") == "true" {
		t.Fatal("CI=true but LEGALDESK_TEST_REDIS_ADDR is not set")
	}
	return m
}

func TestLimit(t *testing.T) {
	for name, l := range limiters(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			key := fmt.Sprint("test:", time.Now().UnixNano())
			for i := range 3 {
				if ok, _, err := l.Allow(ctx, key, 3, time.Minute); !ok || err != nil {
					t.Fatalf("event %d refused: %v", i, err)
				}
			}
			ok, retry, err := l.Allow(ctx, key, 3, time.Minute)
			if ok || err != nil || retry <= 0 || retry > time.Minute {
				t.Fatalf("fourth event: ok=%v retry=%v err=%v", ok, retry, err)
			}
			if ok, _, _ := l.Allow(ctx, key+"other", 3, time.Minute); !ok {
				t.Fatal("another key must have its own limit")
			}
		})
	}
}

func TestMemoryRefills(t *testing.T) {
	m := NewMemory()
	now := time.Unix(1000, 0)
	m.Now = func() time.Time { return now }
	ctx := context.Background()
	if ok, _, _ := m.Allow(ctx, "k", 1, time.Minute); !ok {
		t.Fatal("first refused")
	}
	if ok, _, _ := m.Allow(ctx, "k", 1, time.Minute); ok {
		t.Fatal("second allowed at once")
	}
	now = now.Add(61 * time.Second)
	if ok, _, _ := m.Allow(ctx, "k", 1, time.Minute); !ok {
		t.Fatal("not refilled after the window")
	}
}

func TestFallbackWhenRedisIsDown(t *testing.T) {
	dead := redis.NewClient(&redis.Options{Addr: "127.0.0.1:1", DialTimeout: 100 * time.Millisecond, MaxRetries: -1})
	defer dead.Close()
	f := Fallback{Primary: NewRedis(dead, "x:"), Secondary: NewMemory()}
	ctx := context.Background()
	if ok, _, err := f.Allow(ctx, "k", 1, time.Minute); !ok || err != nil {
		t.Fatalf("first: %v %v", ok, err)
	}
	if ok, _, err := f.Allow(ctx, "k", 1, time.Minute); ok || err != nil {
		t.Fatalf("the memory limit must still hold: %v %v", ok, err)
	}
}

// TestBothRefillAlike: the memory and Redis limiters are one algorithm, so
// after a burst both refuse, and both allow again once one event's share of
// the window has passed, not only at the end of a fixed window.
func TestBothRefillAlike(t *testing.T) {
	for name, l := range limiters(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			key := fmt.Sprint("refill:", time.Now().UnixNano())
			const limit, window = 4, 800 * time.Millisecond
			for i := range limit {
				if ok, _, err := l.Allow(ctx, key, limit, window); !ok || err != nil {
					t.Fatalf("event %d of the burst refused: %v", i, err)
				}
			}
			ok, retry, err := l.Allow(ctx, key, limit, window)
			if ok || err != nil || retry <= 0 || retry > window/limit+50*time.Millisecond {
				t.Fatalf("after the burst: ok=%v retry=%v err=%v, want a refusal for about %v", ok, retry, err, window/limit)
			}
			time.Sleep(window/limit + 60*time.Millisecond)
			if ok, _, err := l.Allow(ctx, key, limit, window); !ok || err != nil {
				t.Fatalf("one event's share of the window later: ok=%v err=%v", ok, err)
			}
			if ok, _, _ := l.Allow(ctx, key, limit, window); ok {
				t.Fatal("only one event had refilled")
			}
		})
	}
}

// TestMemoryForgetKeepsLongWindows: when the map is pruned, a spent bucket
// with a long window is kept until it has really refilled, whatever the
// window of the key that triggered the pruning.
func TestMemoryForgetKeepsLongWindows(t *testing.T) {
	m := NewMemory()
	now := time.Unix(1000, 0)
	m.Now = func() time.Time { return now }
	ctx := context.Background()
	for range 10 {
		m.Allow(ctx, "login", 10, 15*time.Minute)
	}
	for i := range 100_001 {
		m.Allow(ctx, fmt.Sprint("other", i), 1, time.Minute)
	}
	now = now.Add(61 * time.Second)
	m.Allow(ctx, "trigger", 1, time.Minute) // prunes
	if ok, _, _ := m.Allow(ctx, "login", 10, 15*time.Minute); ok {
		t.Fatal("a spent 15-minute bucket was forgotten after a minute")
	}
}
