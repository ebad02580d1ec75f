package store

import (
	"context"
	"strings"

	"github.com/jmoiron/sqlx"

	"github.com/legaldesk/legaldesk/internal/mediation"
)

// historyBatch rows go in one multi-row INSERT: few round trips on MySQL,
// and well under SQLite's limit of bound variables per statement.
const historyBatch = 100

// StaffID is the first active account with the role (0 when none).
func (s *Store) StaffID(ctx context.Context, role string) (int64, error) {
	var id int64
	err := s.db.GetContext(ctx, &id, `SELECT COALESCE(MIN(id), 0) FROM users WHERE role = ? AND active = 1`, role)
	return id, translate(err)
}

// InsertDisputeHistory writes a batch of past disputes (the demo history)
// with their parties and events in one transaction, unless disputes with
// the numbers' prefix are there already; it returns how many it wrote.
// Events name their dispute by its index in list.
func (s *Store) InsertDisputeHistory(ctx context.Context, prefix string, list []mediation.Dispute, events [][]mediation.Event) (int, error) {
	written := 0
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		var n int
		if err := tx.GetContext(ctx, &n, `SELECT COUNT(*) FROM disputes WHERE number LIKE ?`, prefix+"%"); err != nil || n > 0 {
			return err
		}
		if err := insertHistoryDisputes(ctx, tx, list); err != nil {
			return err
		}
		var rows []struct {
			ID     int64  `db:"id"`
			Number string `db:"number"`
		}
		if err := tx.SelectContext(ctx, &rows, `SELECT id, number FROM disputes WHERE number LIKE ?`, prefix+"%"); err != nil {
			return err
		}
		ids := map[string]int64{}
		for _, r := range rows {
			ids[r.Number] = r.ID
		}
		var parties []mediation.Party
		var evs []mediation.Event
		for i, d := range list {
			for _, p := range d.Parties {
				p.DisputeID = ids[d.Number]
				parties = append(parties, p)
			}
			for _, ev := range events[i] {
				ev.DisputeID = ids[d.Number]
				evs = append(evs, ev)
			}
		}
		if err := insertHistoryParties(ctx, tx, parties); err != nil {
			return err
		}
		written = len(list)
		return insertHistoryEvents(ctx, tx, evs)
	})
	return written, err
}

// batched runs one prepared multi-row INSERT per full batch and one more
// for the rest; row(i) gives the values of the i-th row.
func batched(ctx context.Context, tx *sqlx.Tx, head, tuple string, n int, row func(i int) []any) error {
	var stmt *sqlx.Stmt
	defer func() {
		if stmt != nil {
			stmt.Close()
		}
	}()
	for start := 0; start < n; start += historyBatch {
		end := min(start+historyBatch, n)
		var args []any
		for i := start; i < end; i++ {
			args = append(args, row(i)...)
		}
		q := head + strings.TrimSuffix(strings.Repeat(tuple+", ", end-start), ", ")
		if end-start < historyBatch {
			if _, err := tx.ExecContext(ctx, q, args...); err != nil {
				return err
			}
			continue
		}
		if stmt == nil {
			var err error
			if stmt, err = tx.PreparexContext(ctx, q); err != nil {
				return err
			}
		}
		if _, err := stmt.ExecContext(ctx, args...); err != nil {
			return err
		}
	}
	return nil
}

func insertHistoryDisputes(ctx context.Context, tx *sqlx.Tx, list []mediation.Dispute) error {
	const head = `INSERT INTO disputes (number, type, summary, township, status, source, committee_id, room_site_id, accepted_at,
		due_at, closed_at, agreement_date, agreement, referred_to, close_note, created_by, demo, created_at, updated_at) VALUES `
	return batched(ctx, tx, head, "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)", len(list), func(i int) []any {
		d := list[i]
		var closed any
		if d.ClosedAt != nil {
			closed = d.ClosedAt.UTC()
		}
		return []any{d.Number, d.Type, d.Summary, d.Township, d.Status, d.Source, d.CommitteeID, d.RoomSiteID, d.AcceptedAt.UTC(),
			d.DueAt.UTC(), closed, d.AgreementDate, d.Agreement, d.ReferredTo, d.CloseNote, d.CreatedBy, d.CreatedAt.UTC(), d.UpdatedAt.UTC()}
	})
}

func insertHistoryParties(ctx context.Context, tx *sqlx.Tx, list []mediation.Party) error {
	const head = `INSERT INTO dispute_parties (` + partyColumns + `) VALUES `
	return batched(ctx, tx, head, "(?, ?, ?, ?, ?, ?)", len(list), func(i int) []any {
		p := list[i]
		return []any{p.DisputeID, p.Role, p.NameSealed, p.PhoneSealed, p.IDSealed, p.Position}
	})
}

func insertHistoryEvents(ctx context.Context, tx *sqlx.Tx, list []mediation.Event) error {
	const head = `INSERT INTO dispute_events (dispute_id, actor_id, from_status, to_status, note, at) VALUES `
	return batched(ctx, tx, head, "(?, ?, ?, ?, ?, ?)", len(list), func(i int) []any {
		ev := list[i]
		return []any{ev.DisputeID, ev.ActorID, ev.From, ev.To, ev.Note, ev.At.UTC()}
	})
}
