package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/legaldesk/legaldesk/internal/notary"
	"github.com/legaldesk/legaldesk/internal/testenv"
)

// TestNotarySearchIsLiteral: a search of the catalogue finds what it is
// given, wildcards and the escape character included, on every engine.
func TestNotarySearchIsLiteral(t *testing.T) {
	for _, engine := range testenv.Engines(t) {
		t.Run(engine, func(t *testing.T) {
			ctx := context.Background()
			s := testenv.NewStore(t, engine)
			for _, name := range []string{"继承权公证", "赠与公证 50%_!", "赠与合同公证"} {
				m := notary.Matter{Name: name, Category: "民事", Minutes: 30, Active: true}
				if err := s.SaveNotaryMatter(ctx, &m, time.Now()); err != nil {
					t.Fatal(err)
				}
			}
			for query, want := range map[string]int{"赠与": 2, "%": 1, "_": 1, "!": 1, "50%_!": 1, "公证": 3, "遗嘱": 0} {
				got, err := s.NotaryMatters(ctx, query, true)
				if err != nil || len(got) != want {
					t.Errorf("search %q: %d matters (%v), want %d", query, len(got), err, want)
				}
			}
		})
	}
}
