package notary

import (
	"context"
	"crypto/rand"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/pii"
)

// Start is a time a package of n slots can begin.
type Start struct {
	SlotID    int64     `json:"slot_id"`
	Start     time.Time `json:"starts_at"`
	End       time.Time `json:"ends_at"`
	Remaining int       `json:"remaining"` // packages that still fit
}

// Availability lists the starts from..to where the chosen matters fit on
// consecutive slots with a place left on each (holds counted on the first).
func (s *Service) Availability(ctx context.Context, matterIDs []int64, from, to time.Time) ([]Start, error) {
	ms, err := s.matters(ctx, matterIDs)
	if err != nil {
		return nil, err
	}
	n := SlotsNeeded(ms)
	site, err := s.Office(ctx)
	if err != nil {
		return nil, err
	}
	slots, err := s.Store.NotarySlots(ctx, site, from, to)
	if err != nil || len(slots) == 0 {
		return []Start{}, err
	}
	ids := make([]int64, len(slots))
	for i, sl := range slots {
		ids[i] = sl.ID
	}
	held, err := s.Holds.Held(ctx, ids)
	if err != nil {
		s.Log.WarnContext(ctx, "hold counts unavailable", "error", err.Error())
		held = map[int64]int{}
	}
	now := s.Now()
	out := []Start{}
	for i := range slots {
		sl := slots[i]
		if s.timing(sl.Start, now) != nil {
			continue
		}
		sl.Booked += held[sl.ID]
		view := slices.Clone(slots)
		view[i] = sl
		run, err := Run(view, sl.ID, n)
		if err != nil {
			continue
		}
		left := sl.Capacity
		for _, r := range run {
			left = min(left, r.Capacity-r.Booked)
		}
		out = append(out, Start{SlotID: sl.ID, Start: sl.Start, End: run[n-1].End, Remaining: left})
	}
	return out, nil
}

// matters loads the chosen matters, all active, at most five.
func (s *Service) matters(ctx context.Context, ids []int64) ([]Matter, error) {
	if len(ids) == 0 || len(ids) > 5 {
		return nil, errs.New(errs.Invalid, "请选择1到5个公证事项", "choose 1 to 5 matters").Field("matter_ids", "请选择1到5个事项", "1 to 5 matters")
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	ms, err := s.Store.NotaryMattersByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	if len(ms) != len(ids) || slices.ContainsFunc(ms, func(m Matter) bool { return !m.Active }) {
		return nil, errs.New(errs.Invalid, "所选事项不存在或已停办", "a chosen matter does not exist").Field("matter_ids", "事项不存在", "no such matter")
	}
	return ms, nil
}

func (s *Service) timing(start, now time.Time) error {
	switch {
	case !start.After(now.Add(s.MinNotice)):
		return errs.New(errs.Invalid, fmt.Sprintf("请至少提前 %.0f 小时预约", s.MinNotice.Hours()), "too soon to book").
			Field("slot_id", "预约时间太近", "too soon")
	case start.Sub(now) > s.Horizon:
		return errs.New(errs.Invalid, fmt.Sprintf("只能预约 %.0f 天以内的时段", s.Horizon.Hours()/24), "beyond the booking horizon").
			Field("slot_id", "超出可预约范围", "beyond the booking horizon")
	}
	return nil
}

// Hold keeps the package's first slot for a few minutes (advisory).
func (s *Service) Hold(ctx context.Context, residentID, slotID int64) (string, time.Time, error) {
	site, err := s.Office(ctx)
	if err != nil {
		return "", time.Time{}, err
	}
	sl, err := s.Store.NotarySlot(ctx, slotID)
	if err != nil || sl.SiteID != site {
		return "", time.Time{}, errs.New(errs.NotFound, "时段不存在", "no such slot").Field("slot_id", "时段不存在", "no such slot")
	}
	if err := s.timing(sl.Start, s.Now()); err != nil {
		return "", time.Time{}, err
	}
	if sl.Booked >= sl.Capacity {
		return "", time.Time{}, ErrNotConsecutive
	}
	return s.Holds.Hold(ctx, slotID, sl.Capacity-sl.Booked, residentID)
}

// Request is a resident's package booking.
type Request struct {
	HoldID      string
	SlotID      int64
	MatterIDs   []int64
	Parties     []Party
	IDNumber    string // the resident's own, for the fee flag and the green channel
	Group       string // disabled, seriously_ill or veteran, declared
	IdemKey     string
	RequestHash string
}

func (r *Request) check() error {
	f := errs.Fields{}
	if (r.HoldID == "") == (r.SlotID == 0) {
		f.Add("hold_id", "请提供 hold_id 或 slot_id 之一", "give hold_id or slot_id")
	}
	r.IDNumber = strings.ToUpper(strings.TrimSpace(r.IDNumber))
	if !pii.ValidIDNumber(r.IDNumber) {
		f.Add("id_number", "身份证号码不正确（18位，末位校验码）", "invalid ID number (18 characters with a check digit)")
	}
	if r.Group != "" && !slices.Contains(Groups, r.Group) {
		f.Add("group", "群体应为 elderly、disabled、seriously_ill 或 veteran", "unknown group")
	}
	if len(r.IdemKey) > 64 {
		f.Add("Idempotency-Key", "幂等键过长", "Idempotency-Key is too long")
	}
	for i := range r.Parties {
		r.Parties[i].Name = strings.TrimSpace(r.Parties[i].Name)
		if utf8.RuneCountInString(r.Parties[i].Name) > 40 {
			f.Add("parties", "姓名不超过40字", "names are at most 40 characters")
		}
	}
	return f.Err()
}

// Book confirms a package on consecutive slots, all or nothing.
func (s *Service) Book(ctx context.Context, residentID int64, r Request) (Visit, bool, error) {
	if err := r.check(); err != nil {
		return Visit{}, false, err
	}
	if r.IdemKey != "" {
		if id, err := s.Store.NotaryReplayed(ctx, residentID, r.IdemKey, r.RequestHash); err != nil || id != 0 {
			if err != nil {
				return Visit{}, false, err
			}
			v, err := s.Store.NotaryVisit(ctx, id)
			if err == nil {
				v, err = s.fill(ctx, v)
			}
			return v, true, err
		}
	}
	ms, err := s.matters(ctx, r.MatterIDs)
	if err != nil {
		return Visit{}, false, err
	}
	if err := CheckParties(ms, r.Parties, Office); err != nil {
		return Visit{}, false, err
	}
	first := r.SlotID
	if r.HoldID != "" {
		if first, err = s.Holds.HeldSlot(ctx, r.HoldID, residentID); err != nil {
			return Visit{}, false, err
		}
	}
	vis, err := s.newVisit(ctx, residentID, Office, ms, r.Parties, r.IDNumber, r.Group)
	if err != nil {
		return Visit{}, false, err
	}
	now := s.Now()
	n := SlotsNeeded(ms)
	v, replayed, err := s.Store.BookNotary(ctx, Booking{Visit: vis, FirstSlot: first, N: n, IdemKey: r.IdemKey,
		RequestHash: r.RequestHash, At: now, Check: func(run []Slot, mine []Visit) error {
			if err := s.timing(run[0].Start, now); err != nil {
				return err
			}
			return s.checkMine(run, mine)
		}})
	if err != nil {
		return Visit{}, false, err
	}
	if r.HoldID != "" {
		s.Holds.Release(ctx, r.HoldID, residentID) // advisory; it expires anyway
	}
	if v, err = s.fill(ctx, v); err != nil {
		return Visit{}, false, err
	}
	if !replayed {
		s.notify(ctx, v.ResidentID, "notary_booked", fmt.Sprintf("【公证处】您已预约%s到%s办理公证（%d项），预约码 %s。请提前上传材料供预审，争取只跑一次。",
			when(*v.Start), v.SiteName, len(v.MatterIDs), v.Code))
	}
	return v, replayed, nil
}

func (s *Service) checkMine(run []Slot, mine []Visit) error {
	start, end := run[0].Start, run[len(run)-1].End
	if len(mine) >= s.MaxActive {
		return ErrTooMany
	}
	for _, m := range mine {
		if m.Start != nil && m.End != nil && m.Start.Before(end) && start.Before(*m.End) {
			return ErrOverlap
		}
	}
	return nil
}

// newVisit fills what a visit carries: the sealed ID number and its keyed
// index, the green channel, and the fee-reduction flag (Notary Law Art. 34;
// Legal Aid Law Art. 53) when the ID number's index matches an approved
// legal-aid case — found by the index, never by decrypting.
func (s *Service) newVisit(ctx context.Context, residentID int64, kind Kind, ms []Matter, parties []Party, idNumber, group string) (Visit, error) {
	ids := make(IDs, len(ms))
	for i, m := range ms {
		ids[i] = m.ID
	}
	site, err := s.Office(ctx)
	if err != nil {
		return Visit{}, err
	}
	index := s.Box.Index("id", idNumber)
	aided, err := s.Store.ApprovedAid(ctx, index)
	if err != nil {
		return Visit{}, err
	}
	prio, why := Priority(idNumber, group, s.HomeAge, s.Now().In(calendar.Shanghai))
	return Visit{Code: NewCode(), Kind: kind, SiteID: site, ResidentID: residentID, MatterIDs: ids, Parties: parties,
		IDSealed: s.Box.Seal(idNumber), IDIndex: index, Priority: prio, PriorityReason: why, FeeReduced: aided,
		MaterialsState: MaterialsPending, Missing: Names{}}, nil
}

// codeAlphabet leaves out 0/O, 1/I/L: codes are read aloud and typed.
const codeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

// NewCode returns an 8-character visit code starting with N (notary).
func NewCode() string {
	b := []byte("N0000000")
	n := big.NewInt(int64(len(codeAlphabet)))
	for i := 1; i < len(b); i++ {
		k, _ := rand.Int(rand.Reader, n)
		b[i] = codeAlphabet[k.Int64()]
	}
	return string(b)
}

func when(t time.Time) string { return t.In(calendar.Shanghai).Format("1月2日 15:04") }

func (s *Service) notify(ctx context.Context, userID int64, kind, body string) {
	if err := s.Notify.NotifyUser(ctx, userID, kind, body); err != nil {
		s.Log.ErrorContext(ctx, "notice not sent", "kind", kind, "error", err.Error())
	}
}

// Release gives up a resident's hold.
func (s *Service) Release(ctx context.Context, holdID string, residentID int64) error {
	return s.Holds.Release(ctx, holdID, residentID)
}
