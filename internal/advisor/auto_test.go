package advisor

import (
	"fmt"
	"reflect"
	"testing"
)

// network builds towns townships of perTown villages and lawyers spread over
// the townships and firms round-robin.
func network(towns, perTown, lawyers, firms int) AutoInput {
	var in AutoInput
	id := int64(1000)
	for t := range towns {
		for v := range perTown {
			id++
			in.Villages = append(in.Villages, Village{ID: id, Name: fmt.Sprintf("村%d-%d", t, v), Township: fmt.Sprintf("镇%03d", t)})
		}
	}
	for i := range lawyers {
		in.Lawyers = append(in.Lawyers, Lawyer{ID: int64(i + 1), Name: fmt.Sprintf("律师%d", i+1),
			HomeTownship: fmt.Sprintf("镇%03d", i%towns), FirmID: int64(1 + i%firms)})
	}
	return in
}

func townOf(in AutoInput) map[int64]string {
	m := map[int64]string{}
	for _, v := range in.Villages {
		m[v.ID] = v.Township
	}
	return m
}

func TestAutoAssignCoversEverythingBalanced(t *testing.T) {
	in := network(16, 19, 40, 6) // 304 villages, 40 lawyers
	in.Cap = 10
	res := AutoAssign(in)
	if len(res.Proposals) != 304 || len(res.Unfilled) != 0 {
		t.Fatalf("proposals %d, unfilled %d; want 304, 0", len(res.Proposals), len(res.Unfilled))
	}
	seen := map[int64]bool{}
	for _, p := range res.Proposals {
		if seen[p.SiteID] {
			t.Fatalf("village %d assigned twice", p.SiteID)
		}
		seen[p.SiteID] = true
	}
	if !res.Balanced || res.Max-res.Min > 1 || res.Min != 7 || res.Max != 8 {
		t.Fatalf("loads %d..%d balanced=%v, want 7..8", res.Min, res.Max, res.Balanced)
	}
}

func TestAutoAssignPrefersHomeTownship(t *testing.T) {
	in := network(4, 5, 8, 8) // two lawyers per township, 20 villages
	in.Cap = 10
	res := AutoAssign(in)
	town := townOf(in)
	home := map[int64]string{}
	for _, l := range in.Lawyers {
		home[l.ID] = l.HomeTownship
	}
	for _, p := range res.Proposals {
		if home[p.LawyerID] != town[p.SiteID] || p.Why != WhyHome {
			t.Errorf("village %d (%s) went to lawyer %d of %s (%s)", p.SiteID, town[p.SiteID], p.LawyerID, home[p.LawyerID], p.Why)
		}
	}
	if !res.Balanced {
		t.Errorf("loads %d..%d", res.Min, res.Max)
	}
}

func TestAutoAssignPrefersTheFirmServingTheTownship(t *testing.T) {
	in := network(2, 4, 2, 2) // lawyer 1 (firm 1) lives in 镇000, lawyer 2 (firm 2) in 镇001
	in.Lawyers = append(in.Lawyers, Lawyer{ID: 3, Name: "律师3", HomeTownship: "外地", FirmID: 1},
		Lawyer{ID: 4, Name: "律师4", HomeTownship: "外地", FirmID: 2})
	in.Cap = 2
	res := AutoAssign(in)
	firm := map[int64]int64{1: 1, 2: 2, 3: 1, 4: 2}
	town := townOf(in)
	for _, p := range res.Proposals {
		want := map[string]int64{"镇000": 1, "镇001": 2}[town[p.SiteID]]
		if firm[p.LawyerID] != want {
			t.Errorf("village %d of %s went to lawyer %d of firm %d; want firm %d", p.SiteID, town[p.SiteID], p.LawyerID, firm[p.LawyerID], want)
		}
		if p.LawyerID > 2 && p.Why != WhyFirm {
			t.Errorf("village %d: why %s, want %s", p.SiteID, p.Why, WhyFirm)
		}
	}
	if len(res.Proposals) != 8 || !res.Balanced {
		t.Fatalf("proposals %d, loads %d..%d", len(res.Proposals), res.Min, res.Max)
	}
}

func TestAutoAssignReportsShortCapacity(t *testing.T) {
	in := network(3, 10, 4, 2) // 30 villages, 4 lawyers × 5
	in.Cap = 5
	in.Current = []Assignment{{SiteID: in.Villages[0].ID, LawyerID: 1, Township: "镇000"}}
	res := AutoAssign(in)
	if len(res.Proposals) != 19 || len(res.Unfilled) != 10 {
		t.Fatalf("proposals %d, unfilled %d; want 19 and 10 (one village was covered)", len(res.Proposals), len(res.Unfilled))
	}
	for _, u := range res.Unfilled {
		if u.Reason == "" || u.ReasonEN != "all 4 lawyers are at the cap of 5 villages each" {
			t.Fatalf("reason %q / %q", u.Reason, u.ReasonEN)
		}
	}
	for _, l := range res.Loads {
		if l.After != 5 {
			t.Errorf("lawyer %d has %d, want the cap 5", l.LawyerID, l.After)
		}
	}
	none := AutoAssign(AutoInput{Villages: in.Villages[:2], Cap: 5})
	if len(none.Unfilled) != 2 || none.Unfilled[0].ReasonEN != "there are no lawyers to assign" {
		t.Fatalf("without lawyers: %+v", none.Unfilled)
	}
}

func TestAutoAssignLeavesLoadedLawyersAndFillsTheLight(t *testing.T) {
	in := network(1, 6, 3, 1)
	in.Cap = 10
	// Lawyer 1 already has four villages elsewhere; 2 and 3 have none.
	for i := range 4 {
		in.Current = append(in.Current, Assignment{SiteID: int64(9000 + i), LawyerID: 1, Township: "外镇"})
	}
	res := AutoAssign(in)
	got := map[int64]int{}
	for _, l := range res.Loads {
		got[l.LawyerID] = l.After
	}
	if !reflect.DeepEqual(got, map[int64]int{1: 4, 2: 3, 3: 3}) || !res.Balanced {
		t.Fatalf("loads %v balanced=%v; want 4, 3, 3", got, res.Balanced)
	}
}

func TestAutoAssignIsDeterministic(t *testing.T) {
	in := network(16, 19, 40, 6)
	in.Cap = 10
	first := AutoAssign(in)
	// The same input in another order gives the same result.
	for i, j := 0, len(in.Lawyers)-1; i < j; i, j = i+1, j-1 {
		in.Lawyers[i], in.Lawyers[j] = in.Lawyers[j], in.Lawyers[i]
	}
	for i, j := 0, len(in.Villages)-1; i < j; i, j = i+1, j-1 {
		in.Villages[i], in.Villages[j] = in.Villages[j], in.Villages[i]
	}
	for range 3 {
		if again := AutoAssign(in); !reflect.DeepEqual(first, again) {
			t.Fatal("the same input gave another result")
		}
	}
}

// BenchmarkAutoAssignProvince: a province-sized network (Shanxi: ~1,400
// stations, ~25,000 village rooms) with 2,800 lawyers at a cap of 10.
func BenchmarkAutoAssignProvince(b *testing.B) {
	in := network(1400, 18, 2800, 600)
	in.Cap = 10
	b.ReportAllocs()
	for b.Loop() {
		res := AutoAssign(in)
		if len(res.Unfilled) != 0 {
			b.Fatalf("%d unfilled", len(res.Unfilled))
		}
	}
}

// BenchmarkAutoAssignCity: the demo city's ~300 rooms and 40 lawyers.
func BenchmarkAutoAssignCity(b *testing.B) {
	in := network(16, 19, 40, 6)
	in.Cap = 10
	for b.Loop() {
		AutoAssign(in)
	}
}
