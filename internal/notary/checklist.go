package notary

import (
	"slices"
	"strconv"
	"time"

	"github.com/legaldesk/legaldesk/internal/errs"
)

// SlotMinutes is the length of one slot of the office's calendar; a visit
// takes as many consecutive slots as its matters' minutes need.
const SlotMinutes = 30

// PowerOfAttorney is the item an agent brings (Notary Law Art. 26 allows an
// agent except where the party must appear in person).
const PowerOfAttorney = "授权委托书（当事人签署）"

// Item is one line of a visit's merged checklist.
type Item struct {
	Name    string   `json:"name"`
	Later   bool     `json:"later"`   // 容缺: never blocks "ready"
	Matters []string `json:"matters"` // the matters that ask for it
	Files   int      `json:"files"`   // uploads for it
	Missing bool     `json:"missing"` // on the clerk's list of what is missing
}

// Checklist merges the matters' materials into one list without
// duplicates, in the order they first appear. An item is "later" only if
// every matter that asks for it accepts it later: one matter that needs it
// up front makes it needed. An agent adds the power of attorney.
func Checklist(matters []Matter, parties []Party, uploads []Upload, missing []string) []Item {
	var out []Item
	at := map[string]int{}
	add := func(name string, later bool, matter string) {
		if i, ok := at[name]; ok {
			out[i].Later = out[i].Later && later
			if !slices.Contains(out[i].Matters, matter) {
				out[i].Matters = append(out[i].Matters, matter)
			}
			return
		}
		at[name] = len(out)
		out = append(out, Item{Name: name, Later: later, Matters: []string{matter}})
	}
	for _, m := range matters {
		for _, mat := range m.Materials {
			add(mat.Name, mat.Later, m.Name)
		}
	}
	if HasAgent(parties) {
		add(PowerOfAttorney, false, "代理")
	}
	for _, u := range uploads {
		if i, ok := at[u.Item]; ok {
			out[i].Files++
		}
	}
	for _, name := range missing {
		if i, ok := at[name]; ok {
			out[i].Missing = true
		}
	}
	return out
}

// Ready says whether the resident need come only once: the clerk marked
// the set complete, or listed what was missing and every listed item that
// is not 容缺 has since been supplied.
func Ready(state string, list []Item, suppliedSince map[string]bool) bool {
	switch state {
	case MaterialsComplete:
		return true
	case MaterialsMissing:
		for _, it := range list {
			if it.Missing && !it.Later && !suppliedSince[it.Name] {
				return false
			}
		}
		return true
	}
	return false
}

// HasAgent reports whether anyone acts as an agent.
func HasAgent(parties []Party) bool {
	return slices.ContainsFunc(parties, func(p Party) bool { return p.Agent })
}

// ErrAgentInPerson: Notary Law Art. 26 — wills, proof of life, adoption and
// the like must be notarised by the party in person, never by an agent (a
// home visit is still in person, so it stays possible).
var ErrAgentInPerson = errs.New(errs.Invalid, "该公证事项须由当事人本人办理，不能委托代理人（《公证法》第二十六条）；行动不便可申请上门服务",
	"this matter must be done by the party in person, not by an agent (Notary Law Art. 26); ask for a home visit if the party cannot come").
	Field("parties", "本人办理事项不能由代理人办理", "no agent for an in-person matter")

// ErrNoHomeVisit: a matter that cannot be done at home.
var ErrNoHomeVisit = errs.New(errs.Invalid, "所选事项中有不提供上门服务的事项", "one of the matters cannot be done at home").
	Field("matter_ids", "该事项不提供上门服务", "no home visit for this matter")

// CheckParties applies the rules about who comes.
func CheckParties(matters []Matter, parties []Party, kind Kind) error {
	f := errs.Fields{}
	principals := 0
	for _, p := range parties {
		if n := len([]rune(p.Name)); n == 0 || n > 40 {
			f.Add("parties", "请填写每位当事人的姓名（不超过40字）", "every party needs a name of at most 40 characters")
		}
		if !p.Agent {
			principals++
		}
	}
	if len(parties) > 10 {
		f.Add("parties", "一次最多10人", "at most 10 people")
	}
	if principals == 0 {
		f.Add("parties", "请至少填写一位当事人", "name at least one party")
	}
	if err := f.Err(); err != nil {
		return err
	}
	for _, m := range matters {
		if m.InPersonOnly && HasAgent(parties) {
			return ErrAgentInPerson
		}
		if kind == Home && !m.HomeVisit {
			return ErrNoHomeVisit
		}
	}
	return nil
}

// SlotsNeeded is how many consecutive slots the matters take together.
func SlotsNeeded(matters []Matter) int {
	total := 0
	for _, m := range matters {
		total += m.Minutes
	}
	return max(1, (total+SlotMinutes-1)/SlotMinutes)
}

// ErrNotConsecutive: the office has no run of free consecutive slots there.
var ErrNotConsecutive = errs.New(errs.Conflict, "该时间起没有足够的连续空闲时段办理所选事项，请选择其他时间",
	"there are not enough consecutive free slots from this time for these matters; choose another time").
	Field("slot_id", "连续时段不足", "not enough consecutive slots")

// Run picks the n slots that start at the slot with id first, from a
// site's slots in start order: each must begin where the one before ends
// (same day, no lunch break inside), and each must have a place left.
func Run(slots []Slot, first int64, n int) ([]Slot, error) {
	i := slices.IndexFunc(slots, func(s Slot) bool { return s.ID == first })
	if i < 0 {
		return nil, errs.New(errs.NotFound, "时段不存在", "no such slot").Field("slot_id", "时段不存在", "no such slot")
	}
	if i+n > len(slots) {
		return nil, ErrNotConsecutive
	}
	run := slots[i : i+n]
	for k, s := range run {
		if s.Booked >= s.Capacity || (k > 0 && !s.Start.Equal(run[k-1].End)) {
			return nil, ErrNotConsecutive
		}
	}
	return run, nil
}

// Groups who may ask for a home visit and get the green channel.
var Groups = []string{"elderly", "disabled", "seriously_ill", "veteran"}

// Priority says whether a party gets the green channel, and why: aged at
// or above homeAge by their ID number on the day, or a declared group
// (checked at the window). Those groups come first on the clerk's list.
func Priority(idNumber, group string, homeAge int, today time.Time) (bool, string) {
	if age, ok := Age(idNumber, today); ok && age >= homeAge {
		return true, "elderly"
	}
	if group != "" && group != "elderly" && slices.Contains(Groups, group) {
		return true, group
	}
	return false, ""
}

// Age reads the birth date of an 18-character ID number (GB 11643, digits
// 7–14) and gives the age in whole years on today.
func Age(idNumber string, today time.Time) (int, bool) {
	if len(idNumber) != 18 {
		return 0, false
	}
	y, e1 := strconv.Atoi(idNumber[6:10])
	m, e2 := strconv.Atoi(idNumber[10:12])
	d, e3 := strconv.Atoi(idNumber[12:14])
	if e1 != nil || e2 != nil || e3 != nil || m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, false
	}
	age := today.Year() - y
	if today.Month() < time.Month(m) || (today.Month() == time.Month(m) && today.Day() < d) {
		age--
	}
	return age, age >= 0
}

// ErrFull: a slot of the package was taken meanwhile; nothing was booked.
var ErrFull = errs.New(errs.Conflict, "所选时段刚刚约满，整个预约未成立，请选择其他时间", "a slot of this visit has just filled up; nothing was booked, choose another time").
	Field("slot_id", "时段已满", "slot full")

// ErrAlreadyBooked: the resident already has a visit starting then.
var ErrAlreadyBooked = errs.New(errs.Conflict, "您已预约该时间的公证", "you have already booked a notary visit at that time")
