package loadtest_test

import (
	"context"
	"database/sql"
	"testing"

	"github.com/legaldesk/legaldesk/internal/loadtest"
	"github.com/legaldesk/legaldesk/internal/testenv"
)

// TestDBLimitRunsEveryTransaction: the ceiling scenario runs exactly the
// transactions asked for, all succeed, and it leaves no tables behind. (It
// measures; this only checks that what it measures is real work.)
func TestDBLimitRunsEveryTransaction(t *testing.T) {
	for _, engine := range testenv.Engines(t) {
		t.Run(engine, func(t *testing.T) {
			driver, dsn := testenv.NewDB(t, engine)
			d := loadtest.DBLimit{Driver: driver, DSN: dsn, Conns: 8, Txs: 300, Slots: 10}
			l, err := d.Run(context.Background())
			if err != nil || l.Count != 300 || l.Errors != 0 || l.Throughput <= 0 {
				t.Fatalf("dblimit: %+v %v", l, err)
			}
			db, err := sql.Open(driver, dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if _, err := db.Exec(`SELECT 1 FROM ld_dblimit_slots`); err == nil {
				t.Fatal("the scratch tables were left behind")
			}
		})
	}
}
