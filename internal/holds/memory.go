package holds

import (
	"context"
	"sync"
	"time"
)

// Memory keeps holds in this process; it serves one instance only.
type Memory struct {
	mu      sync.Mutex
	bySlot  map[string]map[string]Hold // slot → id → hold
	byOwner map[string]string          // owner → id
	Now     func() time.Time
}

// NewMemory returns an empty in-memory hold store.
func NewMemory() *Memory {
	return &Memory{bySlot: map[string]map[string]Hold{}, byOwner: map[string]string{}, Now: time.Now}
}

// Place implements Store.
func (m *Memory) Place(_ context.Context, slot string, capacity int, owner string, ttl time.Duration) (Hold, error) {
	if err := checkPlace(slot, capacity, owner, ttl); err != nil {
		return Hold{}, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.Now()
	m.sweep(slot, now)
	old, hasOld := m.byOwner[owner]
	if hasOld && sameSlot(old, slot) {
		// Picking the same slot again replaces the owner's own hold.
		m.remove(old)
		hasOld = false
	}
	if len(m.bySlot[slot]) >= capacity {
		return Hold{}, ErrFull
	}
	if hasOld {
		m.remove(old)
	}
	h := Hold{ID: newID(slot, "m"), Slot: slot, Owner: owner, ExpiresAt: now.Add(ttl)}
	if m.bySlot[slot] == nil {
		m.bySlot[slot] = map[string]Hold{}
	}
	m.bySlot[slot][h.ID] = h
	m.byOwner[owner] = h.ID
	return h, nil
}

// sweep drops the slot's expired holds; the caller holds the lock.
func (m *Memory) sweep(slot string, now time.Time) {
	for id, h := range m.bySlot[slot] {
		if !now.Before(h.ExpiresAt) {
			m.remove(id)
		}
	}
}

func (m *Memory) remove(id string) {
	slot, _, _ := parseID(id)
	h, ok := m.bySlot[slot][id]
	if !ok {
		return
	}
	delete(m.bySlot[slot], id)
	if len(m.bySlot[slot]) == 0 {
		delete(m.bySlot, slot)
	}
	if m.byOwner[h.Owner] == id {
		delete(m.byOwner, h.Owner)
	}
}

// Get implements Store.
func (m *Memory) Get(_ context.Context, id string) (Hold, error) {
	slot, _, ok := parseID(id)
	if !ok {
		return Hold{}, ErrNotFound
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	h, ok := m.bySlot[slot][id]
	if !ok || !m.Now().Before(h.ExpiresAt) {
		return Hold{}, ErrNotFound
	}
	return h, nil
}

// Release implements Store.
func (m *Memory) Release(ctx context.Context, id, owner string) error {
	h, err := m.Get(ctx, id)
	if err != nil {
		return err
	}
	if h.Owner != owner {
		return ErrNotOwner
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.remove(id)
	return nil
}

// Count implements Store.
func (m *Memory) Count(_ context.Context, slots ...string) (map[string]int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.Now()
	counts := make(map[string]int, len(slots))
	for _, s := range slots {
		m.sweep(s, now)
		counts[s] = len(m.bySlot[s])
	}
	return counts, nil
}

// Ping implements Store; memory is always there.
func (m *Memory) Ping(context.Context) error { return nil }
