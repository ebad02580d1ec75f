package roster

import "slices"

// remove takes a counted shift back out of the state.
func (a *assigner) remove(s Shift) {
	l := s.LawyerID
	day := a.byDay[l][s.Date]
	for i, x := range day {
		if x.PlaceOf() == s.PlaceOf() {
			a.byDay[l][s.Date] = append(day[:i:i], day[i+1:]...)
			break
		}
	}
	a.weekly[l][s.Date.Monday()]--
	a.poolLoad[s.SiteID][l]--
	a.total[l]--
}

// repair evens out pools the greedy pass left more than one shift apart:
// it hands a shift from the busiest lawyer of a pool to the least busy one,
// directly or by exchanging seats with a shift that lawyer has elsewhere the
// same day, whenever the exchange lowers the sum of squared loads.
func (a *assigner) repair(shifts []Shift) {
	for round := 0; round < 4*len(shifts)+1; round++ {
		if !a.repairOnce(shifts) {
			return
		}
	}
}

func (a *assigner) repairOnce(shifts []Shift) bool {
	sites := make([]int64, 0, len(a.in.Pools))
	for site := range a.in.Pools {
		sites = append(sites, site)
	}
	slices.Sort(sites)
	for _, site := range sites {
		hi, lo, ok := a.spread(site)
		if !ok {
			continue
		}
		for i := range shifts {
			if shifts[i].SiteID == site && shifts[i].LawyerID == hi && a.handOver(shifts, i, lo) {
				return true
			}
		}
	}
	return false
}

// spread returns a pool's busiest and least busy lawyers when they differ
// by more than one.
func (a *assigner) spread(site int64) (hi, lo int64, ok bool) {
	pool := a.in.Pools[site]
	if len(pool) < 2 {
		return 0, 0, false
	}
	load := a.poolLoad[site]
	hi, lo = pool[0], pool[0]
	for _, l := range pool {
		if load[l] > load[hi] || (load[l] == load[hi] && l < hi) {
			hi = l
		}
		if load[l] < load[lo] || (load[l] == load[lo] && l < lo) {
			lo = l
		}
	}
	return hi, lo, load[hi]-load[lo] > 1
}

// handOver moves shifts[i] to lo, swapping with lo's shift that day if needed.
func (a *assigner) handOver(shifts []Shift, i int, lo int64) bool {
	s := shifts[i]
	a.remove(s)
	var why refusal
	if a.eligible(lo, s, &why) {
		s.LawyerID = lo
		a.add(s, true)
		shifts[i] = s
		return true
	}
	for j := range shifts {
		o := shifts[j]
		if o.LawyerID != lo || o.Date != s.Date || o.SiteID == s.SiteID || !slices.Contains(a.in.Pools[o.SiteID], s.LawyerID) {
			continue
		}
		if a.exchange(shifts, i, j) {
			return true
		}
	}
	s.LawyerID = shifts[i].LawyerID
	a.add(shifts[i], true)
	return false
}

// exchange swaps the lawyers of shifts[i] (already removed) and shifts[j]
// when both stay eligible and the squared loads fall.
func (a *assigner) exchange(shifts []Shift, i, j int) bool {
	s, o := shifts[i], shifts[j]
	hi, lo := s.LawyerID, o.LawyerID
	p, q := a.poolLoad[s.SiteID], a.poolLoad[o.SiteID]
	// p[hi] is already one lower: s is out of the state.
	delta := 2*(p[lo]-p[hi]) + 2*(q[hi]-q[lo]+1)
	if delta >= 0 {
		return false
	}
	a.remove(o)
	var why refusal
	if a.eligible(lo, s, &why) && a.eligible(hi, o, &why) {
		s.LawyerID, o.LawyerID = lo, hi
		a.add(s, true)
		a.add(o, true)
		shifts[i], shifts[j] = s, o
		return true
	}
	a.add(o, true)
	return false
}
