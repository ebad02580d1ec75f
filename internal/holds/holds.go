// Package holds keeps advisory holds on bookable slots: a resident who picks
// a slot gets a few minutes to confirm while others see one place fewer. The
// database, not the hold, is the guard against overbooking. Redis keeps holds
// for several app instances; the memory store serves the embedded default.
package holds

import (
	"context"
	"crypto/rand"
	"encoding/hex"
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
	// ErrNotOwner means the hold belongs to someone else.
	ErrNotOwner = errs.New(errs.Forbidden, "这不是您的保留", "this hold is not yours")
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
