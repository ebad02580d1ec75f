package mediation

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/pii"
)

// Act takes a step on a dispute, as a mediator; the dispute, its event and
// any notices are written together.
func (s *Service) Act(ctx context.Context, v Viewer, id int64, act Action) (Dispute, error) {
	if !v.mediator() {
		if v.staff() {
			return Dispute{}, ErrMediatorsOnly
		}
		return Dispute{}, errNoDispute
	}
	// An assignment names a committee or room that must exist: looked up
	// before the dispute is locked.
	var named Dispute
	var assigned Event
	if act.Name == "assign" {
		named.Status = Accepted
		ev, err := s.assign(ctx, &named, act, v.ID, s.Now())
		if err != nil {
			return Dispute{}, err
		}
		assigned = ev
	}
	_, err := s.Store.ActOnDispute(ctx, id, func(d *Dispute) (Event, error) {
		ev, err := Apply(d, act, v.ID, s.Now())
		if err != nil {
			return Event{}, err
		}
		if act.Name == "assign" {
			ev.Note = assigned.Note
		}
		if d.Status == Unresolved {
			d.Notice = s.unresolvedNotice(*d)
		}
		return ev, nil
	})
	if errs.Is(err, errs.NotFound) {
		return Dispute{}, errNoDispute
	}
	if err != nil {
		return Dispute{}, err
	}
	return s.Get(ctx, v, id)
}

// unresolvedNotice tells every party with a phone that mediation ended
// without agreement and which routes remain (Art. 26); the dispute's page
// prints the same as a letter.
func (s *Service) unresolvedNotice(d Dispute) *Notices {
	n := &Notices{Kind: "mediation_unresolved", Body: UnresolvedText(d)}
	for _, p := range d.Parties {
		phone := s.open(p.PhoneSealed)
		if phone == "" {
			continue
		}
		n.Recipients = append(n.Recipients, Recipient{Sealed: p.PhoneSealed, Index: s.Box.Index("phone", phone), Masked: pii.MaskPhone(phone)})
	}
	if len(n.Recipients) == 0 {
		return nil
	}
	return n
}

// UnresolvedText is the notice of Art. 26 for a dispute.
func UnresolvedText(d Dispute) string {
	return fmt.Sprintf("【人民调解】您的纠纷（编号%s）经调解未能达成协议，已终止调解。依照《中华人民共和国人民调解法》第二十六条，"+
		"您可以依法通过仲裁、行政、司法等途径维护自己的权利，建议您%s。经济困难的，可以向法律援助中心申请法律援助。",
		d.Number, Routes[d.ReferredTo])
}

// Board is the mediators' board: the disputes of the chosen columns with
// their clocks (overdue first, then the nearest due date), and the count
// in every column.
type Board struct {
	Items   []Dispute      `json:"items"`
	Counts  map[Status]int `json:"counts"`
	Overdue int            `json:"overdue"`
	NearDue int            `json:"near_due"`
}

// Board returns the board; by default the open columns. Names are masked
// and the read is audited.
func (s *Service) Board(ctx context.Context, v Viewer, f Filter) (Board, error) {
	if !v.staff() {
		return Board{}, ErrMediatorsOnly
	}
	e := errs.Fields{}
	for _, st := range f.Statuses {
		if !slices.Contains(Statuses, st) {
			e.Add("status", "未知的状态", "unknown status")
			break
		}
	}
	if len([]rune(f.Township)) > 30 {
		e.Add("township", "乡镇（街道）不超过30字", "at most 30 characters")
	}
	if err := e.Err(); err != nil {
		return Board{}, err
	}
	if len(f.Statuses) == 0 {
		f.Statuses = []Status{Accepted, Mediating}
	}
	f.Limit = 500
	list, err := s.Store.Disputes(ctx, f)
	if err != nil {
		return Board{}, err
	}
	counts, err := s.Store.DisputeCounts(ctx, f.Township)
	if err != nil {
		return Board{}, err
	}
	if err := s.Store.AuditReadDetail(ctx, v.ID, "mediation_board", 0, fmt.Sprintf("n=%d", len(list))); err != nil {
		return Board{}, err
	}
	b := Board{Items: list, Counts: map[Status]int{}}
	for _, st := range Statuses {
		b.Counts[st] = counts[st]
	}
	today := s.today()
	for i := range b.Items {
		s.reveal(&b.Items[i], false)
		b.Items[i].Clock = ClockOf(b.Items[i], today)
		if c := b.Items[i].Clock; c != nil && c.Overdue {
			b.Overdue++
		} else if c != nil && c.NearDue {
			b.NearDue++
		}
	}
	Sort(b.Items)
	return b, nil
}

// Sort puts open disputes by due date (overdue ones come first by
// nature), closed ones after by their closing, newest first.
func Sort(list []Dispute) {
	slices.SortStableFunc(list, func(x, y Dispute) int {
		switch {
		case x.Clock != nil && y.Clock != nil:
			return cmp.Or(x.Clock.Due.Compare(y.Clock.Due), cmp.Compare(x.ID, y.ID))
		case x.Clock != nil:
			return -1
		case y.Clock != nil:
			return 1
		}
		return cmp.Compare(y.ID, x.ID)
	})
}
