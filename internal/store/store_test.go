package store_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/legaldesk/legaldesk/internal/account"
	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/network"
	"github.com/legaldesk/legaldesk/internal/notify"
	"github.com/legaldesk/legaldesk/internal/store"
	"github.com/legaldesk/legaldesk/internal/testenv"
)

// TestStore runs the same contract on every engine this run has.
func TestStore(t *testing.T) {
	for _, engine := range testenv.Engines(t) {
		t.Run(engine, func(t *testing.T) {
			for _, c := range suite {
				t.Run(c.name, func(t *testing.T) { c.fn(t, testenv.NewStore(t, engine)) })
			}
		})
	}
}

var suite = []struct {
	name string
	fn   func(*testing.T, *store.Store)
}{
	{"sites tree and filters", testSites},
	{"site rules run inside the transaction", testSiteRules},
	{"deactivating a parent", testDeactivate},
	{"users and unique phones", testUsers},
	{"sms codes", testSMSCodes},
	{"outbox", testOutbox},
	{"not found is an error", testNotFound},
	{"migrate twice", testMigrateTwice},
	{"concurrent writers", testConcurrentWriters},
}

func ptr[T any](v T) *T { return &v }

func mustSite(t *testing.T, s *store.Store, site network.Site) network.Site {
	t.Helper()
	site.Active = true
	if err := s.CreateSite(context.Background(), 1, &site, network.Check); err != nil {
		t.Fatalf("create %s: %v", site.Name, err)
	}
	return site
}

func testSites(t *testing.T, s *store.Store) {
	ctx := context.Background()
	c := mustSite(t, s, network.Site{Name: "中心", Tier: network.Center, Lat: ptr(35.79), Lng: ptr(112.92)})
	st := mustSite(t, s, network.Site{Name: "米山镇工作站", Tier: network.Station, ParentID: &c.ID, Township: "米山镇"})
	mustSite(t, s, network.Site{Name: "米西村工作室", Tier: network.Room, ParentID: &st.ID, Township: "米山镇"})
	mustSite(t, s, network.Site{Name: "米东村工作室", Tier: network.Room, ParentID: &st.ID, Township: "米山镇"})

	got, err := s.Site(ctx, c.ID)
	if err != nil || got.Name != "中心" || got.Lat == nil || *got.Lat != 35.79 || !got.Active || got.ParentID != nil {
		t.Fatalf("Site = %+v, %v", got, err)
	}
	rooms, err := s.Sites(ctx, network.Filter{Tier: network.Room, Township: "米山镇", Limit: 10})
	if err != nil || len(rooms) != 2 || rooms[0].Name != "米西村工作室" || *rooms[0].ParentID != st.ID {
		t.Fatalf("rooms = %+v, %v", rooms, err)
	}
	page, _ := s.Sites(ctx, network.Filter{Limit: 1, AfterID: rooms[0].ID})
	if len(page) != 1 || page[0].ID != rooms[1].ID {
		t.Fatalf("cursor page = %+v", page)
	}
	byParent, _ := s.Sites(ctx, network.Filter{ParentID: st.ID, Limit: 10})
	if len(byParent) != 2 {
		t.Fatalf("by parent = %d", len(byParent))
	}
	found, _ := s.Sites(ctx, network.Filter{Query: "东村", Limit: 10})
	if len(found) != 1 {
		t.Fatalf("query = %+v", found)
	}
	none, _ := s.Sites(ctx, network.Filter{Query: "%", Limit: 10})
	if len(none) != 0 {
		t.Fatalf("%% must be literal, got %d", len(none))
	}
}

func testSiteRules(t *testing.T, s *store.Store) {
	ctx := context.Background()
	c := mustSite(t, s, network.Site{Name: "中心", Tier: network.Center})
	bad := network.Site{Name: "村", Tier: network.Room, ParentID: &c.ID, Township: "米山镇", Active: true}
	err := s.CreateSite(ctx, 1, &bad, network.Check)
	if !errs.Is(err, errs.Invalid) {
		t.Fatalf("room under centre: %v", err)
	}
	missing := network.Site{Name: "村", Tier: network.Room, ParentID: ptr(int64(9999)), Township: "米山镇", Active: true}
	if err := s.CreateSite(ctx, 1, &missing, network.Check); !errs.Is(err, errs.Invalid) {
		t.Fatalf("unknown parent: %v", err)
	}
	all, _ := s.Sites(ctx, network.Filter{Limit: 10})
	if len(all) != 1 {
		t.Fatalf("refused sites were written: %d sites", len(all))
	}
	_, err = s.UpdateSite(ctx, 1, c.ID, func(x *network.Site) error { x.Name = ""; return nil }, network.Check)
	if !errs.Is(err, errs.Invalid) {
		t.Fatalf("empty name on update: %v", err)
	}
	if got, _ := s.Site(ctx, c.ID); got.Name != "中心" {
		t.Fatalf("refused update was written: %q", got.Name)
	}
}

func testDeactivate(t *testing.T, s *store.Store) {
	ctx := context.Background()
	c := mustSite(t, s, network.Site{Name: "中心", Tier: network.Center})
	st := mustSite(t, s, network.Site{Name: "站", Tier: network.Station, ParentID: &c.ID, Township: "三甲镇"})
	r := mustSite(t, s, network.Site{Name: "室", Tier: network.Room, ParentID: &st.ID, Township: "三甲镇"})
	off := func(x *network.Site) error { x.Active = false; return nil }
	if _, err := s.UpdateSite(ctx, 1, st.ID, off, network.Check); !errs.Is(err, errs.Conflict) {
		t.Fatalf("station with an active room: %v", err)
	}
	if _, err := s.UpdateSite(ctx, 1, r.ID, off, network.Check); err != nil {
		t.Fatal(err)
	}
	got, err := s.UpdateSite(ctx, 7, st.ID, off, network.Check)
	if err != nil || got.Active {
		t.Fatalf("deactivate station: %+v %v", got, err)
	}
	audit, err := s.AuditOf(ctx, "site", st.ID)
	if err != nil || len(audit) != 2 || audit[0].Action != "create" || audit[1].Action != "update" || *audit[1].UserID != 7 {
		t.Fatalf("audit of the station = %+v, %v (refused changes must leave no line)", audit, err)
	}
	active, _ := s.Sites(ctx, network.Filter{ActiveOnly: true, Limit: 10})
	if len(active) != 1 {
		t.Fatalf("active sites = %d, want 1", len(active))
	}
}

func newUser(phoneIndex string) account.User {
	return account.User{Role: account.Resident, Name: "张三", PhoneSealed: "k:x", PhoneIndex: phoneIndex, Active: true, CreatedAt: time.Now()}
}

func testUsers(t *testing.T, s *store.Store) {
	ctx := context.Background()
	u := newUser("idx1")
	if err := s.CreateUser(ctx, &u); err != nil || u.ID == 0 {
		t.Fatalf("create: %v", err)
	}
	dup := newUser("idx1")
	if err := s.CreateUser(ctx, &dup); !errs.Is(err, errs.Conflict) {
		t.Fatalf("duplicate phone: %v", err)
	}
	got, err := s.UserByPhoneIndex(ctx, "idx1")
	if err != nil || got.ID != u.ID || got.Name != "张三" || got.Role != account.Resident || !got.Active {
		t.Fatalf("by phone = %+v, %v", got, err)
	}
	if got.CreatedAt.Location() != time.UTC || time.Since(got.CreatedAt) > time.Minute {
		t.Errorf("created_at = %v, want a recent UTC time", got.CreatedAt)
	}
}

func testSMSCodes(t *testing.T, s *store.Store) {
	ctx := context.Background()
	now := time.Now().UTC().Truncate(time.Second)
	for i, h := range []string{"old", "new", "other client's"} {
		ch := "ch1"
		if i == 2 {
			ch = "ch2"
		}
		c := account.SMSCode{PhoneIndex: "p", ChallengeHash: ch, CodeHash: h, ExpiresAt: now.Add(time.Duration(i+1) * time.Minute), CreatedAt: now}
		if err := s.CreateSMSCode(ctx, &c); err != nil {
			t.Fatal(err)
		}
	}
	c, err := s.LatestSMSCode(ctx, "p", "ch1")
	if err != nil || c.CodeHash != "new" || c.ChallengeHash != "ch1" || !c.ExpiresAt.Equal(now.Add(2*time.Minute)) || c.UsedAt != nil {
		t.Fatalf("latest = %+v, %v", c, err)
	}
	if _, err := s.LatestSMSCode(ctx, "p", "ch3"); !errs.Is(err, errs.NotFound) {
		t.Fatalf("another challenge: %v", err)
	}
	s.CountSMSAttempt(ctx, c.ID)
	s.CountSMSAttempt(ctx, c.ID)
	if err := s.UseSMSCode(ctx, c.ID, now); err != nil {
		t.Fatal(err)
	}
	if err := s.UseSMSCode(ctx, c.ID, now); !errs.Is(err, errs.Conflict) {
		t.Fatalf("second use: %v", err)
	}
	c, _ = s.LatestSMSCode(ctx, "p", "ch1")
	if c.Attempts != 2 || c.UsedAt == nil {
		t.Fatalf("after use: %+v", c)
	}
}

func testOutbox(t *testing.T, s *store.Store) {
	ctx := context.Background()
	for i, idx := range []string{"a", "b", "a"} {
		e := notify.Entry{Channel: "sms", Kind: "sms_code", RecipientSealed: "x", RecipientIndex: idx, RecipientMasked: "138****0001",
			Body: "验证码" + string(rune('0'+i)), DemoAid: i == 2, CreatedAt: time.Now()}
		if err := s.AddOutbox(ctx, &e); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Outbox(ctx, notify.Filter{RecipientIndex: "a", Limit: 10})
	if err != nil || len(got) != 2 || got[0].Body != "验证码2" || !got[0].DemoAid || got[1].DemoAid {
		t.Fatalf("outbox for a = %+v, %v", got, err)
	}
	if err := s.AuditReadDetail(ctx, 0, "outbox", 0, "ids=3,1"); err != nil {
		t.Fatal(err)
	}
	if lines, err := s.AuditOf(ctx, "outbox", 0); err != nil || len(lines) != 1 || lines[0].Detail != "ids=3,1" || lines[0].Action != "read" {
		t.Fatalf("audit = %+v, %v", lines, err)
	}
	older, _ := s.Outbox(ctx, notify.Filter{BeforeID: got[0].ID, Limit: 1})
	if len(older) != 1 || older[0].Body != "验证码1" {
		t.Fatalf("page = %+v", older)
	}
}

func testNotFound(t *testing.T, s *store.Store) {
	ctx := context.Background()
	if _, err := s.Site(ctx, 42); !errs.Is(err, errs.NotFound) {
		t.Errorf("site: %v", err)
	}
	if _, err := s.User(ctx, 42); !errs.Is(err, errs.NotFound) {
		t.Errorf("user: %v", err)
	}
	if _, err := s.LatestSMSCode(ctx, "none", "none"); !errs.Is(err, errs.NotFound) {
		t.Errorf("sms code: %v", err)
	}
	if _, err := s.UpdateSite(ctx, 1, 42, func(*network.Site) error { return nil }, network.Check); !errs.Is(err, errs.NotFound) {
		t.Errorf("update: %v", err)
	}
}

func testMigrateTwice(t *testing.T, s *store.Store) {
	if err := s.Migrate(context.Background(), migrations()); err != nil {
		t.Fatalf("second migrate must be a no-op: %v", err)
	}
}

func testConcurrentWriters(t *testing.T, s *store.Store) {
	ctx := context.Background()
	c := mustSite(t, s, network.Site{Name: "中心", Tier: network.Center})
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Go(func() {
			st := network.Site{Name: "站", Tier: network.Station, ParentID: &c.ID, Township: string(rune('甲' + i)), Active: true}
			if err := s.CreateSite(ctx, 1, &st, network.Check); err != nil {
				t.Errorf("writer %d: %v", i, err)
			}
		})
	}
	wg.Wait()
	all, _ := s.Sites(ctx, network.Filter{Tier: network.Station, Limit: 100})
	if len(all) != 20 {
		t.Fatalf("stations = %d, want 20", len(all))
	}
}
