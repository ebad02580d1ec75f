package booking

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
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

// cached is one answer, with its JSON once a reader has asked for it: the
// slots are encoded once per change, not once per read.
type cached struct {
	slots []Slot // read-only once cached
	body  []byte
	etag  string
	at    time.Time
}

func (a *availability) get(site int64, from, to, now time.Time, ttl time.Duration) (cached, bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	c, ok := a.sites[site][[2]int64{from.Unix(), to.Unix()}]
	if !ok || now.Sub(c.at) >= ttl || now.Before(c.at) {
		return cached{}, false
	}
	return c, true
}

func (a *availability) put(site int64, from, to time.Time, c cached) {
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
	a.sites[site][[2]int64{from.Unix(), to.Unix()}] = c
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

// Availability lists a site's slots from..to with the places left.
func (s *Service) Availability(ctx context.Context, siteID int64, from, to time.Time) ([]Slot, error) {
	now := s.Now()
	if s.CacheTTL > 0 {
		if c, ok := s.cache.get(siteID, from, to, now, s.CacheTTL); ok {
			return append([]Slot(nil), c.slots...), nil
		}
	}
	slots, err := s.availability(ctx, siteID, from, to, now)
	if err == nil && s.CacheTTL > 0 {
		s.cache.put(siteID, from, to, cached{slots: append([]Slot(nil), slots...), at: now})
	}
	return slots, err
}

// AvailabilityJSON is Availability as the body {"items": […]} with a strong
// validator (ETag) for it. With the cache on, a site's answer is encoded
// once and served as bytes until it changes or expires; the profile showed
// encoding, not the database, as the cost of a cached read.
func (s *Service) AvailabilityJSON(ctx context.Context, siteID int64, from, to time.Time) ([]byte, string, error) {
	now := s.Now()
	c, ok := cached{}, false
	if s.CacheTTL > 0 {
		c, ok = s.cache.get(siteID, from, to, now, s.CacheTTL)
		if ok && c.body != nil {
			return c.body, c.etag, nil
		}
	}
	if !ok {
		slots, err := s.availability(ctx, siteID, from, to, now)
		if err != nil {
			return nil, "", err
		}
		c = cached{slots: slots, at: now}
	}
	body, err := json.Marshal(struct {
		Items []Slot `json:"items"`
	}{c.slots})
	if err != nil {
		return nil, "", err
	}
	sum := sha256.Sum256(body)
	c.body, c.etag = body, `"`+hex.EncodeToString(sum[:12])+`"`
	if s.CacheTTL > 0 {
		s.cache.put(siteID, from, to, c)
	}
	return c.body, c.etag, nil
}
