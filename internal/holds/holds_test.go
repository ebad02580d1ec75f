package holds

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/legaldesk/legaldesk/internal/errs"
)

// stores returns every implementation the contract runs on: memory always,
// Redis when LEGALDESK_TEST_REDIS_ADDR is set and a Redis Cluster when
// LEGALDESK_TEST_REDIS_CLUSTER is (both required under CI=true).
func stores(t *testing.T) map[string]func(t *testing.T) Store {
	m := map[string]func(t *testing.T) Store{
		"memory": func(*testing.T) Store { return NewMemory() },
	}
	if addr := os.Getenv("LEGALDESK_TEST_REDIS_ADDR"); addr != "" {
		m["redis"] = redisStore(addr)
	} else if os.Getenv("CI") == "true" {
		t.Fatal("CI=true but LEGALDESK_TEST_REDIS_ADDR is not set: the Redis hold suite must run")
	}
	cluster := os.Getenv("LEGALDESK_TEST_REDIS_CLUSTER")
	if cluster == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI=true but LEGALDESK_TEST_REDIS_CLUSTER is not set: the hold suite must run on a Redis Cluster")
		}
		return m
	}
	m["redis-cluster"] = func(t *testing.T) Store {
		c := redis.NewClusterClient(&redis.ClusterOptions{Addrs: strings.Split(cluster, ","), ContextTimeoutEnabled: true, PoolSize: 50})
		t.Cleanup(func() { c.Close() })
		if err := c.Ping(context.Background()).Err(); err != nil {
			t.Fatalf("redis cluster at %s: %v", cluster, err)
		}
		return NewRedis(c, fmt.Sprintf("test:%d:", time.Now().UnixNano()))
	}
	return m
}

// redisStore opens the single Redis at addr for one test.
func redisStore(addr string) func(t *testing.T) Store {
	return func(t *testing.T) Store {
		c := redis.NewClient(&redis.Options{Addr: addr, ContextTimeoutEnabled: true, PoolSize: 50})
		t.Cleanup(func() { c.Close() })
		if err := c.Ping(context.Background()).Err(); err != nil {
			t.Fatalf("redis at %s: %v", addr, err)
		}
		return NewRedis(c, fmt.Sprintf("test:%d:", time.Now().UnixNano()))
	}
}

var slotSeq atomic.Int64

// slot returns a slot name unique to this run, so Redis keys never collide.
func slot() string {
	return fmt.Sprintf("t%d-%d", time.Now().UnixNano(), slotSeq.Add(1))
}

func TestContract(t *testing.T) {
	for name, open := range stores(t) {
		t.Run(name, func(t *testing.T) {
			switch name {
			case "redis":
				fmt.Println("ENGINE: hold suite running on Redis at", os.Getenv("LEGALDESK_TEST_REDIS_ADDR"))
			case "redis-cluster":
				fmt.Println("ENGINE: hold suite running on Redis Cluster at", os.Getenv("LEGALDESK_TEST_REDIS_CLUSTER"))
			}
			for _, c := range contract {
				t.Run(c.name, func(t *testing.T) { c.fn(t, open(t)) })
			}
		})
	}
}

var contract = []struct {
	name string
	fn   func(*testing.T, Store)
}{
	{"capacity is respected", testCapacity},
	{"capacity one uses its own path", testCapacityOne},
	{"one hold per owner", testOnePerOwner},
	{"same slot again replaces own hold", testSameSlotAgain},
	{"release by owner only", testRelease},
	{"holds expire", testExpiry},
	{"concurrent holders", testConcurrent},
	{"bad input", testBadInput},
}

func testCapacity(t *testing.T, s Store) {
	ctx, sl := context.Background(), slot()
	for i := range 3 {
		if _, err := s.Place(ctx, sl, 3, fmt.Sprint("o", i), time.Minute); err != nil {
			t.Fatalf("hold %d: %v", i, err)
		}
	}
	if _, err := s.Place(ctx, sl, 3, "o9", time.Minute); !errs.Is(err, errs.Conflict) {
		t.Fatalf("fourth hold: got %v, want conflict", err)
	}
	counts, err := s.Count(ctx, sl, slot())
	if err != nil || counts[sl] != 3 || len(counts) != 2 {
		t.Fatalf("Count = %v, %v", counts, err)
	}
}

func testCapacityOne(t *testing.T, s Store) {
	ctx, sl := context.Background(), slot()
	h, err := s.Place(ctx, sl, 1, "a", time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if time.Until(h.ExpiresAt) < 50*time.Second || time.Until(h.ExpiresAt) > 70*time.Second {
		t.Errorf("expires at %v, want about a minute from now", h.ExpiresAt)
	}
	if _, err := s.Place(ctx, sl, 1, "b", time.Minute); !errs.Is(err, errs.Conflict) {
		t.Fatalf("second hold: %v", err)
	}
	got, err := s.Get(ctx, h.ID)
	if err != nil || got.Owner != "a" || got.Slot != sl {
		t.Fatalf("Get = %+v, %v", got, err)
	}
	if err := s.Release(ctx, h.ID, "a"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Place(ctx, sl, 1, "b", time.Minute); err != nil {
		t.Fatalf("after release: %v", err)
	}
}

func testOnePerOwner(t *testing.T, s Store) {
	ctx, a, b := context.Background(), slot(), slot()
	h1, err := s.Place(ctx, a, 2, "me", time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	h2, err := s.Place(ctx, b, 1, "me", time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(ctx, h1.ID); !errs.Is(err, errs.NotFound) {
		t.Fatalf("old hold should be released, Get = %v", err)
	}
	if _, err := s.Get(ctx, h2.ID); err != nil {
		t.Fatalf("new hold: %v", err)
	}
	counts, _ := s.Count(ctx, a, b)
	if counts[a] != 0 || counts[b] != 1 {
		t.Fatalf("counts = %v", counts)
	}
}

func testSameSlotAgain(t *testing.T, s Store) {
	ctx, sl := context.Background(), slot()
	if _, err := s.Place(ctx, sl, 1, "me", time.Minute); err != nil {
		t.Fatal(err)
	}
	h, err := s.Place(ctx, sl, 1, "me", time.Minute)
	if err != nil {
		t.Fatalf("re-picking a full slot you hold: %v", err)
	}
	if c, _ := s.Count(ctx, sl); c[sl] != 1 {
		t.Fatalf("count = %d", c[sl])
	}
	if _, err := s.Get(ctx, h.ID); err != nil {
		t.Fatal(err)
	}
}

func testRelease(t *testing.T, s Store) {
	ctx := context.Background()
	for _, capacity := range []int{1, 2} {
		sl := slot()
		h, err := s.Place(ctx, sl, capacity, "owner", time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Release(ctx, h.ID, "thief"); !errors.Is(err, ErrNotOwner) {
			t.Fatalf("capacity %d: release by another: %v", capacity, err)
		}
		if err := s.Release(ctx, h.ID, "owner"); err != nil {
			t.Fatal(err)
		}
		if err := s.Release(ctx, h.ID, "owner"); !errs.Is(err, errs.NotFound) {
			t.Fatalf("second release: %v", err)
		}
		if err := s.Release(ctx, "garbage", "owner"); !errs.Is(err, errs.NotFound) {
			t.Fatalf("garbage id: %v", err)
		}
	}
}

func testExpiry(t *testing.T, s Store) {
	ctx := context.Background()
	one, many := slot(), slot()
	h1, err := s.Place(ctx, one, 1, "a", 150*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	h2, err := s.Place(ctx, many, 2, "b", 150*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(400 * time.Millisecond)
	for _, id := range []string{h1.ID, h2.ID} {
		if _, err := s.Get(ctx, id); !errs.Is(err, errs.NotFound) {
			t.Errorf("expired hold still there: %v", err)
		}
	}
	c, _ := s.Count(ctx, one, many)
	if c[one] != 0 || c[many] != 0 {
		t.Fatalf("counts after expiry = %v", c)
	}
	if _, err := s.Place(ctx, one, 1, "c", time.Minute); err != nil {
		t.Fatalf("slot should be free after expiry: %v", err)
	}
}

func testConcurrent(t *testing.T, s Store) {
	ctx := context.Background()
	for _, capacity := range []int{1, 5} {
		sl := slot()
		var ok, full atomic.Int64
		var wg sync.WaitGroup
		for i := range 100 {
			wg.Go(func() {
				_, err := s.Place(ctx, sl, capacity, fmt.Sprint("racer", i), time.Minute)
				switch {
				case err == nil:
					ok.Add(1)
				case errs.Is(err, errs.Conflict):
					full.Add(1)
				default:
					t.Errorf("unexpected error: %v", err)
				}
			})
		}
		wg.Wait()
		if ok.Load() != int64(capacity) || full.Load() != int64(100-capacity) {
			t.Fatalf("capacity %d: %d placed, %d full", capacity, ok.Load(), full.Load())
		}
		if c, _ := s.Count(ctx, sl); c[sl] != capacity {
			t.Fatalf("count = %d", c[sl])
		}
	}
}

func testBadInput(t *testing.T, s Store) {
	ctx := context.Background()
	for _, c := range []struct {
		slot  string
		cap   int
		owner string
	}{{"", 1, "o"}, {"a~b", 1, "o"}, {"a{b}", 1, "o"}, {slot(), 0, "o"}, {slot(), 1, ""}} {
		if _, err := s.Place(ctx, c.slot, c.cap, c.owner, time.Minute); !errs.Is(err, errs.Invalid) {
			t.Errorf("Place(%q, %d, %q) = %v, want invalid", c.slot, c.cap, c.owner, err)
		}
	}
}

func TestRedisDownIsUnavailable(t *testing.T) {
	c := redis.NewClient(&redis.Options{Addr: "127.0.0.1:1", ContextTimeoutEnabled: true, DialTimeout: 200 * time.Millisecond, MaxRetries: -1})
	defer c.Close()
	s := NewRedis(c, "test:")
	if _, err := s.Place(context.Background(), slot(), 1, "o", time.Minute); !errs.Is(err, errs.Unavailable) {
		t.Fatalf("Place on a dead Redis: %v", err)
	}
	if err := s.Ping(context.Background()); !errs.Is(err, errs.Unavailable) {
		t.Fatalf("Ping: %v", err)
	}
}
