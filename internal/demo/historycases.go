package demo

import (
	"fmt"
	"strings"
	"time"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/pii"
	"github.com/legaldesk/legaldesk/internal/store"
)

// groupMix is the demo's special groups, case by case: about 89% of the
// cases are for a special group, as in a county's year-end report.
var groupMix = []string{",elderly,women,", ",migrant_worker,", ",minor,", ",disabled,", ",women,low_income,", ",veteran,",
	",elderly,low_income,", ",migrant_worker,low_income,", ",women,"}

var (
	familyNames = []rune("王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林郑")
	given       = []string{"秀英", "建国", "桂兰", "志强", "玉梅", "国华", "淑珍", "红梅", "海燕", "永刚", "小军", "丽娟"}
)

// idNumber is a valid (GB 11643) demo ID number of Gaoping (140581) for a
// birth year; the sequence's last digit is even for a woman.
func idNumber(year, i int, woman bool) string {
	seq := 10 + 2*(i%40)
	if !woman {
		seq++
	}
	first := fmt.Sprintf("140581%04d%02d%02d%03d", year, 1+i%12, 1+i%28, seq)
	return first + string(pii.IDCheckChar(first))
}

func birthYear(groups string, i int) int {
	switch {
	case strings.Contains(groups, ",minor,"):
		return 2010 + i%5
	case strings.Contains(groups, ",elderly,"):
		return 1945 + i%12
	}
	return 1970 + i%25
}

// cases: about 550 legal-aid cases over the year in every township, nearly
// all decided within the Art. 43 seven days, a few refused, most closed and
// the rest assigned to a lawyer (none left on the officers' board).
func (w *world) cases(h *store.History) error {
	start := calendar.NewDate(HistoryYear, 1, 2)
	for i := range 552 {
		groups := ""
		if i%9 != 0 {
			groups = groupMix[i%len(groupMix)]
		}
		received := start.AddDays(i*362/552).At(9+i%8, (i*7)%60)
		woman := strings.Contains(groups, ",women,") || groups == "" && i%2 == 0
		id := idNumber(birthYear(groups, i), i, woman)
		phone := fmt.Sprintf("1390581%04d", i)
		c := store.PastCase{Code: fmt.Sprintf("FY%sD%03d", received.Format("060102"), i), Name: string(familyNames[i%len(familyNames)]) + given[i%len(given)],
			Township: w.stations[i%len(w.stations)].Township, Matter: []string{"civil_admin", "labour_arbitration", "criminal", "civil_admin", "other"}[i%5],
			IDSealed: w.box.Seal(id), IDIndex: w.box.Index("id", id), PhoneSealed: w.box.Seal(phone), PhoneIndex: w.box.Index("phone", phone),
			Path: "art42_exempt", PathDetail: "minor_elderly_disabled", SpecialGroups: groups, ReceivedAt: received, EnteredBy: w.officer, Demo: true}
		if i%11 == 3 {
			c.Path, c.PathDetail = "art41_pledge", ""
		}
		if i%30 == 7 {
			c.PausedDays = 6 // materials were awaited
		}
		decided := received.Add(time.Duration(1+i%6) * 24 * time.Hour)
		if i%25 == 11 {
			decided = received.Add(9 * 24 * time.Hour) // late: the Art. 43 rate is not a flat 100%
		}
		switch {
		case i%17 == 5:
			c.Decision, c.DecidedAt = "refused", &decided
		default:
			c.Decision, c.DecidedAt = "approved", &decided
			if closed := received.AddDate(0, 3, i%20); closed.Year() == HistoryYear {
				c.ClosedAt = &closed
			} else {
				c.LawyerID = &w.lawyers[i%len(w.lawyers)] // still running, with its lawyer
			}
		}
		if err := h.Case(c); err != nil {
			return err
		}
	}
	return nil
}

// notaryVisits: a visit every workday and a second every third, about one
// in six with two matters, one in twelve at home, one in fifteen cancelled:
// about 370 matters done.
func (w *world) notaryVisits(h *store.History) error {
	matters := len(NotaryMatters())
	v := 0
	return days(func(i int, d calendar.Date) error {
		if !weekday(d) {
			return nil
		}
		n := 1
		if i%3 == 0 {
			n = 2
		}
		for k := range n {
			v++
			ids := []int64{int64(1 + v%matters)}
			if v%6 == 0 {
				ids = append(ids, int64(1+(v+3)%matters))
			}
			visit := store.PastVisit{SiteID: w.notary, ResidentID: w.residents[v%len(w.residents)], Kind: "office", Status: "done",
				MatterIDs: ids, StartsAt: d.At(9+3*k, 30), Demo: true}
			if v%12 == 5 {
				visit.Kind = "home"
			}
			if v%15 == 4 {
				visit.Status = "cancelled"
			}
			if err := h.NotaryVisit(visit); err != nil {
				return err
			}
		}
		return nil
	})
}

// advisorLogs: for every advisor contract running in the year, a monthly
// on-site day and consultations, a lecture each quarter, door-to-door
// visits now and then.
func (w *world) advisorLogs(h *store.History) error {
	for k, a := range w.assignments {
		for m := time.January; m <= time.December; m++ {
			day := calendar.NewDate(HistoryYear, m, 3+k%20)
			if day.Before(a.StartsOn) || (a.EndedOn != nil && day.After(*a.EndedOn)) || day.After(a.EndsOn) {
				continue
			}
			logs := []struct {
				kind          string
				count, people int
			}{{"on_site", 1, 3 + k%6}, {"consultation", 2 + (k+int(m))%5, 2 + (k+int(m))%5}}
			if m%3 == 0 {
				logs = append(logs, struct {
					kind          string
					count, people int
				}{"lecture", 1, 30 + (k*7)%40})
			}
			if (k+int(m))%4 == 0 {
				logs = append(logs, struct {
					kind          string
					count, people int
				}{"door_to_door", 5 + k%6, 5 + k%6})
			}
			for _, l := range logs {
				if err := h.AdvisorLog(a.LawyerID, a.SiteID, day.String(), l.kind, l.count, l.people, true); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
