package booking

import (
	"sync"
	"time"
)

// availability keeps each site's recent answers for a moment: the page of a
// busy station is read far more often than it changes. A confirm, cancel,
// move or hold at a site drops that site's answers on this instance; other
// instances see the change when their entries expire (CacheTTL). Stale
// availability is harmless: a hold and a confirm check the place again.
type availability struct {
	mu    sync.Mutex
	sites map[int64]map[[2]int64]cached
}

type cached struct {
	slots []Slot
	at    time.Time
}

func (a *availability) get(site int64, from, to, now time.Time, ttl time.Duration) ([]Slot, bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	c, ok := a.sites[site][[2]int64{from.Unix(), to.Unix()}]
	if !ok || now.Sub(c.at) >= ttl || now.Before(c.at) {
		return nil, false
	}
	return append([]Slot(nil), c.slots...), true
}

func (a *availability) put(site int64, from, to, now time.Time, slots []Slot) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.sites == nil {
		a.sites = map[int64]map[[2]int64]cached{}
	}
	if a.sites[site] == nil || len(a.sites) > 10_000 {
		if len(a.sites) > 10_000 {
			a.sites = map[int64]map[[2]int64]cached{} // bounded: start over
		}
		a.sites[site] = map[[2]int64]cached{}
	}
	a.sites[site][[2]int64{from.Unix(), to.Unix()}] = cached{slots: append([]Slot(nil), slots...), at: now}
}

// drop forgets a site's answers; site 0 forgets every site's.
func (a *availability) drop(site int64) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if site == 0 {
		a.sites = nil
		return
	}
	delete(a.sites, site)
}
