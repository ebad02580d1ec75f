package store_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/legaldesk/legaldesk/internal/account"
	"github.com/legaldesk/legaldesk/internal/advisor"
	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/network"
	"github.com/legaldesk/legaldesk/internal/store"
	"github.com/legaldesk/legaldesk/internal/testenv"
)

// TestAdvisorAssignments runs the assignment rules on every engine.
func TestAdvisorAssignments(t *testing.T) {
	for _, engine := range testenv.Engines(t) {
		t.Run(engine, func(t *testing.T) {
			t.Run("the key refuses a second active row", func(t *testing.T) { testAdvisorKey(t, testenv.NewStore(t, engine)) })
			t.Run("50 concurrent assignments of one village", func(t *testing.T) { testAdvisorRace(t, testenv.NewStore(t, engine)) })
			t.Run("end, replace and renew keep the history", func(t *testing.T) { testAdvisorHistory(t, testenv.NewStore(t, engine)) })
		})
	}
}

// advisorWorld makes n village rooms in one township and m lawyers.
func advisorWorld(t *testing.T, s *store.Store, n, m int) (rooms, lawyers []int64) {
	t.Helper()
	ctx := context.Background()
	c := mustSite(t, s, network.Site{Name: "中心", Tier: network.Center})
	st := mustSite(t, s, network.Site{Name: "米山镇工作站", Tier: network.Station, ParentID: &c.ID, Township: "米山镇"})
	for i := range n {
		rooms = append(rooms, mustSite(t, s, network.Site{Name: fmt.Sprintf("村%d", i), Tier: network.Room, ParentID: &st.ID, Township: "米山镇"}).ID)
	}
	res, err := s.DB().Exec(`INSERT INTO firms (name) VALUES ('泫氏律师事务所')`)
	if err != nil {
		t.Fatal(err)
	}
	firm, _ := res.LastInsertId()
	for i := range m {
		u := account.User{Role: account.Lawyer, Name: fmt.Sprintf("律师%d", i), PhoneSealed: "x", PhoneIndex: fmt.Sprint("lawyer", i), Active: true}
		if err := s.CreateUser(ctx, &u); err != nil {
			t.Fatal(err)
		}
		_, err := s.DB().Exec(`INSERT INTO lawyers (user_id, firm_id, license_no, licensed_since, home_township, work_phone) VALUES (?, ?, ?, '2010-01-01', '米山镇', '0356-5220000')`,
			u.ID, firm, fmt.Sprint("L", i))
		if err != nil {
			t.Fatal(err)
		}
		lawyers = append(lawyers, u.ID)
	}
	return rooms, lawyers
}

var today = calendar.NewDate(2026, 11, 20)

func term(site, lawyer int64) advisor.New {
	return advisor.New{SiteID: site, LawyerID: lawyer, StartsOn: today, EndsOn: calendar.NewDate(2029, 11, 19), OnSiteWeek: 1, OnSiteWeekday: 3}
}

func testAdvisorKey(t *testing.T, s *store.Store) {
	rooms, lawyers := advisorWorld(t, s, 1, 2)
	const q = `INSERT INTO advisor_assignments (site_id, lawyer_id, active_site_id, starts_on, ends_on, status, onsite_week, onsite_weekday, created_by, created_at, updated_at)
		VALUES (?, ?, ?, '2026-01-01', '2028-12-31', ?, 1, 1, 0, '2026-01-01 00:00:00', '2026-01-01 00:00:00')`
	db := s.DB()
	// Closed rows hold NULL: any number of them may share a village.
	for range 2 {
		if _, err := db.Exec(q, rooms[0], lawyers[0], nil, "ended"); err != nil {
			t.Fatalf("an ended row: %v", err)
		}
	}
	if _, err := db.Exec(q, rooms[0], lawyers[0], rooms[0], "active"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(q, rooms[0], lawyers[1], rooms[0], "active"); err == nil {
		t.Fatal("the database took a second active advisor for one village")
	}
	if _, err := db.Exec(q, rooms[0], lawyers[1], nil, "active"); err == nil {
		t.Fatal("the database took an active row that does not hold its village")
	}
}

func testAdvisorRace(t *testing.T, s *store.Store) {
	rooms, lawyers := advisorWorld(t, s, 1, 5)
	var wg sync.WaitGroup
	errc := make(chan error, 50)
	for i := range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := s.CreateAssignments(context.Background(), 1, 10, today, []advisor.New{term(rooms[0], lawyers[i%5])})
			errc <- err
		}()
	}
	wg.Wait()
	close(errc)
	ok, taken := 0, 0
	for err := range errc {
		switch {
		case err == nil:
			ok++
		case errors.Is(err, advisor.ErrTaken):
			taken++
		default:
			t.Errorf("unexpected: %v", err)
		}
	}
	active, err := s.Assignments(context.Background(), advisor.Filter{SiteID: rooms[0], ActiveOnly: true})
	if ok != 1 || taken != 49 || err != nil || len(active) != 1 {
		t.Fatalf("%d created, %d refused, %d active (%v); want 1, 49, 1", ok, taken, len(active), err)
	}
}

func testAdvisorHistory(t *testing.T, s *store.Store) {
	ctx := context.Background()
	rooms, lawyers := advisorWorld(t, s, 3, 2)
	as, err := s.CreateAssignments(ctx, 1, 2, today, []advisor.New{term(rooms[0], lawyers[0]), term(rooms[1], lawyers[0])})
	if err != nil || len(as) != 2 || as[0].SiteName != "村0" || as[0].LawyerName != "律师0" || as[0].Status != advisor.Active {
		t.Fatalf("created %+v, %v", as, err)
	}
	if _, err := s.CreateAssignments(ctx, 1, 2, today, []advisor.New{term(rooms[2], lawyers[0])}); !errors.Is(err, advisor.ErrAtCap) {
		t.Fatalf("a third village at a cap of 2: %v", err)
	}
	next := term(rooms[0], lawyers[1])
	repl, err := s.CloseAssignment(ctx, 1, as[0].ID, advisor.Replaced, today, "调离", 2, &next)
	if err != nil || repl.LawyerID != lawyers[1] || repl.PreviousID == nil || *repl.PreviousID != as[0].ID {
		t.Fatalf("replace: %+v, %v", repl, err)
	}
	if _, err := s.CloseAssignment(ctx, 1, as[0].ID, advisor.Ended, today, "", 2, nil); !errors.Is(err, advisor.ErrClosed) {
		t.Fatalf("closing a closed contract: %v", err)
	}
	renewed := term(rooms[1], lawyers[0])
	renewed.EndsOn = calendar.NewDate(2031, 1, 1)
	if _, err := s.CloseAssignment(ctx, 1, as[1].ID, advisor.Renewed, today, "续聘", 2, &renewed); err != nil {
		t.Fatal(err)
	}
	ended, err := s.CloseAssignment(ctx, 1, repl.ID, advisor.Ended, today, "村委会申请", 2, nil)
	if err != nil || ended.Status != advisor.Ended || ended.EndedOn == nil || *ended.EndedOn != today {
		t.Fatalf("end: %+v, %v", ended, err)
	}
	all, _ := s.Assignments(ctx, advisor.Filter{})
	active, _ := s.Assignments(ctx, advisor.Filter{ActiveOnly: true})
	if len(all) != 4 || len(active) != 1 || active[0].SiteID != rooms[1] || active[0].EndsOn != renewed.EndsOn {
		t.Fatalf("history %d rows, active %+v", len(all), active)
	}
	if _, err := s.CreateAssignments(ctx, 1, 2, today, []advisor.New{term(rooms[0]+100, lawyers[0])}); !errors.Is(err, advisor.ErrNotRoom) || errs.CodeOf(err) != errs.Invalid {
		t.Fatalf("no such village: %v", err)
	}
	if _, err := s.CreateAssignments(ctx, 1, 2, today, []advisor.New{term(rooms[2], 9999)}); !errors.Is(err, advisor.ErrNoLawyer) {
		t.Fatalf("no such lawyer: %v", err)
	}
}
