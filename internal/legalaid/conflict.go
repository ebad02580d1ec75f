package legalaid

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"github.com/legaldesk/legaldesk/internal/calendar"
)

// Candidate is a lawyer who might take a case.
type Candidate struct {
	LawyerID      int64         `json:"lawyer_id"`
	Name          string        `json:"name"`
	FirmID        int64         `json:"firm_id"`
	Firm          string        `json:"firm"`
	LicensedSince calendar.Date `json:"licensed_since"`
	Specialties   string        `json:"specialties"`
	OpenCases     int           `json:"open_cases"`
}

// PriorClient is someone a lawyer or firm acted for before.
type PriorClient struct {
	LawyerID int64
	FirmID   int64
	Client   string
}

// Suggestion is a ranked candidate with any warning against them.
type Suggestion struct {
	Candidate
	Score     int    `json:"score"`
	Conflict  string `json:"conflict,omitempty"`  // an officer may override it with a reason
	Forbidden string `json:"forbidden,omitempty"` // Art. 26: cannot be overridden
}

// suffixes are dropped before names are compared: 某某有限公司 and 某某公司
// are the same party.
var suffixes = []string{"股份有限公司", "有限责任公司", "有限公司", "集团公司", "集团", "分公司", "公司", "合作社", "工厂", "厂", "商店", "店"}

// Normalize reduces a party's name for matching.
func Normalize(name string) string {
	var b strings.Builder
	for _, r := range name {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	s := b.String()
	for _, suf := range suffixes {
		if t := strings.TrimSuffix(s, suf); t != s && len([]rune(t)) >= 2 {
			s = t
			break
		}
	}
	return s
}

// SameParty reports whether two names likely name the same party: equal
// once normalised, one containing the other, or one edit apart.
func SameParty(a, b string) bool {
	x, y := Normalize(a), Normalize(b)
	if x == "" || y == "" {
		return false
	}
	if x == y {
		return true
	}
	rx, ry := []rune(x), []rune(y)
	if min(len(rx), len(ry)) >= 4 && (strings.Contains(x, y) || strings.Contains(y, x)) {
		return true
	}
	return min(len(rx), len(ry)) >= 3 && editDistance(rx, ry) <= 1
}

func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// specialtyWords maps a case to the words a lawyer's specialties should have.
func specialtyWords(a Application) []string {
	text := a.Summary + a.Art31Item
	words := map[Matter][]string{Criminal: {"刑事"}, LabourArbitration: {"劳动", "工伤", "工资"}, StateCompensation: {"行政", "国家赔偿"}}[a.Matter]
	for _, w := range []string{"婚姻", "继承", "劳动", "工伤", "工资", "交通", "合同", "借贷", "土地", "人身"} {
		if strings.Contains(text, w) {
			words = append(words, w)
		}
	}
	return words
}

// needsSenior reports the Art. 26 rule: a defendant who may face life
// imprisonment or death gets a lawyer with three years' practice or more.
func needsSenior(a Application) bool {
	return a.Matter == Criminal && (a.CriminalCategory == "life_or_death" || a.CriminalCategory == "death_review")
}

// threeYears reports Art. 26's "three years or more of practice", counted
// by calendar date: licensed 2023-11-27, a lawyer qualifies on 2026-11-27,
// not the day before. (Licensed on 29 February, on 1 March.)
func threeYears(licensed, today calendar.Date) bool {
	return !calendar.NewDate(licensed.Year()+3, licensed.Month(), licensed.Day()).After(today)
}

// Suggest ranks the candidates: eligible and conflict-free first, then the
// best specialty match, then the lightest open case load.
func Suggest(a Application, cands []Candidate, prior []PriorClient, today calendar.Date) []Suggestion {
	words := specialtyWords(a)
	out := make([]Suggestion, 0, len(cands))
	for _, c := range cands {
		s := Suggestion{Candidate: c}
		for _, w := range words {
			if strings.Contains(c.Specialties, w) {
				s.Score += 10
			}
		}
		s.Score -= 2 * c.OpenCases
		if needsSenior(a) && !threeYears(c.LicensedSince, today) {
			s.Forbidden = "第二十六条：可能被判处无期徒刑、死刑的案件，应当指派具有三年以上相关执业经历的律师"
		}
		s.Conflict = conflict(a, c, prior)
		out = append(out, s)
	}
	slices.SortStableFunc(out, func(x, y Suggestion) int {
		return cmp.Or(cmp.Compare(flag(x.Forbidden), flag(y.Forbidden)), cmp.Compare(flag(x.Conflict), flag(y.Conflict)),
			cmp.Compare(y.Score, x.Score), cmp.Compare(x.OpenCases, y.OpenCases), cmp.Compare(x.LawyerID, y.LawyerID))
	})
	return out
}

func conflict(a Application, c Candidate, prior []PriorClient) string {
	if strings.TrimSpace(a.OpposingParty) == "" {
		return ""
	}
	for _, p := range prior {
		if !SameParty(a.OpposingParty, p.Client) {
			continue
		}
		if p.LawyerID == c.LawyerID {
			return "利益冲突：该律师曾代理对方当事人（" + p.Client + "）"
		}
		if p.FirmID != 0 && p.FirmID == c.FirmID {
			return "利益冲突：该律师所在律师事务所曾代理对方当事人（" + p.Client + "）"
		}
	}
	return ""
}

func flag(s string) int {
	if s != "" {
		return 1
	}
	return 0
}
