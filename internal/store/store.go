// Package store keeps the platform's data in SQLite (the embedded default)
// or MySQL through sqlx. It implements the feature packages' Store
// interfaces, one file per noun, with the SQL written out beside its scan.
// Exported methods own their transaction; unexported helpers take the tx.
package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"github.com/go-sql-driver/mysql"
	"github.com/jmoiron/sqlx"
	_ "modernc.org/sqlite" // registers "sqlite"
)

// Options say which engine to open and how.
type Options struct {
	Driver          string // "sqlite" or "mysql"
	DSN             string // MySQL DSN, or a SQLite file path (default DataDir/legaldesk.db)
	DataDir         string
	MaxOpenConns    int
	ConnMaxLifetime time.Duration
}

// Store is the database.
type Store struct {
	db     *sqlx.DB
	driver string
	// writer serialises this process's SQLite transactions. SQLite lets one
	// writer in at a time anyway; waiting here, in line, replaces its busy
	// handler's sleep-and-retry (1, 2, 5 … 100 ms), which under load cost
	// more than the transactions. MySQL does not use it.
	writer chan struct{}
	// prepared holds the hot path's statements on SQLite (prepared.go).
	prepared statements
	// Now stamps created_at and updated_at; tests may replace it.
	Now func() time.Time
}

// Open connects and checks the connection; it does not migrate.
func Open(ctx context.Context, o Options) (*Store, error) {
	var (
		db  *sqlx.DB
		err error
	)
	switch o.Driver {
	case "sqlite":
		db, err = openSQLite(o)
	case "mysql":
		db, err = openMySQL(o)
	default:
		return nil, fmt.Errorf("store: unknown driver %q", o.Driver)
	}
	if err != nil {
		return nil, err
	}
	pingCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := db.PingContext(pingCtx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: %s: %w", o.Driver, err)
	}
	st := &Store{db: db, driver: o.Driver, Now: time.Now}
	if o.Driver == "sqlite" {
		st.writer = make(chan struct{}, 1)
	}
	return st, nil
}

func openSQLite(o Options) (*sqlx.DB, error) {
	path := o.DSN
	if path == "" {
		if err := os.MkdirAll(o.DataDir, 0o700); err != nil {
			return nil, fmt.Errorf("store: data dir: %w", err)
		}
		path = filepath.Join(o.DataDir, "legaldesk.db")
	}
	// Every connection gets these pragmas, so foreign keys are never off.
	q := url.Values{}
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Set("_txlock", "immediate")
	q.Set("_time_format", "sqlite")
	q.Set("_timezone", "UTC")
	db, err := sqlx.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(o.MaxOpenConns)
	db.SetMaxIdleConns(o.MaxOpenConns)
	return db, nil
}

func openMySQL(o Options) (*sqlx.DB, error) {
	cfg, err := mysql.ParseDSN(o.DSN)
	if err != nil {
		return nil, fmt.Errorf("store: mysql dsn: %w", err)
	}
	cfg.ParseTime = true
	cfg.Loc = time.UTC
	cfg.ClientFoundRows = true
	// Parameters are interpolated by the driver (safe with utf8mb4, the
	// only charset used): a statement is one round trip, not prepare,
	// execute and close.
	cfg.InterpolateParams = true
	// The confirm sends its reads and its writes as two batches of
	// statements (confirm_batch.go). Every statement anywhere is written
	// out with placeholders, which the driver escapes.
	cfg.MultiStatements = true
	if cfg.Params == nil {
		cfg.Params = map[string]string{}
	}
	cfg.Params["time_zone"] = "'+00:00'"
	cfg.Params["sql_mode"] = "'STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ENGINE_SUBSTITUTION'"
	db, err := sqlx.Open("mysql", cfg.FormatDSN())
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(o.MaxOpenConns)
	db.SetMaxIdleConns(o.MaxOpenConns)
	lifetime := o.ConnMaxLifetime
	if lifetime <= 0 {
		lifetime = 3 * time.Minute
	}
	db.SetConnMaxLifetime(lifetime)
	return db, nil
}

// Driver names the engine: "sqlite" or "mysql".
func (s *Store) Driver() string { return s.driver }

// DB exposes the pool to tests and the migrator.
func (s *Store) DB() *sqlx.DB { return s.db }

// Close closes the pool.
func (s *Store) Close() error { return s.db.Close() }

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error {
	return translate(s.db.PingContext(ctx))
}

func (s *Store) now() time.Time { return s.Now().UTC().Truncate(time.Microsecond) }

// inTx runs fn in one transaction, rolled back unless fn and Commit succeed.
func (s *Store) inTx(ctx context.Context, fn func(tx *sqlx.Tx) error) error {
	if s.writer != nil {
		select {
		case s.writer <- struct{}{}:
			defer func() { <-s.writer }()
		case <-ctx.Done():
			return translate(ctx.Err())
		}
	}
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return translate(err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return translate(err)
	}
	return translate(tx.Commit())
}

// execOne runs a statement that must change exactly one row.
func execOne(ctx context.Context, tx sqlx.ExecerContext, q string, args ...any) error {
	res, err := tx.ExecContext(ctx, q, args...)
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n != 1 {
		return sql.ErrNoRows
	}
	return nil
}
