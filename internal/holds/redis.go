package holds

import (
	"context"
	"errors"
	"time"

	"github.com/redis/go-redis/v9"
)

// Redis keeps holds in Redis so that every app instance sees them. All keys
// of one slot share the hash tag {slot}, so no script crosses cluster slots.
// Expiry runs on Redis's own clock (TIME), not the instances' clocks.
type Redis struct {
	c      redis.UniversalClient
	prefix string
}

// NewRedis wraps a client; set ContextTimeoutEnabled and timeouts on it.
// prefix namespaces the keys when deployments (or test runs) share a Redis.
func NewRedis(c redis.UniversalClient, prefix string) *Redis { return &Redis{c: c, prefix: prefix} }

func (r *Redis) singleKey(slot string) string { return r.prefix + "hold1:{" + slot + "}" }
func (r *Redis) setKey(slot string) string    { return r.prefix + "holds:{" + slot + "}" }
func (r *Redis) ownersKey(slot string) string { return r.prefix + "holdowners:{" + slot + "}" }
func (r *Redis) ownerKey(owner string) string { return r.prefix + "holdowner:" + owner }

// serverNow is Lua that sets `now` to Redis's time in milliseconds.
const serverNow = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
`

// placeMany admits a hold when fewer than capacity are active.
// KEYS: set, owners, single. ARGV: capacity, ttl ms, id, owner.
var placeMany = redis.NewScript(serverNow + `
local expired = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now)
if #expired > 0 then
  redis.call('ZREM', KEYS[1], unpack(expired))
  redis.call('HDEL', KEYS[2], unpack(expired))
end
local active = redis.call('ZCARD', KEYS[1]) + redis.call('EXISTS', KEYS[3])
if active >= tonumber(ARGV[1]) then return -1 end
local ttl = tonumber(ARGV[2])
redis.call('ZADD', KEYS[1], now + ttl, ARGV[3])
redis.call('HSET', KEYS[2], ARGV[3], ARGV[4])
if redis.call('PTTL', KEYS[1]) < ttl then
  redis.call('PEXPIRE', KEYS[1], ttl)
  redis.call('PEXPIRE', KEYS[2], ttl)
end
return now + ttl`)

// getHold returns {owner, expires ms} of an active hold, or nil.
// KEYS: set, owners, single. ARGV: id.
var getHold = redis.NewScript(serverNow + `
local v = redis.call('GET', KEYS[3])
if v then
  local sep = string.find(v, '|', 1, true)
  if string.sub(v, 1, sep - 1) == ARGV[1] then
    return {string.sub(v, sep + 1), now + redis.call('PTTL', KEYS[3])}
  end
end
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if (not score) or tonumber(score) <= now then return nil end
return {redis.call('HGET', KEYS[2], ARGV[1]), tonumber(score)}`)

// release deletes a hold only for its owner: 1 done, 0 gone, -2 not owner.
// KEYS: set, owners, single. ARGV: id, owner.
var release = redis.NewScript(serverNow + `
local v = redis.call('GET', KEYS[3])
if v then
  if v == ARGV[1] .. '|' .. ARGV[2] then redis.call('DEL', KEYS[3]) return 1 end
  if string.sub(v, 1, #ARGV[1] + 1) == ARGV[1] .. '|' then return -2 end
end
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if (not score) or tonumber(score) <= now then return 0 end
if redis.call('HGET', KEYS[2], ARGV[1]) ~= ARGV[2] then return -2 end
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
return 1`)

// countHolds counts a slot's active holds. KEYS: set, single.
var countHolds = redis.NewScript(serverNow + `
return redis.call('ZCOUNT', KEYS[1], '(' .. now, '+inf') + redis.call('EXISTS', KEYS[2])`)

// dropOwner clears the owner pointer only if it still names this hold.
var dropOwner = redis.NewScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`)

func (r *Redis) slotKeys(slot string) []string {
	return []string{r.setKey(slot), r.ownersKey(slot), r.singleKey(slot)}
}

// Place implements Store: SET NX PX for one place, a Lua script for more.
func (r *Redis) Place(ctx context.Context, slot string, capacity int, owner string, ttl time.Duration) (Hold, error) {
	if err := checkPlace(slot, capacity, owner, ttl); err != nil {
		return Hold{}, err
	}
	h, err := r.place(ctx, slot, capacity, owner, ttl)
	if errors.Is(err, ErrFull) {
		// Picking the same slot again replaces the owner's own hold.
		if old, _ := r.c.Get(ctx, r.ownerKey(owner)).Result(); sameSlot(old, slot) {
			if r.Release(ctx, old, owner) == nil {
				h, err = r.place(ctx, slot, capacity, owner, ttl)
			}
		}
	}
	if err != nil {
		return Hold{}, err
	}
	old, err := r.c.SetArgs(ctx, r.ownerKey(owner), h.ID, redis.SetArgs{Get: true, TTL: ttl}).Result()
	if err != nil && !errors.Is(err, redis.Nil) {
		return Hold{}, unavailable(err)
	}
	if old != "" && old != h.ID {
		if err := r.Release(ctx, old, owner); err != nil && !errors.Is(err, ErrNotFound) {
			return Hold{}, err
		}
	}
	return h, nil
}

func (r *Redis) place(ctx context.Context, slot string, capacity int, owner string, ttl time.Duration) (Hold, error) {
	if capacity == 1 {
		id := newID(slot, "1")
		ok, err := r.c.SetNX(ctx, r.singleKey(slot), id+"|"+owner, ttl).Result()
		if err != nil {
			return Hold{}, unavailable(err)
		}
		if !ok {
			return Hold{}, ErrFull
		}
		return r.Get(ctx, id)
	}
	id := newID(slot, "n")
	exp, err := placeMany.Run(ctx, r.c, r.slotKeys(slot), capacity, ttl.Milliseconds(), id, owner).Int64()
	if err != nil {
		return Hold{}, unavailable(err)
	}
	if exp < 0 {
		return Hold{}, ErrFull
	}
	return Hold{ID: id, Slot: slot, Owner: owner, ExpiresAt: time.UnixMilli(exp)}, nil
}

// Get implements Store.
func (r *Redis) Get(ctx context.Context, id string) (Hold, error) {
	slot, _, ok := parseID(id)
	if !ok {
		return Hold{}, ErrNotFound
	}
	v, err := getHold.Run(ctx, r.c, r.slotKeys(slot), id).Slice()
	if errors.Is(err, redis.Nil) {
		return Hold{}, ErrNotFound
	}
	if err != nil {
		return Hold{}, unavailable(err)
	}
	owner, _ := v[0].(string)
	exp, _ := v[1].(int64)
	return Hold{ID: id, Slot: slot, Owner: owner, ExpiresAt: time.UnixMilli(exp)}, nil
}

// Release implements Store with a compare-and-delete script.
func (r *Redis) Release(ctx context.Context, id, owner string) error {
	slot, _, ok := parseID(id)
	if !ok {
		return ErrNotFound
	}
	n, err := release.Run(ctx, r.c, r.slotKeys(slot), id, owner).Int()
	if err != nil {
		return unavailable(err)
	}
	switch n {
	case 0:
		return ErrNotFound
	case -2:
		return ErrNotOwner
	}
	if err := dropOwner.Run(ctx, r.c, []string{r.ownerKey(owner)}, id).Err(); err != nil {
		return unavailable(err)
	}
	return nil
}

// Count implements Store with one pipelined script call per slot.
func (r *Redis) Count(ctx context.Context, slots ...string) (map[string]int, error) {
	counts := make(map[string]int, len(slots))
	if len(slots) == 0 {
		return counts, nil
	}
	pipe := r.c.Pipeline()
	cmds := make([]*redis.Cmd, len(slots))
	for i, s := range slots {
		cmds[i] = countHolds.EvalSha(ctx, pipe, []string{r.setKey(s), r.singleKey(s)})
	}
	if _, err := pipe.Exec(ctx); err != nil && redis.HasErrorPrefix(err, "NOSCRIPT") {
		if err := countHolds.Load(ctx, r.c).Err(); err != nil {
			return nil, unavailable(err)
		}
		return r.Count(ctx, slots...)
	} else if err != nil {
		return nil, unavailable(err)
	}
	for i, s := range slots {
		n, _ := cmds[i].Int()
		counts[s] = n
	}
	return counts, nil
}

// Ping implements Store.
func (r *Redis) Ping(ctx context.Context) error {
	if err := r.c.Ping(ctx).Err(); err != nil {
		return unavailable(err)
	}
	return nil
}

func unavailable(err error) error {
	e := *ErrUnavailable
	e.Cause = err
	return &e
}
