package booking_test

import (
	"io"
	"log/slog"
	"testing"

	"github.com/legaldesk/legaldesk/internal/store"
)

func discard() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func residentIDs(t *testing.T, st *store.Store) []int64 {
	var ids []int64
	if err := st.DB().Select(&ids, `SELECT id FROM users WHERE role = 'resident' ORDER BY id`); err != nil || len(ids) < 2 {
		t.Fatalf("residents: %v %v", ids, err)
	}
	return ids
}
