package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/jmoiron/sqlx"

	"github.com/legaldesk/legaldesk/internal/booking"
)

// On MySQL a statement costs a round trip, and under load the server sat
// idle waiting for the next one: the confirm issued ten against the bare
// booking transaction's four. So the confirm sends its reads as one batch
// and its writes as another (the driver's multiStatements, with every
// parameter still escaped by the driver's interpolation); MySQL runs a
// batch's statements in order and stops at the first error, which is
// returned, and the transaction rolls back.

// confirmReadsBatch locks the resident and reads the idempotency record,
// the upcoming bookings and the slot in one round trip. The lock comes
// first: the reads after it wait for it, as they would one by one.
func (s *Store) confirmReadsBatch(ctx context.Context, tx *sqlx.Tx, c booking.Confirmation) (confirmIn, error) {
	var b batch
	b.add(lockResidentQuery+s.forUpdate(), c.ResidentID)
	if c.IdemKey != "" {
		b.add(idemQuery, c.ResidentID, c.IdemKey)
	}
	b.add(upcomingQuery, c.ResidentID, c.At.UTC())
	b.add(slotQuery+` WHERE sl.id = ?`, c.SlotID)
	rows, err := tx.QueryxContext(ctx, b.String(), b.args...)
	if err != nil {
		return confirmIn{}, err
	}
	defer rows.Close()
	var (
		in    confirmIn
		names []struct {
			Name string `db:"name"`
		}
		idem  []idemRecord
		slots []booking.Slot
		sets  = resultSets{rows: rows}
	)
	sets.scan(&names)
	if c.IdemKey != "" {
		sets.scan(&idem)
	}
	sets.scan(&in.Mine)
	sets.scan(&slots)
	if err := cmp.Or(sets.err, rows.Close()); err != nil {
		return in, err
	}
	if len(names) == 0 {
		return in, sql.ErrNoRows // no resident to book for
	}
	in.Name = names[0].Name
	if len(idem) > 0 {
		in.Idem = &idem[0]
	}
	if len(slots) > 0 {
		in.Slot = slots[0]
		localSlot(&in.Slot)
	}
	return in, nil
}

// insertIdemLast records the idempotency key with the booking's id, the
// last id the batch generated.
const insertIdemLast = `INSERT INTO idempotency_keys (user_id, idem_key, request_hash, status, response, created_at)
	VALUES (?, ?, ?, 201, LAST_INSERT_ID(), ?)`

// confirmWritesBatch takes the place, then writes the notice, the booking
// and the idempotency record, in one round trip, and returns the
// booking's id. The guard goes first: the booking's foreign key takes a
// shared lock on the slot's row, and two confirms holding that lock
// deadlocked on the guard's update after it (TestConcurrentBooking). A full slot is known from ROW_COUNT() only when the batch has
// run, so its inserts then roll back with the transaction. The booking is
// the last insert that generates an id (idempotency_keys has none), so
// LAST_INSERT_ID() at the end is the booking's.
func (s *Store) confirmWritesBatch(ctx context.Context, tx *sqlx.Tx, c booking.Confirmation, bk booking.Booking) (int64, error) {
	var b batch
	b.add(takePlaceQuery, bk.SlotID)
	b.add(`SELECT ROW_COUNT() AS n`)
	if c.Notice != nil {
		kind, body := c.Notice(bk)
		b.add(outboxForQuery, kind, body, c.At.UTC(), c.ResidentID)
	}
	b.add(insertBooking, bookingArgs(bk)...)
	if c.IdemKey != "" {
		b.add(insertIdemLast, c.ResidentID, c.IdemKey, c.RequestHash, c.At.UTC())
	}
	b.add(`SELECT LAST_INSERT_ID() AS n`)
	rows, err := tx.QueryxContext(ctx, b.String(), b.args...)
	if err != nil {
		return 0, err
	}
	var took, id []struct {
		N int64 `db:"n"`
	}
	sets := resultSets{rows: rows}
	sets.scan(&took)
	sets.scan(&id)
	err = cmp.Or(sets.err, rows.Close())
	switch {
	case err != nil:
		return 0, bookingConflict(err)
	case len(took) != 1 || took[0].N != 1:
		return 0, booking.ErrSlotFull
	case len(id) != 1:
		return 0, errors.New("store: the booking's id did not come back")
	}
	return id[0].N, nil
}

// batch is statements sent together.
type batch struct {
	stmts []string
	args  []any
}

func (b *batch) add(stmt string, args ...any) {
	b.stmts = append(b.stmts, stmt)
	b.args = append(b.args, args...)
}

func (b *batch) String() string { return strings.Join(b.stmts, ";\n") }

// resultSets scans a batch's result sets in order, each into a slice of
// structs, and keeps the first error.
type resultSets struct {
	rows *sqlx.Rows
	n    int
	err  error
}

func (r *resultSets) scan(dest any) {
	if r.err != nil {
		return
	}
	if r.n > 0 && !r.rows.NextResultSet() {
		r.err = cmp.Or(r.rows.Err(), errors.New("store: a batch gave fewer result sets than it has queries"))
		return
	}
	r.n++
	r.err = sqlx.StructScan(r.rows, dest)
}
