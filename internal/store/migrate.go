package store

import (
	"context"
	"fmt"
	"io/fs"

	"github.com/pressly/goose/v3"
)

// Migrate applies the embedded migrations for this engine: fsys holds
// sql/sqlite and sql/mysql with the same numbered names.
func (s *Store) Migrate(ctx context.Context, fsys fs.FS) error {
	dir, dialect := "sql/sqlite", goose.DialectSQLite3
	if s.driver == "mysql" {
		dir, dialect = "sql/mysql", goose.DialectMySQL
	}
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		return err
	}
	// Out of order is allowed: features built side by side may land a
	// migration numbered below one a database already has (each migration
	// stands alone), and that one must still be applied, not refused.
	p, err := goose.NewProvider(dialect, s.db.DB, sub, goose.WithAllowOutofOrder(true))
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	return nil
}
