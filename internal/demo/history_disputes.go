package demo

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/mediation"
	"github.com/legaldesk/legaldesk/internal/pii"
	"github.com/legaldesk/legaldesk/internal/store"
)

// The seed report's year: 1,676 disputes accepted, 1,675 resolved. The
// demo history gives a past year the same figures, so that statistics and
// the annual view show them from the platform's own records.
const (
	HistoryAccepted = 1676
	HistoryResolved = 1675
)

// historyTypes weight the kinds of dispute the way a county's mediation
// report does: neighbours and families first.
var historyTypes = []struct {
	t       mediation.Type
	weight  int
	summary []string
}{
	{"neighbour", 27, []string{"排水沟堵塞引起的邻里纠纷", "院墙越界引起的邻里纠纷", "宅前通道通行纠纷", "噪音扰邻纠纷"}},
	{"family", 22, []string{"赡养老人费用分担纠纷", "离婚财产分割纠纷", "子女抚养费纠纷", "遗产继承纠纷"}},
	{"land", 13, []string{"承包地边界纠纷", "宅基地使用权纠纷", "土地流转费用纠纷"}},
	{"contract", 12, []string{"民间借贷纠纷", "房屋租赁合同纠纷", "农资买卖合同纠纷"}},
	{"damages", 12, []string{"道路交通事故赔偿纠纷", "饲养动物致人损害纠纷", "施工致房屋损坏纠纷"}},
	{"labour", 9, []string{"拖欠劳动报酬纠纷", "工伤待遇纠纷", "解除劳动关系补偿纠纷"}},
	{"other", 5, []string{"物业服务费纠纷", "消费者权益纠纷"}},
}

var historyAgreements = []string{"双方当事人自愿达成协议，按约定期限履行。", "被申请人当场赔偿，双方互不追究。",
	"双方同意分期履行，由调解委员会督促。", "双方握手言和，恢复原状。"}

// SeedDisputeHistory writes the demo's past year of disputes: HistoryAccepted
// accepted in year (China time), HistoryResolved of them resolved within the
// year and one not resolved (referred to the court), each with its parties
// (sealed) and its history, all marked demo. It needs the demo's
// committees and rooms; a second call writes nothing. One transaction.
func SeedDisputeHistory(ctx context.Context, s *store.Store, box *pii.Box, year int) (int, error) {
	committees, err := s.MediationCommittees(ctx, false)
	if err != nil {
		return 0, err
	}
	rooms, err := s.MediationRooms(ctx)
	if err != nil {
		return 0, err
	}
	staff, err := s.StaffID(ctx, "mediator")
	if err == nil && staff == 0 {
		staff, err = s.StaffID(ctx, "admin")
	}
	if err != nil {
		return 0, err
	}
	if staff == 0 || len(committees) == 0 {
		return 0, errors.New("dispute history: seed the demo network (committees, staff) first")
	}
	h := newHistory(year, committees, rooms, box, staff)
	list, events := h.build()
	return s.InsertDisputeHistory(ctx, fmt.Sprintf("H%d-", year), list, events)
}

type history struct {
	year       int
	rnd        *rand.Rand
	box        *pii.Box
	staff      int64
	townships  []string
	byTownship map[string][]mediation.Committee // township committee first
	trade      map[string]int64                 // 劳动争议, 道路交通事故 … by the word in the name
	rooms      []mediation.Room
}

func newHistory(year int, cs []mediation.Committee, rooms []mediation.Room, box *pii.Box, staff int64) *history {
	h := &history{year: year, rnd: rand.New(rand.NewPCG(uint64(year), 1676)), box: box, staff: staff,
		byTownship: map[string][]mediation.Committee{}, trade: map[string]int64{}, rooms: rooms}
	for _, c := range cs {
		switch c.Kind {
		case "township":
			// More villages, more disputes: a township is drawn as often
			// as it has village rooms (at least once).
			for range max(1, roomCounts[c.Township]) {
				h.townships = append(h.townships, c.Township)
			}
			h.byTownship[c.Township] = append([]mediation.Committee{c}, h.byTownship[c.Township]...)
		case "village":
			h.byTownship[c.Township] = append(h.byTownship[c.Township], c)
		case "trade":
			for _, w := range tradeCommittees {
				if strings.Contains(c.Name, w) {
					h.trade[w] = c.ID
				}
			}
		}
	}
	return h
}

// build makes the disputes in order of acceptance; the one not resolved
// sits in the middle of the year.
func (h *history) build() ([]mediation.Dispute, [][]mediation.Event) {
	list := make([]mediation.Dispute, 0, HistoryAccepted)
	events := make([][]mediation.Event, 0, HistoryAccepted)
	first := calendar.NewDate(h.year, 1, 2)
	last := calendar.NewDate(h.year, 12, 10) // leaves room to close within the year
	span := first.DaysUntil(last)
	for i := range HistoryAccepted {
		day := first.AddDays(i * span / HistoryAccepted)
		accepted := day.At(8+h.rnd.IntN(9), h.rnd.IntN(60)).UTC()
		d, evs := h.dispute(i, accepted, i == HistoryAccepted/2)
		list, events = append(list, d), append(events, evs)
	}
	return list, events
}

func (h *history) dispute(i int, accepted time.Time, unresolved bool) (mediation.Dispute, []mediation.Event) {
	kind := h.kind()
	township := h.townships[h.rnd.IntN(len(h.townships))]
	d := mediation.Dispute{Number: fmt.Sprintf("H%d-%05d", h.year, i+1), Type: kind.t, Township: township,
		Summary: kind.summary[h.rnd.IntN(len(kind.summary))] + "（演示数据）", Source: "staff", AcceptedAt: accepted,
		DueAt: mediation.DueAt(accepted), CreatedBy: h.staff, Demo: true, CreatedAt: accepted}
	where := h.assign(&d)
	started := accepted.Add(time.Duration(1+h.rnd.IntN(48)) * time.Hour)
	closed := started.Add(time.Duration(2+h.rnd.IntN(14*24)) * time.Hour)
	d.ClosedAt, d.UpdatedAt = &closed, closed
	actor := &h.staff
	evs := []mediation.Event{
		{ActorID: actor, To: string(mediation.Accepted), Note: "现场受理（演示数据）", At: accepted},
		{ActorID: actor, From: string(mediation.Accepted), To: string(mediation.Accepted), Note: "指派：" + where, At: accepted},
		{ActorID: actor, From: string(mediation.Accepted), To: string(mediation.Mediating), At: started},
	}
	if unresolved {
		d.Status, d.ReferredTo, d.CloseNote = mediation.Unresolved, "court", "双方分歧较大，未能达成协议，已告知可向人民法院起诉（演示数据）"
	} else {
		d.Status, d.AgreementDate = mediation.Resolved, calendar.DateOf(closed).String()
		d.Agreement = historyAgreements[h.rnd.IntN(len(historyAgreements))] + "（演示数据）"
	}
	evs = append(evs, mediation.Event{ActorID: actor, From: string(mediation.Mediating), To: string(d.Status), Note: d.CloseNote, At: closed})
	d.Parties = []mediation.Party{h.party("applicant", 0), h.party("respondent", 1)}
	return d, evs
}

func (h *history) kind() struct {
	t       mediation.Type
	weight  int
	summary []string
} {
	n := h.rnd.IntN(100)
	for _, k := range historyTypes {
		if n < k.weight {
			return k
		}
		n -= k.weight
	}
	return historyTypes[0]
}

// assign sends labour and traffic disputes to their trade committees now
// and then, one in ten to a dispatched room, the rest to the township's
// committee or one of its villages'. It returns the name for the history.
func (h *history) assign(d *mediation.Dispute) string {
	trade := map[mediation.Type]string{"labour": "劳动争议", "damages": "道路交通事故"}[d.Type]
	if id, ok := h.trade[trade]; ok && h.rnd.IntN(3) == 0 {
		d.CommitteeID = &id
		return trade + "人民调解委员会"
	}
	if len(h.rooms) > 0 && h.rnd.IntN(10) == 0 {
		r := h.rooms[h.rnd.IntN(len(h.rooms))]
		d.RoomSiteID = &r.ID
		return r.Name
	}
	cs := h.byTownship[d.Township]
	c := cs[0]
	if len(cs) > 1 && h.rnd.IntN(3) == 0 {
		c = cs[1+h.rnd.IntN(len(cs)-1)]
	}
	d.CommitteeID = &c.ID
	return c.Name
}

// party is a sample person: a sample name and, for half of them, a phone
// number in a range no real subscriber has (170 0000 xxxx), sealed.
func (h *history) party(role string, pos int) mediation.Party {
	name := string(surnames[h.rnd.IntN(len(surnames))]) + givenNames[h.rnd.IntN(len(givenNames))]
	phone := ""
	if h.rnd.IntN(2) == 0 {
		phone = fmt.Sprintf("1700000%04d", h.rnd.IntN(10000))
	}
	p := mediation.Party{Role: role, NameSealed: h.box.Seal(name), Position: pos}
	if phone != "" {
		p.PhoneSealed = h.box.Seal(phone)
	}
	return p
}
