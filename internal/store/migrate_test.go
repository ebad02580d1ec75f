package store_test

import (
	"context"
	"io/fs"
	"path"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/legaldesk/legaldesk/internal/store"
	"github.com/legaldesk/legaldesk/internal/testenv"
)

// TestMigrationLandedOutOfOrder: a database that already has the newest
// migration still takes one numbered below it that landed later. The one
// left out is 00011 (consultation edits), which no later migration builds
// on; 00013's indexes need 00008's columns.
func TestMigrationLandedOutOfOrder(t *testing.T) {
	for _, engine := range testenv.Engines(t) {
		t.Run(engine, func(t *testing.T) {
			ctx := context.Background()
			driver, dsn := testenv.NewDB(t, engine)
			s, err := store.Open(ctx, store.Options{Driver: driver, DSN: dsn, MaxOpenConns: 4})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if err := s.Migrate(ctx, without(t, migrations(), "00011_")); err != nil {
				t.Fatal(err)
			}
			if err := s.Migrate(ctx, migrations()); err != nil {
				t.Fatalf("the late migration was refused: %v", err)
			}
			var n int
			if err := s.DB().Get(&n, `SELECT COUNT(*) FROM goose_db_version WHERE version_id = 11`); err != nil || n != 1 {
				t.Fatalf("migration 11 applied %d times (%v)", n, err)
			}
		})
	}
}

// without copies the migrations, leaving out the files that start with prefix.
func without(t *testing.T, fsys fs.FS, prefix string) fs.FS {
	out := fstest.MapFS{}
	err := fs.WalkDir(fsys, "sql", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(path.Base(p), prefix) {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		out[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
