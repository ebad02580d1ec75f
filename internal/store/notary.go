package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/notary"
)

const matterColumns = `id, name, category, materials, in_person_only, minutes, fee_note, home_visit, active`

// NotaryMatters lists the catalogue by category and name; query matches a
// name, a category or a material.
func (s *Store) NotaryMatters(ctx context.Context, query string, all bool) ([]notary.Matter, error) {
	var where []string
	var args []any
	if !all {
		where = append(where, `active = 1`)
	}
	if query != "" {
		like := "%" + escapeLike(query) + "%"
		where = append(where, `(name LIKE ? ESCAPE '!' OR category LIKE ? ESCAPE '!' OR materials LIKE ? ESCAPE '!')`)
		args = append(args, like, like, like)
	}
	q := `SELECT ` + matterColumns + ` FROM notary_matters`
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, " AND ")
	}
	out := []notary.Matter{}
	err := s.db.SelectContext(ctx, &out, q+` ORDER BY category, id LIMIT 200`, args...)
	return out, translate(err)
}

// NotaryMattersByID returns the matters with these ids, in id order.
func (s *Store) NotaryMattersByID(ctx context.Context, ids []int64) ([]notary.Matter, error) {
	out := []notary.Matter{}
	if len(ids) == 0 {
		return out, nil
	}
	q := `SELECT ` + matterColumns + ` FROM notary_matters WHERE id IN (` + placeholders(len(ids)) + `) ORDER BY id`
	err := s.db.SelectContext(ctx, &out, q, int64Args(ids)...)
	return out, translate(err)
}

// SaveNotaryMatter inserts a matter (ID 0) or updates one.
func (s *Store) SaveNotaryMatter(ctx context.Context, m *notary.Matter, at time.Time) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		if m.ID != 0 {
			const q = `UPDATE notary_matters SET name = ?, category = ?, materials = ?, in_person_only = ?, minutes = ?, fee_note = ?,
				home_visit = ?, active = ?, updated_at = ? WHERE id = ?`
			return execOne(ctx, tx, q, m.Name, m.Category, m.Materials, m.InPersonOnly, m.Minutes, m.FeeNote, m.HomeVisit, m.Active, at.UTC(), m.ID)
		}
		const q = `INSERT INTO notary_matters (name, category, materials, in_person_only, minutes, fee_note, home_visit, active, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		res, err := tx.ExecContext(ctx, q, m.Name, m.Category, m.Materials, m.InPersonOnly, m.Minutes, m.FeeNote, m.HomeVisit, m.Active, at.UTC(), at.UTC())
		if err != nil {
			return err
		}
		m.ID, err = res.LastInsertId()
		return err
	})
}

const notarySlotColumns = `id, site_id, starts_at, ends_at, capacity, booked`

func localNotarySlots(list []notary.Slot) {
	for i := range list {
		list[i].Start, list[i].End = list[i].Start.In(calendar.Shanghai), list[i].End.In(calendar.Shanghai)
		list[i].Remaining = max(list[i].Capacity-list[i].Booked, 0)
	}
}

// OpenNotarySlots inserts the slots that are not there yet, in one
// transaction; it returns how many it added.
func (s *Store) OpenNotarySlots(ctx context.Context, slots []notary.Slot) (int, error) {
	added := 0
	if len(slots) == 0 {
		return 0, nil
	}
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		var have []time.Time
		const q = `SELECT starts_at FROM notary_slots WHERE site_id = ? AND starts_at >= ? AND starts_at <= ?`
		if err := tx.SelectContext(ctx, &have, q, slots[0].SiteID, slots[0].Start.UTC(), slots[len(slots)-1].Start.UTC()); err != nil {
			return err
		}
		seen := map[int64]bool{}
		for _, t := range have {
			seen[t.Unix()] = true
		}
		for _, sl := range slots {
			if seen[sl.Start.Unix()] {
				continue
			}
			const ins = `INSERT INTO notary_slots (site_id, starts_at, ends_at, capacity, booked) VALUES (?, ?, ?, ?, 0)`
			if _, err := tx.ExecContext(ctx, ins, sl.SiteID, sl.Start.UTC(), sl.End.UTC(), sl.Capacity); err != nil {
				return err
			}
			added++
		}
		return nil
	})
	return added, err
}

// NotarySlots lists a site's slots starting from..to.
func (s *Store) NotarySlots(ctx context.Context, siteID int64, from, to time.Time) ([]notary.Slot, error) {
	out := []notary.Slot{}
	err := s.db.SelectContext(ctx, &out, `SELECT `+notarySlotColumns+` FROM notary_slots WHERE site_id = ? AND starts_at >= ? AND starts_at < ?
		ORDER BY starts_at`, siteID, from.UTC(), to.UTC())
	localNotarySlots(out)
	return out, translate(err)
}

// NotarySlot returns one slot.
func (s *Store) NotarySlot(ctx context.Context, id int64) (notary.Slot, error) {
	var sl notary.Slot
	err := s.db.GetContext(ctx, &sl, `SELECT `+notarySlotColumns+` FROM notary_slots WHERE id = ?`, id)
	list := []notary.Slot{sl}
	localNotarySlots(list)
	return list[0], translate(err)
}

// BookNotary books a package on consecutive slots in one transaction, all
// or nothing: the resident locked (a concurrent retry then sees this one's
// idempotency record), the run read and checked, a conditional update per
// slot in start order (the guard: 0 rows means full, and the whole
// transaction rolls back), the visit insert under its UNIQUE keys.
func (s *Store) BookNotary(ctx context.Context, b notary.Booking) (notary.Visit, bool, error) {
	var v notary.Visit
	replayed := false
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		var one int64
		if err := tx.GetContext(ctx, &one, `SELECT id FROM users WHERE id = ?`+s.forUpdate(), b.Visit.ResidentID); err != nil {
			return err
		}
		if b.IdemKey != "" {
			id, err := s.notaryReplayed(ctx, tx, b.Visit.ResidentID, b.IdemKey, b.RequestHash)
			if err != nil || id != 0 {
				if id != 0 {
					replayed = true
					v, err = s.findVisit(ctx, tx, id)
				}
				return err
			}
		}
		id, err := s.bookRun(ctx, tx, b)
		if err != nil {
			return err
		}
		if b.IdemKey != "" {
			const q = `INSERT INTO idempotency_keys (user_id, idem_key, request_hash, status, response, created_at) VALUES (?, ?, ?, 201, ?, ?)`
			if _, err := tx.ExecContext(ctx, q, b.Visit.ResidentID, b.IdemKey, b.RequestHash, strconv.FormatInt(id, 10), b.At.UTC()); err != nil {
				return err
			}
		}
		v, err = s.findVisit(ctx, tx, id)
		return err
	})
	return v, replayed, err
}

func (s *Store) bookRun(ctx context.Context, tx *sqlx.Tx, b notary.Booking) (int64, error) {
	var first notary.Slot
	if err := tx.GetContext(ctx, &first, `SELECT `+notarySlotColumns+` FROM notary_slots WHERE id = ?`, b.FirstSlot); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return 0, errs.New(errs.NotFound, "时段不存在", "no such slot").Field("slot_id", "时段不存在", "no such slot")
		}
		return 0, err
	}
	var day []notary.Slot
	const q = `SELECT ` + notarySlotColumns + ` FROM notary_slots WHERE site_id = ? AND starts_at >= ? ORDER BY starts_at LIMIT ?`
	if err := tx.SelectContext(ctx, &day, q, first.SiteID, first.Start, b.N); err != nil {
		return 0, err
	}
	localNotarySlots(day)
	run, err := notary.Run(day, first.ID, b.N)
	if err != nil {
		return 0, err
	}
	var mine []notary.Visit
	if err := tx.SelectContext(ctx, &mine, visitQuery+` WHERE v.resident_id = ? AND v.status IN ('booked', 'checked') AND v.starts_at > ?`,
		b.Visit.ResidentID, b.At.UTC()); err != nil {
		return 0, err
	}
	if err := b.Check(run, mine); err != nil {
		return 0, err
	}
	for _, sl := range run {
		res, err := tx.ExecContext(ctx, `UPDATE notary_slots SET booked = booked + 1 WHERE id = ? AND booked < capacity`, sl.ID)
		if err != nil {
			return 0, err
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return 0, notary.ErrFull
		}
	}
	v := b.Visit
	start, end := run[0].Start.UTC(), run[len(run)-1].End.UTC()
	id, err := s.insertVisit(ctx, tx, &v, &run[0].ID, &start, &end, b.At)
	if errs.Is(translate(err), errs.Conflict) {
		return 0, notary.ErrAlreadyBooked
	}
	if err != nil {
		return 0, err
	}
	for _, sl := range run {
		if _, err := tx.ExecContext(ctx, `INSERT INTO notary_visit_slots (visit_id, slot_id) VALUES (?, ?)`, id, sl.ID); err != nil {
			return 0, err
		}
	}
	return id, nil
}

func (s *Store) insertVisit(ctx context.Context, tx *sqlx.Tx, v *notary.Visit, activeSlot *int64, start, end *time.Time, at time.Time) (int64, error) {
	const q = `INSERT INTO notary_visits (code, kind, site_id, resident_id, status, active_slot, matter_ids, parties, id_sealed, id_index,
		priority, priority_reason, fee_reduced, materials_state, missing, address, reason, preferred_dates, starts_at, ends_at, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	status := v.Status
	if status == "" {
		status = notary.Booked
	}
	res, err := tx.ExecContext(ctx, q, v.Code, v.Kind, v.SiteID, v.ResidentID, status, activeSlot, v.MatterIDs, v.Parties, v.IDSealed, v.IDIndex,
		v.Priority, v.PriorityReason, v.FeeReduced, v.MaterialsState, v.Missing, v.Address, v.Reason, v.PreferredDates, start, end, at.UTC(), at.UTC())
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// NotaryReplayed returns the visit of an earlier request with the same key.
func (s *Store) NotaryReplayed(ctx context.Context, residentID int64, key, hash string) (int64, error) {
	id, err := s.notaryReplayed(ctx, s.db, residentID, key, hash)
	return id, translate(err)
}

// notaryReplayed reads the key the confirm wrote in its transaction; the
// same key with another request is a conflict.
func (s *Store) notaryReplayed(ctx context.Context, q sqlx.QueryerContext, residentID int64, key, hash string) (int64, error) {
	var rec struct {
		Hash     string `db:"request_hash"`
		Response string `db:"response"`
	}
	err := sqlx.GetContext(ctx, q, &rec, `SELECT request_hash, response FROM idempotency_keys WHERE user_id = ? AND idem_key = ?`, residentID, key)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	if rec.Hash != hash {
		return 0, errs.ErrKeyReused
	}
	return strconv.ParseInt(rec.Response, 10, 64)
}

// ApprovedAid reports whether a legal-aid case with this ID number's keyed
// index was approved (whatever happened after: assigned, closed).
func (s *Store) ApprovedAid(ctx context.Context, idIndex string) (bool, error) {
	var n int
	const q = `SELECT COUNT(*) FROM legal_aid_applications WHERE id_index = ? AND status IN ('approved', 'assigned', 'closed')`
	err := s.db.GetContext(ctx, &n, q, idIndex)
	return n > 0, translate(err)
}

func (s *Store) seedNotary(ctx context.Context, tx *sqlx.Tx, matters []notary.Matter) error {
	at := s.now()
	const q = `INSERT INTO notary_matters (name, category, materials, in_person_only, minutes, fee_note, home_visit, active, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`
	for _, m := range matters {
		if _, err := tx.ExecContext(ctx, q, m.Name, m.Category, m.Materials, m.InPersonOnly, m.Minutes, m.FeeNote, m.HomeVisit, at, at); err != nil {
			return err
		}
	}
	return nil
}

// NotaryOffice is the first active notary office of the network.
func (s *Store) NotaryOffice(ctx context.Context) (int64, error) {
	var id int64
	err := s.db.GetContext(ctx, &id, `SELECT id FROM sites WHERE tier = 'notary' AND active = 1 ORDER BY id LIMIT 1`)
	return id, translate(err)
}
