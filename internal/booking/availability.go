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
//
// An answer is read from the database once however many ask for it at the
// same moment (one flight per site and window), and while an expired answer
// is being read again the old one is served for up to one more CacheTTL.
// Without that, every expiry sent each waiting reader to the database at
// once, and on MySQL those readers were the p99 of a paced run.
type availability struct {
	mu      sync.Mutex
	sites   map[int64]map[window]cached
	loading map[window]*flight
	gen     uint64 // counts drops: a flight that saw one does not cache
}

// window is one site's answer's key.
type window struct {
	site     int64
	from, to int64 // Unix seconds
}

// cached is one answer with its JSON, encoded once per change rather than
// once per read.
type cached struct {
	slots []Slot // read-only once cached
	body  []byte
	etag  string
	at    time.Time
}

// flight is one read of an answer that others may wait for.
type flight struct {
	done chan struct{}
	gen  uint64
	c    cached
	err  error
}

// fetch returns the answer for w: the cached one while it is fresh (or,
// while another reader reloads it, not older than two ttl), else the one
// load gives, loading once for all who ask meanwhile.
func (a *availability) fetch(w window, now time.Time, ttl time.Duration, load func() (cached, error)) (cached, error) {
	a.mu.Lock()
	c, ok := a.sites[w.site][w]
	age := now.Sub(c.at)
	if ok && age >= 0 && age < ttl {
		a.mu.Unlock()
		return c, nil
	}
	if f := a.loading[w]; f != nil && f.gen == a.gen {
		a.mu.Unlock()
		if ok && age >= 0 && age < 2*ttl {
			return c, nil
		}
		<-f.done
		return f.c, f.err
	}
	f := &flight{done: make(chan struct{}), gen: a.gen}
	if a.loading == nil {
		a.loading = map[window]*flight{}
	}
	a.loading[w] = f
	a.mu.Unlock()

	f.c, f.err = load()

	a.mu.Lock()
	if a.loading[w] == f {
		delete(a.loading, w)
	}
	if f.err == nil && f.gen == a.gen {
		a.put(w, f.c)
	}
	a.mu.Unlock()
	close(f.done)
	return f.c, f.err
}

// put caches an answer; a.mu is held.
func (a *availability) put(w window, c cached) {
	if a.sites == nil || len(a.sites) > 10_000 {
		a.sites = map[int64]map[window]cached{} // bounded: start over
	}
	if a.sites[w.site] == nil {
		a.sites[w.site] = map[window]cached{}
	}
	a.sites[w.site][w] = c
}

// drop forgets a site's answers; site 0 forgets every site's. A read in
// flight when a drop comes does not cache what it read.
func (a *availability) drop(site int64) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.gen++
	if site == 0 {
		a.sites = nil
		return
	}
	delete(a.sites, site)
}

// Availability lists a site's slots from..to with the places left.
func (s *Service) Availability(ctx context.Context, siteID int64, from, to time.Time) ([]Slot, error) {
	c, err := s.answer(ctx, siteID, from, to)
	return append([]Slot(nil), c.slots...), err
}

// AvailabilityJSON is Availability as the body {"items": […]} with a strong
// validator (ETag) for it. With the cache on, a site's answer is encoded
// once and served as bytes until it changes or expires; the profile showed
// encoding, not the database, as the cost of a cached read.
func (s *Service) AvailabilityJSON(ctx context.Context, siteID int64, from, to time.Time) ([]byte, string, error) {
	c, err := s.answer(ctx, siteID, from, to)
	return c.body, c.etag, err
}

// answer is a site's availability from..to, encoded, from the cache when
// it is on.
func (s *Service) answer(ctx context.Context, siteID int64, from, to time.Time) (cached, error) {
	now := s.Now()
	load := func() (cached, error) {
		// The read serves whoever waits for it, so it outlives the asker.
		slots, err := s.availability(context.WithoutCancel(ctx), siteID, from, to, now)
		if err != nil {
			return cached{}, err
		}
		return encode(slots, now)
	}
	if s.CacheTTL <= 0 {
		return load()
	}
	return s.cache.fetch(window{site: siteID, from: from.Unix(), to: to.Unix()}, now, s.CacheTTL, load)
}

func encode(slots []Slot, at time.Time) (cached, error) {
	body, err := json.Marshal(struct {
		Items []Slot `json:"items"`
	}{slots})
	if err != nil {
		return cached{}, err
	}
	sum := sha256.Sum256(body)
	return cached{slots: slots, body: body, etag: `"` + hex.EncodeToString(sum[:12]) + `"`, at: at}, nil
}
