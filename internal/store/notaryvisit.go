package store

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/notary"
)

const visitQuery = `SELECT v.id, v.code, v.kind, v.site_id, s.name AS site_name, v.resident_id, r.name AS resident_name, v.status,
	v.matter_ids, v.parties, v.id_sealed, v.id_index, v.priority, v.priority_reason, v.fee_reduced, v.materials_state, v.missing,
	v.checked_at, v.certificate_no, v.fee_charged, v.fee_waived, v.address, v.reason, v.preferred_dates, v.notary_name,
	v.cancel_reason, v.starts_at, v.ends_at, v.created_at
	FROM notary_visits v JOIN sites s ON s.id = v.site_id JOIN users r ON r.id = v.resident_id`

func localVisit(v *notary.Visit) {
	for _, t := range []*time.Time{v.Start, v.End, v.CheckedAt} {
		if t != nil {
			*t = t.In(calendar.Shanghai)
		}
	}
	v.CreatedAt = v.CreatedAt.In(calendar.Shanghai)
}

func (s *Store) findVisit(ctx context.Context, q sqlx.QueryerContext, id int64) (notary.Visit, error) {
	var v notary.Visit
	err := sqlx.GetContext(ctx, q, &v, visitQuery+` WHERE v.id = ?`, id)
	localVisit(&v)
	return v, translate(err)
}

func (s *Store) visits(ctx context.Context, where string, args ...any) ([]notary.Visit, error) {
	out := []notary.Visit{}
	err := s.db.SelectContext(ctx, &out, visitQuery+where, args...)
	for i := range out {
		localVisit(&out[i])
	}
	return out, translate(err)
}

// NotaryVisit returns one visit.
func (s *Store) NotaryVisit(ctx context.Context, id int64) (notary.Visit, error) {
	return s.findVisit(ctx, s.db, id)
}

// ResidentNotaryVisits lists a resident's visits, the newest first.
func (s *Store) ResidentNotaryVisits(ctx context.Context, residentID int64) ([]notary.Visit, error) {
	return s.visits(ctx, ` WHERE v.resident_id = ? ORDER BY v.created_at DESC, v.id DESC LIMIT 100`, residentID)
}

// NotaryDay lists the visits starting from..to that were not cancelled.
func (s *Store) NotaryDay(ctx context.Context, from, to time.Time) ([]notary.Visit, error) {
	return s.visits(ctx, ` WHERE v.starts_at >= ? AND v.starts_at < ? AND v.status <> 'cancelled' ORDER BY v.starts_at, v.id LIMIT 500`,
		from.UTC(), to.UTC())
}

// HomeRequests lists the home visits awaiting a date, oldest first.
func (s *Store) HomeRequests(ctx context.Context) ([]notary.Visit, error) {
	return s.visits(ctx, ` WHERE v.kind = 'home' AND v.status = 'requested' ORDER BY v.created_at, v.id LIMIT 200`)
}

// RequestHomeVisit records a home-visit request.
func (s *Store) RequestHomeVisit(ctx context.Context, v *notary.Visit) error {
	at := s.now()
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		id, err := s.insertVisit(ctx, tx, v, nil, nil, nil, at)
		if err != nil {
			return err
		}
		*v, err = s.findVisit(ctx, tx, id)
		return err
	})
}

// errOfficeFull: the office has no notary free to send out at that time.
var errOfficeFull = errs.New(errs.Conflict, "该时间公证处已约满，无法安排公证员外出，请另选时间", "the office is fully booked then; no notary can go out, choose another time").
	Field("starts_at", "该时间已约满", "fully booked then")

// ScheduleHomeVisit takes one notary off the office's slots from..to (a
// conditional update per slot: a place must be free) and books the visit,
// in one transaction.
func (s *Store) ScheduleHomeVisit(ctx context.Context, id int64, from, to time.Time, notaryName string, at time.Time) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		v, err := s.findVisit(ctx, tx, id)
		if err != nil {
			return err
		}
		var slots []int64
		const q = `SELECT id FROM notary_slots WHERE site_id = ? AND starts_at < ? AND ends_at > ? ORDER BY starts_at`
		if err := tx.SelectContext(ctx, &slots, q, v.SiteID, to.UTC(), from.UTC()); err != nil {
			return err
		}
		for _, sl := range slots {
			res, err := tx.ExecContext(ctx, `UPDATE notary_slots SET capacity = capacity - 1 WHERE id = ? AND booked < capacity`, sl)
			if err != nil {
				return err
			}
			if n, err := res.RowsAffected(); err != nil || n != 1 {
				return errOfficeFull
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO notary_visit_slots (visit_id, slot_id) VALUES (?, ?)`, id, sl); err != nil {
				return err
			}
		}
		const upd = `UPDATE notary_visits SET status = 'booked', starts_at = ?, ends_at = ?, notary_name = ?, updated_at = ?
			WHERE id = ? AND status = 'requested'`
		if err := execOne(ctx, tx, upd, from.UTC(), to.UTC(), notaryName, at.UTC(), id); err != nil {
			return notary.ErrNotActive
		}
		return nil
	})
}

// SetNotaryMaterials records a pre-check of an open visit.
func (s *Store) SetNotaryMaterials(ctx context.Context, id int64, state string, missing []string, status notary.Status, at time.Time) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		const q = `UPDATE notary_visits SET materials_state = ?, missing = ?, status = ?, checked_at = ?, updated_at = ?
			WHERE id = ? AND status IN ('requested', 'booked', 'checked')`
		if err := execOne(ctx, tx, q, state, notary.Names(missing), status, at.UTC(), at.UTC(), id); err != nil {
			return notary.ErrNotActive
		}
		return nil
	})
}

// FinishNotaryVisit closes an open visit; a cancellation gives back its
// places (an office visit's bookings, or the notary a home visit took out).
func (s *Store) FinishNotaryVisit(ctx context.Context, id int64, to notary.Status, certificate string, fee int, waived bool, reason string, at time.Time) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		v, err := s.findVisit(ctx, tx, id)
		if err != nil {
			return err
		}
		const q = `UPDATE notary_visits SET status = ?, active_slot = NULL, certificate_no = ?, fee_charged = ?, fee_waived = ?,
			cancel_reason = ?, updated_at = ? WHERE id = ? AND status IN ('requested', 'booked', 'checked')`
		if err := execOne(ctx, tx, q, to, certificate, fee, waived, reason, at.UTC(), id); err != nil {
			return notary.ErrNotActive
		}
		if to != notary.Cancelled {
			return nil
		}
		free := `UPDATE notary_slots SET booked = booked - 1 WHERE booked > 0 AND id IN (SELECT slot_id FROM notary_visit_slots WHERE visit_id = ?)`
		if v.Kind == notary.Home {
			free = `UPDATE notary_slots SET capacity = capacity + 1 WHERE id IN (SELECT slot_id FROM notary_visit_slots WHERE visit_id = ?)`
		}
		_, err = tx.ExecContext(ctx, free, id)
		return err
	})
}

const uploadColumns = `id, visit_id, item, name, type, size, stored, uploaded_by, created_at`

// AddNotaryUpload records a file, within the visit's total size limit.
func (s *Store) AddNotaryUpload(ctx context.Context, u *notary.Upload, limit int64) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		var one int64
		if err := tx.GetContext(ctx, &one, `SELECT id FROM notary_visits WHERE id = ?`+s.forUpdate(), u.VisitID); err != nil {
			return err
		}
		var used int64
		if err := tx.GetContext(ctx, &used, `SELECT COALESCE(SUM(size), 0) FROM notary_materials WHERE visit_id = ?`, u.VisitID); err != nil {
			return err
		}
		if used+u.Size > limit {
			return errs.New(errs.TooLarge, "本次公证的材料总量已达上限", "this visit's files reached their size limit").Field("file", "材料总量超限", "over the total limit")
		}
		const q = `INSERT INTO notary_materials (visit_id, item, name, type, size, stored, uploaded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
		res, err := tx.ExecContext(ctx, q, u.VisitID, u.Item, u.Name, u.Type, u.Size, u.Stored, u.UploadedBy, u.CreatedAt.UTC())
		if err != nil {
			return err
		}
		u.ID, err = res.LastInsertId()
		return err
	})
}

// NotaryUploads lists a visit's files in upload order.
func (s *Store) NotaryUploads(ctx context.Context, visitID int64) ([]notary.Upload, error) {
	out := []notary.Upload{}
	err := s.db.SelectContext(ctx, &out, `SELECT `+uploadColumns+` FROM notary_materials WHERE visit_id = ? ORDER BY id`, visitID)
	for i := range out {
		out[i].CreatedAt = out[i].CreatedAt.In(calendar.Shanghai)
	}
	return out, translate(err)
}

// NotaryUpload returns one file's record.
func (s *Store) NotaryUpload(ctx context.Context, id int64) (notary.Upload, error) {
	var u notary.Upload
	err := s.db.GetContext(ctx, &u, `SELECT `+uploadColumns+` FROM notary_materials WHERE id = ?`, id)
	return u, translate(err)
}

// DueNotaryVisits lists booked visits starting in (from, to], booked at
// least lead before their start, with no notice of kind yet.
func (s *Store) DueNotaryVisits(ctx context.Context, kind string, from, to time.Time, lead time.Duration) ([]notary.Visit, error) {
	rows, err := s.visits(ctx, ` WHERE v.status IN ('booked', 'checked') AND v.starts_at > ? AND v.starts_at <= ?
		AND NOT EXISTS (SELECT 1 FROM notary_notices n WHERE n.visit_id = v.id AND n.kind = ?) ORDER BY v.starts_at LIMIT 500`,
		from.UTC(), to.UTC(), kind)
	if err != nil {
		return nil, err
	}
	out := rows[:0]
	for _, v := range rows {
		if v.Start != nil && !v.CreatedAt.After(v.Start.Add(-lead)) {
			out = append(out, v)
		}
	}
	return out, nil
}

// MarkNotaryNotice records a notice once; false when another got there first.
func (s *Store) MarkNotaryNotice(ctx context.Context, visitID int64, kind string, at time.Time) (bool, error) {
	_, err := s.db.ExecContext(ctx, `INSERT INTO notary_notices (visit_id, kind, sent_at) VALUES (?, ?, ?)`, visitID, kind, at.UTC())
	if errs.Is(translate(err), errs.Conflict) {
		return false, nil
	}
	return err == nil, translate(err)
}

// NotaryDoneByMonth counts the matters of visits done per month of a year
// (by the visit's start, China time), for the statistics.
func (s *Store) NotaryDoneByMonth(ctx context.Context, year int) (map[int]int, error) {
	var rows []struct {
		Start   time.Time  `db:"starts_at"`
		Matters notary.IDs `db:"matter_ids"`
	}
	from := time.Date(year, 1, 1, 0, 0, 0, 0, calendar.Shanghai)
	const q = `SELECT starts_at, matter_ids FROM notary_visits WHERE status = 'done' AND starts_at >= ? AND starts_at < ?`
	if err := s.db.SelectContext(ctx, &rows, q, from.UTC(), from.AddDate(1, 0, 0).UTC()); err != nil {
		return nil, translate(err)
	}
	out := map[int]int{}
	for _, r := range rows {
		out[int(r.Start.In(calendar.Shanghai).Month())] += len(r.Matters)
	}
	return out, nil
}
