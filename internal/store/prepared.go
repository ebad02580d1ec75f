package store

import (
	"context"
	"database/sql"
	"sync"

	"github.com/jmoiron/sqlx"
)

// runner is what the confirm's steps need from their transaction: a plain
// *sqlx.Tx, or a prepared one on SQLite.
type runner interface {
	sqlx.QueryerContext
	sqlx.ExecerContext
	GetContext(ctx context.Context, dest any, query string, args ...any) error
	SelectContext(ctx context.Context, dest any, query string, args ...any) error
}

// preparedTx runs a transaction's statements from statements prepared once
// per connection. modernc.org/sqlite parses every statement it is given, and
// under load parsing was 28 % of a confirm's CPU, inside the one-writer
// section; database/sql keeps a statement prepared on each connection it
// has run on and Tx.Stmtx reuses it. Only the confirm's hot path uses it.
type preparedTx struct {
	*sqlx.Tx
	s *Store
}

// hot wraps a transaction for the hot path: prepared on SQLite, as it is on
// MySQL (whose driver interpolates parameters: one round trip either way).
func (s *Store) hot(tx *sqlx.Tx) runner {
	if s.driver != "sqlite" {
		return tx
	}
	return preparedTx{Tx: tx, s: s}
}

// statements caches the prepared statements by their text.
type statements struct {
	mu sync.Mutex
	m  map[string]*sqlx.Stmt
}

func (p preparedTx) stmt(ctx context.Context, query string) (*sqlx.Stmt, error) {
	c := &p.s.prepared
	c.mu.Lock()
	st, ok := c.m[query]
	c.mu.Unlock()
	if !ok {
		var err error
		if st, err = p.s.db.PreparexContext(ctx, query); err != nil {
			return nil, err
		}
		c.mu.Lock()
		if c.m == nil {
			c.m = map[string]*sqlx.Stmt{}
		}
		if old, raced := c.m[query]; raced {
			st.Close()
			st = old
		} else {
			c.m[query] = st
		}
		c.mu.Unlock()
	}
	return p.Tx.StmtxContext(ctx, st), nil
}

func (p preparedTx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := p.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

func (p preparedTx) QueryxContext(ctx context.Context, query string, args ...any) (*sqlx.Rows, error) {
	st, err := p.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryxContext(ctx, args...)
}

func (p preparedTx) QueryRowxContext(ctx context.Context, query string, args ...any) *sqlx.Row {
	st, err := p.stmt(ctx, query)
	if err != nil {
		return p.Tx.QueryRowxContext(ctx, query, args...) // the same error, from the plain path
	}
	return st.QueryRowxContext(ctx, args...)
}

func (p preparedTx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := p.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

func (p preparedTx) GetContext(ctx context.Context, dest any, query string, args ...any) error {
	return sqlx.GetContext(ctx, p, dest, query, args...)
}

func (p preparedTx) SelectContext(ctx context.Context, dest any, query string, args ...any) error {
	return sqlx.SelectContext(ctx, p, dest, query, args...)
}
