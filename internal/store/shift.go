package store

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/roster"
)

const shiftColumns = `id, site_id, COALESCE(rule_id, 0) AS rule_id, COALESCE(lawyer_id, 0) AS lawyer_id, date, session, seat, starts_at, ends_at`

type shiftRow struct {
	ID       int64     `db:"id"`
	SiteID   int64     `db:"site_id"`
	RuleID   int64     `db:"rule_id"`
	LawyerID int64     `db:"lawyer_id"`
	Date     string    `db:"date"`
	Session  int       `db:"session"`
	Seat     int       `db:"seat"`
	Start    time.Time `db:"starts_at"`
	End      time.Time `db:"ends_at"`
}

func (r shiftRow) shift() roster.Shift {
	s := roster.Shift{ID: r.ID, SiteID: r.SiteID, RuleID: r.RuleID, LawyerID: r.LawyerID, Session: r.Session,
		Seat: r.Seat, Start: r.Start.In(calendar.Shanghai), End: r.End.In(calendar.Shanghai)}
	s.Date.Scan(r.Date)
	return s
}

// Shifts lists published shifts in date and start order.
func (s *Store) Shifts(ctx context.Context, f roster.ShiftFilter) ([]roster.Shift, error) {
	return s.shifts(ctx, s.db, f)
}

func (s *Store) shifts(ctx context.Context, q sqlx.QueryerContext, f roster.ShiftFilter) ([]roster.Shift, error) {
	where, args := []string{"1 = 1"}, []any{}
	if len(f.SiteIDs) > 0 {
		where = append(where, "site_id IN ("+placeholders(len(f.SiteIDs))+")")
		args = append(args, int64Args(f.SiteIDs)...)
	}
	if f.LawyerID != 0 {
		where, args = append(where, "lawyer_id = ?"), append(args, f.LawyerID)
	}
	if f.Unfilled {
		where = append(where, "lawyer_id IS NULL")
	}
	if !f.From.IsZero() {
		where, args = append(where, "date >= ?"), append(args, f.From)
	}
	if !f.To.IsZero() {
		where, args = append(where, "date <= ?"), append(args, f.To)
	}
	var rows []shiftRow
	query := `SELECT ` + shiftColumns + ` FROM shifts WHERE ` + strings.Join(where, " AND ") + ` ORDER BY date, starts_at, site_id, seat`
	if err := sqlx.SelectContext(ctx, q, &rows, query, args...); err != nil {
		return nil, translate(err)
	}
	out := make([]roster.Shift, len(rows))
	for i, r := range rows {
		out[i] = r.shift()
	}
	return out, nil
}

// Shift returns one shift.
func (s *Store) Shift(ctx context.Context, id int64) (roster.Shift, error) {
	var r shiftRow
	err := s.db.GetContext(ctx, &r, `SELECT `+shiftColumns+` FROM shifts WHERE id = ?`, id)
	return r.shift(), translate(err)
}

func nullID(id int64) sql.NullInt64 { return sql.NullInt64{Int64: id, Valid: id != 0} }

// Publish replaces the roster of the plan's sites and period in one
// transaction. A shift with booked slots is never deleted and its slots keep
// their times; only its lawyer may change, and then it is reported.
func (s *Store) Publish(ctx context.Context, actor int64, p roster.Plan) (roster.PublishReport, error) {
	var rep roster.PublishReport
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		rep = roster.PublishReport{ChangedBooked: []int64{}}
		existing, err := s.lockShifts(ctx, tx, p)
		if err != nil {
			return err
		}
		booked, err := s.bookedByShift(ctx, tx, p)
		if err != nil {
			return err
		}
		history, closed, err := s.shiftRecords(ctx, tx, p)
		if err != nil {
			return err
		}
		want := map[roster.Place]roster.Shift{}
		for _, sh := range p.Shifts {
			want[sh.PlaceOf()] = sh
		}
		for _, old := range existing {
			next, keep := want[old.PlaceOf()]
			delete(want, old.PlaceOf())
			if err := s.reconcile(ctx, tx, actor, old, next, keep, booked[old.ID], history[old.ID], &rep); err != nil {
				return err
			}
			if kind := roster.Classify(old, next, keep, booked[old.ID]); closed[old.ID] && (kind == roster.Unchanged || kind == roster.Reassigned) {
				// A day closed before and wanted again: its places back.
				const q = `UPDATE slots SET capacity = ? WHERE shift_id = ? AND capacity = 0`
				if _, err := tx.ExecContext(ctx, q, max(next.Capacity, 1), old.ID); err != nil {
					return err
				}
			}
		}
		for _, sh := range p.Shifts {
			if _, ok := want[sh.PlaceOf()]; ok {
				if err := s.insertShift(ctx, tx, actor, sh); err != nil {
					return err
				}
				rep.Created++
			}
		}
		return s.audit(ctx, tx, actor, "publish", "roster", 0, p.From.String()+".."+p.To.String())
	})
	return rep, err
}

// Published lists the plan's sites' shifts in its period with the places
// booked on each, without locking: what a publish would start from.
func (s *Store) Published(ctx context.Context, p roster.Plan) ([]roster.Shift, map[int64]int, error) {
	shifts, err := s.shiftsOf(ctx, s.db, p, "")
	if err != nil {
		return nil, nil, translate(err)
	}
	booked, err := s.bookedByShift(ctx, s.db, p)
	return shifts, booked, translate(err)
}

func (s *Store) lockShifts(ctx context.Context, tx *sqlx.Tx, p roster.Plan) ([]roster.Shift, error) {
	return s.shiftsOf(ctx, tx, p, s.forUpdate())
}

func (s *Store) shiftsOf(ctx context.Context, q sqlx.QueryerContext, p roster.Plan, lock string) ([]roster.Shift, error) {
	if len(p.SiteIDs) == 0 {
		return nil, nil
	}
	query := `SELECT ` + shiftColumns + ` FROM shifts WHERE site_id IN (` + placeholders(len(p.SiteIDs)) + `) AND date >= ? AND date <= ?
		ORDER BY id` + lock
	var rows []shiftRow
	if err := sqlx.SelectContext(ctx, q, &rows, query, append(int64Args(p.SiteIDs), p.From, p.To)...); err != nil {
		return nil, err
	}
	out := make([]roster.Shift, len(rows))
	for i, r := range rows {
		out[i] = r.shift()
	}
	return out, nil
}

func (s *Store) bookedByShift(ctx context.Context, q sqlx.QueryerContext, p roster.Plan) (map[int64]int, error) {
	out := map[int64]int{}
	if len(p.SiteIDs) == 0 {
		return out, nil
	}
	query := `SELECT sl.shift_id, SUM(sl.booked) AS booked FROM slots sl JOIN shifts sh ON sh.id = sl.shift_id
		WHERE sh.site_id IN (` + placeholders(len(p.SiteIDs)) + `) AND sh.date >= ? AND sh.date <= ? GROUP BY sl.shift_id`
	var rows []struct {
		ShiftID int64 `db:"shift_id"`
		Booked  int   `db:"booked"`
	}
	if err := sqlx.SelectContext(ctx, q, &rows, query, append(int64Args(p.SiteIDs), p.From, p.To)...); err != nil {
		return nil, err
	}
	for _, r := range rows {
		out[r.ShiftID] = r.Booked
	}
	return out, nil
}

// reconcile brings one existing shift in line with the new roster, as
// roster.Classify says (the preview's list of changes says the same).
//
// A shift with bookings in its history (cancelled ones: a resident who
// cancelled, a closed day) cannot be deleted — the bookings keep their
// slot — so where it would go it is retired instead (its slots take no
// more places), and it keeps its hours rather than being replaced.
func (s *Store) reconcile(ctx context.Context, tx *sqlx.Tx, actor int64, old, next roster.Shift, keep bool, booked int, history bool, rep *roster.PublishReport) error {
	switch roster.Classify(old, next, keep, booked) {
	case roster.KeptBooked:
		rep.KeptBooked++
	case roster.Removed:
		rep.Removed++
		if history {
			_, err := tx.ExecContext(ctx, `UPDATE slots SET capacity = 0, booked = 0 WHERE shift_id = ?`, old.ID)
			return err
		}
		return s.deleteShift(ctx, tx, actor, old)
	case roster.Retimed:
		if history {
			rep.KeptBooked++
			return nil
		}
		if err := s.deleteShift(ctx, tx, actor, old); err != nil {
			return err
		}
		rep.Updated++
		return s.insertShift(ctx, tx, actor, next)
	case roster.Reassigned:
		rep.Updated++
		if booked > 0 {
			rep.ChangedBooked = append(rep.ChangedBooked, old.ID)
		}
		return s.moveShift(ctx, tx, actor, roster.Move{ShiftID: old.ID, From: old.LawyerID, To: next.LawyerID, Reason: "publish"})
	}
	return nil
}

func (s *Store) insertShift(ctx context.Context, tx *sqlx.Tx, actor int64, sh roster.Shift) error {
	now := s.now()
	const q = `INSERT INTO shifts (site_id, rule_id, lawyer_id, date, session, seat, starts_at, ends_at, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	res, err := tx.ExecContext(ctx, q, sh.SiteID, nullID(sh.RuleID), nullID(sh.LawyerID), sh.Date, sh.Session, sh.Seat,
		sh.Start.UTC(), sh.End.UTC(), now, now)
	if err != nil {
		return err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return err
	}
	step := time.Duration(max(sh.SlotMinutes, 1)) * time.Minute
	const qs = `INSERT INTO slots (shift_id, site_id, lawyer_id, starts_at, ends_at, capacity, booked) VALUES (?, ?, ?, ?, ?, ?, 0)`
	for t := sh.Start; t.Before(sh.End); t = t.Add(step) {
		if _, err := tx.ExecContext(ctx, qs, id, sh.SiteID, nullID(sh.LawyerID), t.UTC(), t.Add(step).UTC(), max(sh.Capacity, 1)); err != nil {
			return err
		}
	}
	return s.logChange(ctx, tx, actor, roster.Move{ShiftID: id, To: sh.LawyerID, Reason: "publish"})
}

func (s *Store) deleteShift(ctx context.Context, tx *sqlx.Tx, actor int64, sh roster.Shift) error {
	for _, q := range []string{`DELETE FROM slots WHERE shift_id = ?`, `DELETE FROM shift_swaps WHERE shift_id = ?`, `DELETE FROM shifts WHERE id = ?`} {
		if _, err := tx.ExecContext(ctx, q, sh.ID); err != nil {
			return err
		}
	}
	return s.logChange(ctx, tx, actor, roster.Move{ShiftID: sh.ID, From: sh.LawyerID, Reason: "removed"})
}

// moveShift hands a shift and its slots to another lawyer, if it is still
// held by m.From; otherwise it is a conflict.
func (s *Store) moveShift(ctx context.Context, tx *sqlx.Tx, actor int64, m roster.Move) error {
	const q = `UPDATE shifts SET lawyer_id = ?, updated_at = ? WHERE id = ? AND COALESCE(lawyer_id, 0) = ?`
	res, err := tx.ExecContext(ctx, q, nullID(m.To), s.now(), m.ShiftID, m.From)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return errs.New(errs.Conflict, "值班已被他人修改，请刷新后重试", "the shift changed meanwhile; reload and try again")
	}
	if _, err := tx.ExecContext(ctx, `UPDATE slots SET lawyer_id = ? WHERE shift_id = ?`, nullID(m.To), m.ShiftID); err != nil {
		return err
	}
	return s.logChange(ctx, tx, actor, m)
}

func (s *Store) logChange(ctx context.Context, tx *sqlx.Tx, actor int64, m roster.Move) error {
	const q = `INSERT INTO shift_changes (shift_id, from_lawyer, to_lawyer, reason, actor, at) VALUES (?, ?, ?, ?, ?, ?)`
	_, err := tx.ExecContext(ctx, q, m.ShiftID, nullID(m.From), nullID(m.To), m.Reason, nullID(actor), s.now())
	return err
}

// ShiftChanges lists a shift's history, oldest first.
func (s *Store) ShiftChanges(ctx context.Context, shiftID int64) ([]roster.ShiftChange, error) {
	const q = `SELECT shift_id, from_lawyer, to_lawyer, reason, actor, at FROM shift_changes WHERE shift_id = ? ORDER BY id`
	out := []roster.ShiftChange{}
	err := s.db.SelectContext(ctx, &out, q, shiftID)
	return out, translate(err)
}

// ShiftLawyer is the lawyer on duty for a shift (0 for an open seat).
func (s *Store) ShiftLawyer(ctx context.Context, shiftID int64) (int64, error) {
	var id int64
	err := s.db.GetContext(ctx, &id, `SELECT COALESCE(lawyer_id, 0) FROM shifts WHERE id = ?`, shiftID)
	return id, translate(err)
}

// shiftRecords says which of the plan's shifts have bookings of any status
// on them (history) and which have slots closed to bookings (closed).
func (s *Store) shiftRecords(ctx context.Context, tx *sqlx.Tx, p roster.Plan) (history, closed map[int64]bool, err error) {
	history, closed = map[int64]bool{}, map[int64]bool{}
	if len(p.SiteIDs) == 0 {
		return history, closed, nil
	}
	in := placeholders(len(p.SiteIDs))
	args := append(int64Args(p.SiteIDs), p.From, p.To)
	var ids []int64
	q := `SELECT DISTINCT sl.shift_id FROM bookings b JOIN slots sl ON sl.id = b.slot_id JOIN shifts sh ON sh.id = sl.shift_id
		WHERE sh.site_id IN (` + in + `) AND sh.date >= ? AND sh.date <= ?`
	if err := tx.SelectContext(ctx, &ids, q, args...); err != nil {
		return nil, nil, err
	}
	for _, id := range ids {
		history[id] = true
	}
	ids = nil
	q = `SELECT DISTINCT sl.shift_id FROM slots sl JOIN shifts sh ON sh.id = sl.shift_id
		WHERE sl.capacity = 0 AND sh.site_id IN (` + in + `) AND sh.date >= ? AND sh.date <= ?`
	if err := tx.SelectContext(ctx, &ids, q, args...); err != nil {
		return nil, nil, err
	}
	for _, id := range ids {
		closed[id] = true
	}
	return history, closed, nil
}
