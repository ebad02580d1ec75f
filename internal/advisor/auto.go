package advisor

import (
	"cmp"
	"container/heap"
	"fmt"
	"slices"
)

// AutoInput is everything an auto-assign depends on.
type AutoInput struct {
	// Villages are the active village rooms in scope (one township or all).
	Villages []Village
	Lawyers  []Lawyer
	// Current are the active assignments everywhere: they give each lawyer's
	// load and the firms already serving each township.
	Current []Assignment
	// Cap is the most villages one lawyer advises (0: no cap).
	Cap int
}

// Why a proposal chose its lawyer.
const (
	WhyHome    = "home_township"
	WhyFirm    = "firm_in_township"
	WhyBalance = "balance"
)

// Proposal is one village given to one lawyer.
type Proposal struct {
	SiteID     int64  `json:"site_id"`
	SiteName   string `json:"site_name"`
	Township   string `json:"township"`
	LawyerID   int64  `json:"lawyer_id"`
	LawyerName string `json:"lawyer_name"`
	Why        string `json:"why"`
}

// Unfilled is a village auto-assign could not fill, and why.
type Unfilled struct {
	SiteID   int64  `json:"site_id"`
	SiteName string `json:"site_name"`
	Township string `json:"township"`
	Reason   string `json:"reason"`
	ReasonEN string `json:"reason_en"`
}

// Load is one lawyer's villages before and after.
type Load struct {
	LawyerID int64  `json:"lawyer_id"`
	Name     string `json:"name"`
	Before   int    `json:"before"`
	After    int    `json:"after"`
}

// AutoResult is a proposed auto-assign with its report.
type AutoResult struct {
	Proposals []Proposal `json:"proposals"`
	Unfilled  []Unfilled `json:"unfilled"`
	Loads     []Load     `json:"loads"`
	Min       int        `json:"min"`
	Max       int        `json:"max"`
	// Balanced: max − min ≤ 1 across lawyers after the assignment.
	Balanced bool `json:"balanced"`
}

// AutoAssign fills the uncovered villages. Hard rules: one advisor per
// village, the cap. Load comes first: a water level L is found so that
// raising every lawyer to L−1 or L (never past the cap, never taking a
// village away) covers what capacity allows; each lawyer's quota is the
// difference. Villages then go, in three passes, to a lawyer from their own
// township, to a lawyer of a firm already serving it, then to anyone, always
// the least-loaded candidate with quota left, ties by id. The same input
// gives the same result.
func AutoAssign(in AutoInput) AutoResult {
	lawyers := slices.Clone(in.Lawyers)
	slices.SortFunc(lawyers, func(x, y Lawyer) int { return cmp.Compare(x.ID, y.ID) })
	a := newAuto(in, lawyers)
	a.pass(WhyHome, func(v Village) []int { return a.home[v.Township] })
	a.pass(WhyFirm, a.firmCandidates)
	a.passAny()
	return a.result()
}

type auto struct {
	in       AutoInput
	lawyers  []Lawyer
	load     []int // villages now, proposals included
	before   []int
	left     []int  // base quota left
	extra    []bool // may still go one above the base
	extras   int    // how many extras remain to hand out
	home     map[string][]int
	firmTown map[string]map[int64]int // township → firm → villages served
	byFirm   map[int64][]int
	todo     []Village
	done     map[int64]bool
	res      AutoResult
}

func newAuto(in AutoInput, lawyers []Lawyer) *auto {
	a := &auto{in: in, lawyers: lawyers, load: make([]int, len(lawyers)), home: map[string][]int{},
		firmTown: map[string]map[int64]int{}, byFirm: map[int64][]int{}, done: map[int64]bool{}}
	idx := map[int64]int{}
	for i, l := range lawyers {
		idx[l.ID] = i
		a.home[l.HomeTownship] = append(a.home[l.HomeTownship], i)
		a.byFirm[l.FirmID] = append(a.byFirm[l.FirmID], i)
	}
	covered := map[int64]bool{}
	for _, c := range in.Current {
		covered[c.SiteID] = true
		if i, ok := idx[c.LawyerID]; ok {
			a.load[i]++
			a.serve(c.Township, lawyers[i].FirmID)
		}
	}
	a.before = slices.Clone(a.load)
	for _, v := range in.Villages {
		if !covered[v.ID] {
			a.todo = append(a.todo, v)
		}
	}
	slices.SortFunc(a.todo, func(x, y Village) int { return cmp.Or(cmp.Compare(x.Township, y.Township), cmp.Compare(x.ID, y.ID)) })
	a.quotas()
	return a
}

func (a *auto) capOf() int {
	if a.in.Cap <= 0 {
		return len(a.todo) + slices.Max(append([]int{0}, a.load...))
	}
	return a.in.Cap
}

// quotas finds the water level and each lawyer's share of the work.
func (a *auto) quotas() {
	cp := a.capOf()
	room := func(level int) int {
		n := 0
		for _, l := range a.load {
			n += max(0, min(cp, level)-l)
		}
		return n
	}
	fill := min(len(a.todo), room(cp))
	level, hi := 0, cp
	for level < hi { // the lowest level with room for fill
		mid := (level + hi) / 2
		if room(mid) >= fill {
			hi = mid
		} else {
			level = mid + 1
		}
	}
	a.left, a.extra = make([]int, len(a.load)), make([]bool, len(a.load))
	base := 0
	for i, l := range a.load {
		a.left[i] = max(0, min(cp, level-1)-l)
		a.extra[i] = min(cp, level)-l > a.left[i]
		base += a.left[i]
	}
	a.extras = fill - base
}

func (a *auto) hasSlot(i int) bool { return a.left[i] > 0 || (a.extra[i] && a.extras > 0) }

func (a *auto) take(i int, v Village, why string) {
	if a.left[i] > 0 {
		a.left[i]--
	} else {
		a.extra[i] = false
		a.extras--
	}
	a.load[i]++
	a.done[v.ID] = true
	a.serve(v.Township, a.lawyers[i].FirmID)
	a.res.Proposals = append(a.res.Proposals, Proposal{SiteID: v.ID, SiteName: v.Name, Township: v.Township,
		LawyerID: a.lawyers[i].ID, LawyerName: a.lawyers[i].Name, Why: why})
}

func (a *auto) serve(township string, firm int64) {
	if a.firmTown[township] == nil {
		a.firmTown[township] = map[int64]int{}
	}
	a.firmTown[township][firm]++
}

func (a *auto) firmCandidates(v Village) []int {
	firms := make([]int64, 0, len(a.firmTown[v.Township]))
	for f := range a.firmTown[v.Township] {
		firms = append(firms, f)
	}
	slices.Sort(firms)
	var out []int
	for _, f := range firms {
		out = append(out, a.byFirm[f]...)
	}
	return out
}

// pass gives each open village to its least-loaded candidate with a slot.
func (a *auto) pass(why string, candidates func(Village) []int) {
	for _, v := range a.todo {
		if a.done[v.ID] {
			continue
		}
		best := -1
		for _, i := range candidates(v) {
			if a.hasSlot(i) && (best < 0 || a.load[i] < a.load[best] || (a.load[i] == a.load[best] && i < best)) {
				best = i
			}
		}
		if best >= 0 {
			a.take(best, v, why)
		}
	}
}

// passAny hands the rest out by load through a heap, so a province-sized
// network does not scan every lawyer for every village.
func (a *auto) passAny() {
	h := &loadHeap{load: a.load}
	for i := range a.lawyers {
		if a.hasSlot(i) {
			h.idx = append(h.idx, i)
		}
	}
	heap.Init(h)
	for _, v := range a.todo {
		if a.done[v.ID] {
			continue
		}
		for h.Len() > 0 && !a.hasSlot(h.idx[0]) {
			heap.Pop(h)
		}
		if h.Len() == 0 {
			a.refuse(v)
			continue
		}
		a.take(h.idx[0], v, WhyBalance)
		heap.Fix(h, 0)
	}
}

func (a *auto) refuse(v Village) {
	u := Unfilled{SiteID: v.ID, SiteName: v.Name, Township: v.Township}
	if len(a.lawyers) == 0 {
		u.Reason, u.ReasonEN = "没有可指派的律师", "there are no lawyers to assign"
	} else {
		u.Reason = fmt.Sprintf("全部 %d 名律师均已达到每人 %d 个村（社区）的上限", len(a.lawyers), a.in.Cap)
		u.ReasonEN = fmt.Sprintf("all %d lawyers are at the cap of %d villages each", len(a.lawyers), a.in.Cap)
	}
	a.res.Unfilled = append(a.res.Unfilled, u)
}

func (a *auto) result() AutoResult {
	r := a.res
	if r.Proposals == nil {
		r.Proposals = []Proposal{}
	}
	if r.Unfilled == nil {
		r.Unfilled = []Unfilled{}
	}
	r.Loads = make([]Load, len(a.lawyers))
	for i, l := range a.lawyers {
		r.Loads[i] = Load{LawyerID: l.ID, Name: l.Name, Before: a.before[i], After: a.load[i]}
	}
	if len(a.load) > 0 {
		r.Min, r.Max = slices.Min(a.load), slices.Max(a.load)
	}
	r.Balanced = r.Max-r.Min <= 1
	return r
}

// loadHeap orders lawyer indexes by load, then index.
type loadHeap struct {
	idx  []int
	load []int
}

func (h *loadHeap) Len() int { return len(h.idx) }
func (h *loadHeap) Less(i, j int) bool {
	x, y := h.idx[i], h.idx[j]
	return h.load[x] < h.load[y] || (h.load[x] == h.load[y] && x < y)
}
func (h *loadHeap) Swap(i, j int) { h.idx[i], h.idx[j] = h.idx[j], h.idx[i] }
func (h *loadHeap) Push(x any)    { h.idx = append(h.idx, x.(int)) }
func (h *loadHeap) Pop() any {
	n := len(h.idx)
	x := h.idx[n-1]
	h.idx = h.idx[:n-1]
	return x
}
