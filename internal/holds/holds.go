// Package holds keeps advisory holds on bookable slots: a resident who picks
// a slot gets a few minutes to confirm while others see one place fewer. The
// database, not the hold, is the guard against overbooking. Redis keeps holds
// for several app instances; the memory store serves the embedded default.
package holds

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"strconv"
	"strings"
	"time"

	"github.com/legaldesk/legaldesk/internal/errs"
)

// Hold is a place kept on a slot for one owner until ExpiresAt.
type Hold struct {
	ID        string    `json:"hold_id"`
	Slot      string    `json:"slot"`
	Owner     string    `json:"-"`
	ExpiresAt time.Time `json:"expires_at"`
}

// Store places and releases holds. One owner has at most one active hold:
// placing a new one releases the old.
type Store interface {
	// Place keeps a place on slot if fewer than capacity holds are active.
	Place(ctx context.Context, slot string, capacity int, owner string, ttl time.Duration) (Hold, error)
	// Get returns an active hold; an expired or unknown one is not_found.
	Get(ctx context.Context, id string) (Hold, error)
	// Release removes the owner's hold; someone else's hold is forbidden.
	Release(ctx context.Context, id, owner string) error
	// Count returns the active holds on each slot.
	Count(ctx context.Context, slots ...string) (map[string]int, error)
	Ping(ctx context.Context) error
}

var (
	// ErrFull means every place on the slot is held.
	ErrFull = errs.New(errs.Conflict, "该时段名额正被他人保留，请稍后再试或选择其他时段", "all places on this slot are held; try again soon or pick another")
	// ErrNotFound means the hold expired or never existed.
	ErrNotFound = errs.New(errs.NotFound, "保留已过期，请重新选择时段", "the hold has expired; choose the slot again")
	// ErrNotOwner means the hold belongs to someone else. It reads as not
	// found: another resident's hold id tells nobody anything.
	ErrNotOwner = errs.New(errs.NotFound, "保留不存在或已过期，请重新选择时段", "no such hold; choose the slot again")
	// ErrUnavailable means the hold store cannot be reached.
	ErrUnavailable = errs.New(errs.Unavailable, "暂时无法保留名额，您仍可直接确认预约", "holds are unavailable right now; you can still confirm directly")
)

// newID makes a hold id that carries its slot, so a single-key store (and
// Redis Cluster) can find the slot from the id alone.
func newID(slot, kind string) string {
	b := make([]byte, 12)
	rand.Read(b)
	return slot + "~" + kind + "~" + hex.EncodeToString(b)
}

// parseID splits an id made by newID.
func parseID(id string) (slot, kind string, ok bool) {
	parts := strings.Split(id, "~")
	if len(parts) != 3 || parts[0] == "" || len(parts[2]) != 24 {
		return "", "", false
	}
	return parts[0], parts[1], true
}

func validSlot(slot string) bool {
	return slot != "" && len(slot) <= 64 && !strings.ContainsAny(slot, "~{} ")
}

func checkPlace(slot string, capacity int, owner string, ttl time.Duration) error {
	if !validSlot(slot) || capacity < 1 || owner == "" || ttl < time.Millisecond {
		return errs.New(errs.Invalid, "保留参数无效", "invalid hold request")
	}
	return nil
}

func sameSlot(id, slot string) bool {
	s, _, ok := parseID(id)
	return ok && s == slot
}

// Slots adapts a Store to numeric slot and owner ids, the shape the booking
// service asks for; TTL is how long a hold lasts.
type Slots struct {
	Store Store
	TTL   time.Duration
}

func slotKey(id int64) string  { return strconv.FormatInt(id, 10) }
func ownerKey(id int64) string { return "u" + strconv.FormatInt(id, 10) }

// Hold places a hold on slot for owner.
func (s Slots) Hold(ctx context.Context, slot int64, capacity int, owner int64) (string, time.Time, error) {
	h, err := s.Store.Place(ctx, slotKey(slot), capacity, ownerKey(owner), s.TTL)
	return h.ID, h.ExpiresAt, err
}

// HoldFor places a hold that lasts ttl (waitlist offers last longer).
func (s Slots) HoldFor(ctx context.Context, slot int64, capacity int, owner int64, ttl time.Duration) (string, time.Time, error) {
	h, err := s.Store.Place(ctx, slotKey(slot), capacity, ownerKey(owner), ttl)
	return h.ID, h.ExpiresAt, err
}

// HeldSlot returns the slot of owner's active hold. When the hold store is
// unreachable the slot is read from the id itself: the database still
// guards every place, so booking goes on without the hold.
func (s Slots) HeldSlot(ctx context.Context, id string, owner int64) (int64, error) {
	h, err := s.Store.Get(ctx, id)
	if errs.Is(err, errs.Unavailable) {
		if slot, _, ok := parseID(id); ok {
			return strconv.ParseInt(slot, 10, 64)
		}
	}
	if err != nil {
		return 0, err
	}
	if h.Owner != ownerKey(owner) {
		return 0, ErrNotOwner
	}
	return strconv.ParseInt(h.Slot, 10, 64)
}

// Release removes owner's hold.
func (s Slots) Release(ctx context.Context, id string, owner int64) error {
	return s.Store.Release(ctx, id, ownerKey(owner))
}

// Held counts the active holds on each slot.
func (s Slots) Held(ctx context.Context, slots []int64) (map[int64]int, error) {
	keys := make([]string, len(slots))
	for i, id := range slots {
		keys[i] = slotKey(id)
	}
	counts, err := s.Store.Count(ctx, keys...)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]int, len(slots))
	for i, id := range slots {
		out[id] = counts[keys[i]]
	}
	return out, nil
}
