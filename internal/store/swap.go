package store

import (
	"context"

	"github.com/jmoiron/sqlx"

	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/roster"
)

// ApplyLeave records the leave and its moves in one transaction.
func (s *Store) ApplyLeave(ctx context.Context, actor int64, l *roster.Leave, moves []roster.Move) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		const q = `INSERT INTO absences (lawyer_id, date_from, date_to, kind, reason, created_at) VALUES (?, ?, ?, 'leave', ?, ?)`
		res, err := tx.ExecContext(ctx, q, l.LawyerID, l.From, l.To, l.Reason, s.now())
		if err != nil {
			return err
		}
		if l.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		for _, m := range moves {
			if err := s.moveShift(ctx, tx, actor, m); err != nil {
				return err
			}
		}
		return nil
	})
}

// CreateSwap stores a proposal; one open proposal per shift.
func (s *Store) CreateSwap(ctx context.Context, sw *roster.Swap) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		var n int
		if err := tx.GetContext(ctx, &n, `SELECT COUNT(*) FROM shift_swaps WHERE shift_id = ? AND status = 'proposed'`, sw.ShiftID); err != nil {
			return err
		}
		if n > 0 {
			return errs.New(errs.Conflict, "该值班已有待处理的换班申请", "this shift already has an open swap")
		}
		const q = `INSERT INTO shift_swaps (shift_id, from_lawyer, to_lawyer, status, created_at) VALUES (?, ?, ?, ?, ?)`
		res, err := tx.ExecContext(ctx, q, sw.ShiftID, sw.FromLawyer, sw.ToLawyer, sw.Status, sw.CreatedAt)
		if err != nil {
			return err
		}
		sw.ID, err = res.LastInsertId()
		return err
	})
}

const swapColumns = `id, shift_id, from_lawyer, to_lawyer, status, created_at, decided_at`

// Swap returns one proposal.
func (s *Store) Swap(ctx context.Context, id int64) (roster.Swap, error) {
	var sw roster.Swap
	err := s.db.GetContext(ctx, &sw, `SELECT `+swapColumns+` FROM shift_swaps WHERE id = ?`, id)
	return sw, translate(err)
}

// Swaps lists proposals to or from a lawyer (all when lawyerID is 0), newest first.
func (s *Store) Swaps(ctx context.Context, lawyerID int64) ([]roster.Swap, error) {
	q, args := `SELECT `+swapColumns+` FROM shift_swaps`, []any{}
	if lawyerID != 0 {
		q, args = q+` WHERE from_lawyer = ? OR to_lawyer = ?`, []any{lawyerID, lawyerID}
	}
	out := []roster.Swap{}
	err := s.db.SelectContext(ctx, &out, q+` ORDER BY id DESC LIMIT 200`, args...)
	return out, translate(err)
}

// DecideSwap closes a proposal and applies its move, in one transaction.
func (s *Store) DecideSwap(ctx context.Context, actor, id int64, status string, move *roster.Move) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		const q = `UPDATE shift_swaps SET status = ?, decided_at = ? WHERE id = ? AND status = 'proposed'`
		if err := execOne(ctx, tx, q, status, s.now(), id); err != nil {
			return roster.ErrSwapClosed
		}
		if move == nil {
			return nil
		}
		return s.moveShift(ctx, tx, actor, *move)
	})
}
