package loadtest

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"sync/atomic"
	"time"

	"github.com/go-sql-driver/mysql"
	_ "modernc.org/sqlite" // registers "sqlite"
)

// DBLimit is the physical ceiling the HTTP confirm is measured against: the
// bare booking transaction — BEGIN; UPDATE a slot while a place is left;
// INSERT the booking; COMMIT — issued straight to the same database over
// conns connections, on scratch tables of its own.
type DBLimit struct {
	Driver string // sqlite or mysql
	DSN    string // a MySQL DSN, or the SQLite file the server uses
	Conns  int
	Txs    int // transactions to run
	Slots  int // slots to spread them over (contention like the app's)
}

// Run measures the transactions and drops its tables afterwards.
func (d DBLimit) Run(ctx context.Context) (Latency, error) {
	db, err := d.open()
	if err != nil {
		return Latency{}, err
	}
	defer db.Close()
	db.SetMaxOpenConns(d.Conns)
	db.SetMaxIdleConns(d.Conns)
	if err := d.setup(ctx, db); err != nil {
		return Latency{}, err
	}
	defer db.ExecContext(context.Background(), `DROP TABLE ld_dblimit_bookings`)
	defer db.ExecContext(context.Background(), `DROP TABLE ld_dblimit_slots`)
	t := &timer{name: "dblimit (bare tx)", start: time.Now()}
	var seq atomic.Int64
	parallel(d.Txs, d.Conns, func(i int) {
		start := time.Now()
		err := d.book(ctx, db, int64(i%d.Slots)+1, seq.Add(1))
		t.record(time.Since(start), err == nil)
	})
	l := t.summary()
	if l.Errors > 0 {
		return l, fmt.Errorf("dblimit: %d of %d transactions failed", l.Errors, l.Count)
	}
	return l, nil
}

func (d DBLimit) open() (*sql.DB, error) {
	switch d.Driver {
	case "mysql":
		cfg, err := mysql.ParseDSN(d.DSN)
		if err != nil {
			return nil, err
		}
		// The ceiling: one round trip a statement, as the server's store does.
		cfg.InterpolateParams = true
		return sql.Open("mysql", cfg.FormatDSN())
	case "sqlite":
		q := url.Values{}
		q.Add("_pragma", "busy_timeout(10000)")
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "synchronous(NORMAL)")
		q.Set("_txlock", "immediate")
		return sql.Open("sqlite", "file:"+d.DSN+"?"+q.Encode())
	}
	return nil, fmt.Errorf("dblimit: unknown driver %q", d.Driver)
}

// setup makes the scratch tables: slots with room for every transaction.
func (d DBLimit) setup(ctx context.Context, db *sql.DB) error {
	autoinc := "INTEGER PRIMARY KEY AUTOINCREMENT"
	if d.Driver == "mysql" {
		autoinc = "BIGINT AUTO_INCREMENT PRIMARY KEY"
	}
	stmts := []string{
		`DROP TABLE IF EXISTS ld_dblimit_bookings`,
		`DROP TABLE IF EXISTS ld_dblimit_slots`,
		`CREATE TABLE ld_dblimit_slots (id BIGINT PRIMARY KEY, capacity INT NOT NULL, booked INT NOT NULL)`,
		`CREATE TABLE ld_dblimit_bookings (id ` + autoinc + `, slot_id BIGINT NOT NULL, resident BIGINT NOT NULL,
			code VARCHAR(16) NOT NULL, created_at BIGINT NOT NULL, UNIQUE (slot_id, resident))`,
	}
	for _, q := range stmts {
		if _, err := db.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("dblimit setup: %w", err)
		}
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for id := 1; id <= d.Slots; id++ {
		if _, err := tx.ExecContext(ctx, `INSERT INTO ld_dblimit_slots (id, capacity, booked) VALUES (?, ?, 0)`, id, d.Txs); err != nil {
			return fmt.Errorf("dblimit setup: %w", err)
		}
	}
	return tx.Commit()
}

// book is the bare booking transaction.
func (d DBLimit) book(ctx context.Context, db *sql.DB, slot, resident int64) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `UPDATE ld_dblimit_slots SET booked = booked + 1 WHERE id = ? AND booked < capacity`, slot)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		return fmt.Errorf("slot %d full", slot)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO ld_dblimit_bookings (slot_id, resident, code, created_at) VALUES (?, ?, ?, ?)`,
		slot, resident, fmt.Sprintf("C%07d", resident), time.Now().UnixNano()); err != nil {
		return err
	}
	return tx.Commit()
}
