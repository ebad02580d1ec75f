package store

import (
	"context"
	"database/sql"
	"sync"
	"time"

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

// hot wraps a transaction for the hot path: prepared on SQLite; as it is
// on MySQL, whose driver interpolates parameters (one round trip either
// way). Tried on MySQL with statements prepared from inside the
// transaction, it starved the pool under load; not measured since.
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

// stmt is the statement for query bound to the transaction, or nil while
// it is not prepared yet: then the plain path runs it this once, and it is
// prepared in the background. Preparing here would take a second
// connection from the pool while this transaction holds one, and under
// load every connection can be held by a transaction doing the same.
func (p preparedTx) stmt(ctx context.Context, query string) *sqlx.Stmt {
	c := &p.s.prepared
	c.mu.Lock()
	defer c.mu.Unlock()
	st, ok := c.m[query]
	if !ok {
		if c.m == nil {
			c.m = map[string]*sqlx.Stmt{}
		}
		c.m[query] = nil // being prepared
		go p.s.prepare(query)
		return nil
	}
	if st == nil {
		return nil
	}
	return p.Tx.StmtxContext(ctx, st)
}

// prepare prepares a hot statement once, when a connection is free.
func (s *Store) prepare(query string) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	st, err := s.db.PreparexContext(ctx, query)
	s.prepared.mu.Lock()
	defer s.prepared.mu.Unlock()
	if err != nil {
		delete(s.prepared.m, query) // tried again next time
		return
	}
	s.prepared.m[query] = st
}

func (p preparedTx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := p.stmt(ctx, query); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return p.Tx.QueryContext(ctx, query, args...)
}

func (p preparedTx) QueryxContext(ctx context.Context, query string, args ...any) (*sqlx.Rows, error) {
	if st := p.stmt(ctx, query); st != nil {
		return st.QueryxContext(ctx, args...)
	}
	return p.Tx.QueryxContext(ctx, query, args...)
}

func (p preparedTx) QueryRowxContext(ctx context.Context, query string, args ...any) *sqlx.Row {
	if st := p.stmt(ctx, query); st != nil {
		return st.QueryRowxContext(ctx, args...)
	}
	return p.Tx.QueryRowxContext(ctx, query, args...)
}

func (p preparedTx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if st := p.stmt(ctx, query); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return p.Tx.ExecContext(ctx, query, args...)
}

func (p preparedTx) GetContext(ctx context.Context, dest any, query string, args ...any) error {
	return sqlx.GetContext(ctx, p, dest, query, args...)
}

func (p preparedTx) SelectContext(ctx context.Context, dest any, query string, args ...any) error {
	return sqlx.SelectContext(ctx, p, dest, query, args...)
}
