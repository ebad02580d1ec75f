package notary

import (
	"context"
	"testing"
	"time"

	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/pii"
)

var (
	will = Matter{ID: 1, Name: "遗嘱", InPersonOnly: true, HomeVisit: true, Minutes: 60, Active: true,
		Materials: Materials{{Name: "身份证"}, {Name: "户口簿"}, {Name: "财产证明"}}}
	inherit = Matter{ID: 2, Name: "继承", Minutes: 45, Active: true,
		Materials: Materials{{Name: "身份证"}, {Name: "死亡证明"}, {Name: "亲属关系证明", Later: true}, {Name: "户口簿", Later: true}}}
	degree = Matter{ID: 3, Name: "学历", Minutes: 20, Active: true, Materials: Materials{{Name: "身份证"}, {Name: "毕业证书"}}}
)

func names(list []Item) []string {
	var out []string
	for _, it := range list {
		out = append(out, it.Name)
	}
	return out
}

func TestChecklistMergesAndDeduplicates(t *testing.T) {
	list := Checklist([]Matter{will, inherit}, []Party{{Name: "张三"}}, nil, nil)
	got, want := names(list), []string{"身份证", "户口簿", "财产证明", "死亡证明", "亲属关系证明"}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
	// 户口簿 is 容缺 for inheritance but needed up front for the will.
	if list[1].Later || len(list[1].Matters) != 2 {
		t.Errorf("户口簿: %+v, want needed by both", list[1])
	}
	if !list[4].Later {
		t.Errorf("亲属关系证明 should stay 容缺: %+v", list[4])
	}
	// An agent brings the power of attorney.
	withAgent := Checklist([]Matter{inherit}, []Party{{Name: "张三"}, {Name: "李四", Agent: true}}, nil, nil)
	if last := withAgent[len(withAgent)-1]; last.Name != PowerOfAttorney || last.Later {
		t.Errorf("agent: last item %+v, want the power of attorney, needed", last)
	}
}

func TestLaterItemsNeverBlockReady(t *testing.T) {
	list := Checklist([]Matter{inherit}, []Party{{Name: "张三"}}, nil, []string{"死亡证明", "亲属关系证明"})
	if Ready(MaterialsMissing, list, map[string]bool{}) {
		t.Fatal("ready with 死亡证明 missing")
	}
	// Only the 容缺 item is still missing: ready.
	if !Ready(MaterialsMissing, list, map[string]bool{"死亡证明": true}) {
		t.Fatal("a 容缺 item blocked ready")
	}
	if Ready(MaterialsPending, list, map[string]bool{"死亡证明": true}) {
		t.Fatal("ready before the clerk looked")
	}
	if !Ready(MaterialsComplete, list, nil) {
		t.Fatal("complete is ready")
	}
}

func TestAgentAndInPersonMatters(t *testing.T) {
	agent := []Party{{Name: "王老汉"}, {Name: "王小"}, {Name: "李律师", Agent: true}}
	alone := []Party{{Name: "王老汉"}}
	cases := []struct {
		name    string
		matters []Matter
		parties []Party
		kind    Kind
		want    error
	}{
		{"an agent for an inheritance", []Matter{inherit}, agent, Office, nil},
		{"an agent for a will (Art. 26)", []Matter{will, inherit}, agent, Office, ErrAgentInPerson},
		{"an agent for a will at home", []Matter{will}, agent, Home, ErrAgentInPerson},
		{"a bedridden testator's will at home", []Matter{will}, alone, Home, nil},
		{"no home visit for a degree", []Matter{degree}, alone, Home, ErrNoHomeVisit},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if err := CheckParties(c.matters, c.parties, c.kind); err != c.want {
				t.Fatalf("got %v, want %v", err, c.want)
			}
		})
	}
	for _, bad := range [][]Party{nil, {{Name: "代理人", Agent: true}}, {{Name: ""}}} {
		if err := CheckParties([]Matter{inherit}, bad, Office); !errs.Is(err, errs.Invalid) || err.(*errs.Error).Fields["parties"].ZH == "" {
			t.Errorf("%v: got %v, want invalid parties", bad, err)
		}
	}
}

func at(h, m int) time.Time { return time.Date(2026, 12, 7, h, m, 0, 0, time.UTC) }

func day() []Slot {
	var out []Slot
	id := int64(1)
	for _, s := range [][2]int{{9, 0}, {9, 30}, {10, 0}, {10, 30}, {11, 0}, {11, 30}, {14, 30}, {15, 0}} {
		start := at(s[0], s[1])
		out = append(out, Slot{ID: id, Start: start, End: start.Add(30 * time.Minute), Capacity: 2})
		id++
	}
	return out
}

func TestConsecutiveSlots(t *testing.T) {
	if n := SlotsNeeded([]Matter{will, inherit}); n != 4 { // 105 minutes
		t.Fatalf("will + inheritance: %d slots, want 4", n)
	}
	if n := SlotsNeeded([]Matter{degree}); n != 1 {
		t.Fatalf("degree: %d slots, want 1", n)
	}
	slots := day()
	run, err := Run(slots, 2, 4)
	if err != nil || run[0].ID != 2 || run[3].ID != 5 {
		t.Fatalf("run from 9:30: %v %v", run, err)
	}
	// 11:30 + 2 slots would cross the lunch break.
	if _, err := Run(slots, 6, 2); err != ErrNotConsecutive {
		t.Fatalf("across lunch: %v", err)
	}
	// Past the day's end.
	if _, err := Run(slots, 8, 2); err != ErrNotConsecutive {
		t.Fatalf("past the end: %v", err)
	}
	// One full slot inside the run refuses the whole package.
	slots[2].Booked = 2
	if _, err := Run(slots, 1, 3); err != ErrNotConsecutive {
		t.Fatalf("full slot inside: %v", err)
	}
	if _, err := Run(slots, 99, 1); !errs.Is(err, errs.NotFound) {
		t.Fatalf("unknown slot: %v", err)
	}
}

func TestGreenChannel(t *testing.T) {
	today := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	old := "140581" + "19500101" + "001"
	old += string(pii.IDCheckChar(old))
	young := "140581" + "19900101" + "001"
	young += string(pii.IDCheckChar(young))
	cases := []struct {
		id, group string
		want      bool
		why       string
	}{
		{old, "", true, "elderly"},
		{young, "", false, ""},
		{young, "veteran", true, "veteran"},
		{young, "disabled", true, "disabled"},
		{young, "elderly", false, ""}, // age is read from the ID number, not declared
	}
	for _, c := range cases {
		if got, why := Priority(c.id, c.group, 70, today); got != c.want || why != c.why {
			t.Errorf("%s %s: %v %q, want %v %q", c.id, c.group, got, why, c.want, c.why)
		}
	}
	if age, _ := Age("140581"+"19561121"+"0011", today); age != 69 {
		t.Errorf("the day before the 70th birthday: age %d", age)
	}
	list := []Visit{{ID: 1, Start: &[]time.Time{at(9, 0)}[0]}, {ID: 2, Priority: true, Start: &[]time.Time{at(15, 0)}[0]}}
	SortDay(list)
	if list[0].ID != 2 {
		t.Errorf("the green channel is not first: %+v", list)
	}
}

// aidStore answers only what the fee flag needs.
type aidStore struct {
	Store
	approved string
}

func (a aidStore) ApprovedAid(_ context.Context, index string) (bool, error) {
	return index == a.approved, nil
}

func TestFeeFlagFromApprovedAid(t *testing.T) {
	box, _ := pii.NewBox("k1", pii.NewKey(), pii.NewKey())
	aided := "140581" + "19800101" + "002"
	aided += string(pii.IDCheckChar(aided))
	other := "140581" + "19800101" + "003"
	other += string(pii.IDCheckChar(other))
	s := &Service{Store: aidStore{approved: box.Index("id", aided)}, Box: box, HomeAge: 70, SiteID: 9,
		Now: func() time.Time { return time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC) }}
	for id, want := range map[string]bool{aided: true, other: false} {
		v, err := s.newVisit(context.Background(), 1, Office, []Matter{inherit}, []Party{{Name: "甲"}}, id, "")
		if err != nil || v.FeeReduced != want {
			t.Errorf("%s: fee_reduced %v, want %v (%v)", id, v.FeeReduced, want, err)
		}
		if v.IDSealed == id || v.IDIndex != box.Index("id", id) {
			t.Errorf("the ID number must be sealed and indexed")
		}
	}
}

func TestMatterCheck(t *testing.T) {
	m := Matter{Name: " ", Category: "", Minutes: 5, Materials: Materials{{Name: "身份证"}, {Name: "身份证"}}}
	err := m.Check()
	e, ok := err.(*errs.Error)
	if !ok || e.Code != errs.Invalid {
		t.Fatalf("got %v", err)
	}
	for _, f := range []string{"name", "category", "minutes", "materials"} {
		if e.Fields[f].ZH == "" {
			t.Errorf("no message on %s", f)
		}
	}
}
