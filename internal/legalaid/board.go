package legalaid

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/legaldesk/legaldesk/internal/errs"
)

// boardStatuses are the statuses a triage board may be filtered by.
var boardStatuses = []Status{Received, MaterialsRequested, Approved, Assigned, ObjectionPending,
	Withdrawn, DeemedWithdrawn, Refused, Closed, Terminated}

// checkBoard validates a board filter: known statuses only (each once), a
// known matter, a township of sensible length.
func checkBoard(f Filter) error {
	e := errs.Fields{}
	if len(f.Statuses) > len(boardStatuses) {
		e.Add("status", "状态过多", "too many statuses")
	}
	for _, st := range f.Statuses {
		if !slices.Contains(boardStatuses, st) {
			e.Add("status", "未知的状态", "unknown status")
			break
		}
	}
	if _, ok := Matters[f.Matter]; f.Matter != "" && !ok {
		e.Add("matter", "未知的案件类型", "unknown matter")
	}
	if !length(f.Township, 0, 30) {
		e.Add("township", "乡镇（街道）不超过30字", "at most 30 characters")
	}
	return e.Err()
}

// Queue is the officers' triage board, after deemed withdrawals are
// applied. The read is audited with the applications shown (PIPL).
func (s *Service) Queue(ctx context.Context, v Viewer, f Filter) ([]Queued, error) {
	if !v.officer() {
		return nil, errs.New(errs.Forbidden, "仅法律援助工作人员可查看", "officers only")
	}
	if err := checkBoard(f); err != nil {
		return nil, err
	}
	if err := s.Sweep(ctx); err != nil {
		return nil, err
	}
	if len(f.Statuses) == 0 {
		f.Statuses, f.AdvancePending = []Status{Received, MaterialsRequested, Approved, ObjectionPending}, true
	}
	list, err := s.Store.Applications(ctx, f)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(list))
	shown := make([]string, len(list))
	for i, a := range list {
		ids[i], shown[i] = a.ID, strconv.FormatInt(a.ID, 10)
	}
	if err := s.Store.AuditReadDetail(ctx, v.ID, "legal_aid_queue", 0, "ids="+strings.Join(shown, ",")); err != nil {
		return nil, err
	}
	objections, err := s.Store.PendingObjections(ctx, ids)
	if err != nil {
		return nil, err
	}
	today := s.today()
	q := make([]Queued, len(list))
	for i, a := range list {
		var filed *time.Time
		if o, ok := objections[a.ID]; ok {
			filed = &o.FiledAt
		}
		// The board shows numbers masked; the full ones are read one by one.
		shown, err := s.reveal(a, Viewer{})
		if err != nil {
			return nil, err
		}
		q[i] = Queued{Application: shown, Clock: ClockOf(a, filed, today)}
	}
	Triage(q)
	return q, nil
}

// Sweep deems withdrawn every application whose supplement deadline passed.
func (s *Service) Sweep(ctx context.Context) error {
	ids, err := s.Store.DueWithdrawals(ctx, s.today())
	if err != nil {
		return err
	}
	for _, id := range ids {
		_, err := s.Store.Act(ctx, id, func(a *Application) (Event, *Objection, error) {
			if !DueForWithdrawal(*a, s.today()) {
				return Event{}, nil, errs.New(errs.Conflict, "已处理", "already handled")
			}
			ev, err := Apply(a, Action{Name: "deem_withdrawn", Reason: "逾期未补充材料，视为撤回申请（《法律援助法》第四十三条）"}, System, 0, s.Now())
			if err == nil {
				ev.Notice = s.noticeFor(*a, ev)
			}
			return ev, nil, err
		})
		if err != nil && !errs.Is(err, errs.Conflict) {
			return err
		}
	}
	return nil
}
