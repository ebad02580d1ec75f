package store_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/legaldesk/legaldesk/internal/account"
	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/network"
	"github.com/legaldesk/legaldesk/internal/stats"
	"github.com/legaldesk/legaldesk/internal/store"
	"github.com/legaldesk/legaldesk/internal/testenv"
)

// TestStatsFigures builds a known data set and checks every figure on every
// engine, with rows on both sides of the year's China-time boundaries.
func TestStatsFigures(t *testing.T) {
	for _, engine := range testenv.Engines(t) {
		t.Run(engine, func(t *testing.T) {
			s := testenv.NewStore(t, engine)
			statsWorld(t, s)
			svc := &stats.Service{Store: s}
			admin := stats.Viewer{ID: 1, Role: "admin"}
			year := func(y int, town string) stats.Summary {
				sum, err := svc.Summary(context.Background(), admin, stats.Period{From: calendar.NewDate(y, 1, 1), To: calendar.NewDate(y, 12, 31), Township: town})
				if err != nil {
					t.Fatal(err)
				}
				return sum
			}
			all, mishan := year(2025, ""), year(2025, "米山镇")
			check(t, "consultations", *all.Consultations, stats.Consultations{Booked: 5, Attended: 3, NoShow: 2, Cancelled: 1, AttendedPercent: pct(60),
				WalkIns: 2, Recorded: 5, Ratings: 3, AverageRating: pct(4)})
			check(t, "consultations 米山镇", *mishan.Consultations, stats.Consultations{Booked: 4, Attended: 3, NoShow: 1, Cancelled: 1, AttendedPercent: pct(75),
				WalkIns: 1, Recorded: 4, Ratings: 3, AverageRating: pct(4)})
			groups := map[string]int{"minor": 1, "elderly": 1, "disabled": 1, "women": 1, "migrant_worker": 1, "veteran": 0, "low_income": 0}
			check(t, "legal aid", *all.LegalAid, stats.LegalAid{Received: 5, Notified: 1, Decided: 4, DecidedOnTime: 3, OnTimePercent: pct(75),
				Approved: 4, Refused: 1, Closed: 1, SpecialGroups: 4, ByGroup: groups})
			check(t, "legal aid 米山镇", *mishan.LegalAid, stats.LegalAid{Received: 2, Decided: 3, DecidedOnTime: 3, OnTimePercent: pct(100),
				Approved: 2, Refused: 1, Closed: 1, SpecialGroups: 2, ByGroup: map[string]int{"minor": 0, "elderly": 1, "disabled": 0, "women": 1,
					"migrant_worker": 1, "veteran": 0, "low_income": 0}})
			check(t, "notary", *all.Notary, stats.Notary{VisitsDone: 2, MattersDone: 3, HomeVisitsDone: 1})
			check(t, "notary 米山镇", *mishan.Notary, stats.Notary{})
			check(t, "advisors", *all.Advisors, stats.Advisors{Villages: 3, Covered: 2, CoveragePercent: pct(66.7), ActiveAdvisors: 1, Logs: 2, Services: 4, People: 43})
			check(t, "advisors 米山镇", *mishan.Advisors, stats.Advisors{Villages: 2, Covered: 1, CoveragePercent: pct(50), ActiveAdvisors: 1, Logs: 2, Services: 4, People: 43})
			check(t, "disputes", *all.Disputes, stats.Disputes{Accepted: 3, Resolved: 1, Unresolved: 1, Withdrawn: 1, ResolutionPercent: pct(50)})
			check(t, "disputes 米山镇", *mishan.Disputes, stats.Disputes{Accepted: 1, Resolved: 1, Unresolved: 1, ResolutionPercent: pct(50)})
			if all.IncludesDemo || !year(2024, "").IncludesDemo {
				t.Errorf("includes demo: 2025 %v (want false), 2024 %v (want true: the demo case of 2024-12-28)", all.IncludesDemo, year(2024, "").IncludesDemo)
			}
			// The aid officer sees the legal-aid section only.
			sum, err := svc.Summary(context.Background(), stats.Viewer{ID: 2, Role: "aid_officer"}, all.Period)
			if err != nil || sum.Consultations != nil || sum.Disputes != nil || sum.LegalAid.Received != 5 {
				t.Errorf("officer's summary: %+v, %v", sum, err)
			}
			if _, err := svc.Summary(context.Background(), stats.Viewer{ID: 3, Role: "lawyer"}, all.Period); err != stats.ErrForbidden {
				t.Errorf("a lawyer's summary: %v, want forbidden", err)
			}
			rows, err := s.LegalAidRows(context.Background(), all.Period.Bounds(), 100)
			if err != nil || len(rows) != 5 || rows[4].Code != "C4" || rows[0].SpecialGroups != ",elderly,women," {
				t.Errorf("legal-aid rows: %+v, %v", rows, err)
			}
		})
	}
}

func pct(f float64) *float64 { return &f }

func check[T any](t *testing.T, what string, got, want T) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got %s\nwant %s", what, show(got), show(want))
	}
}

func show(v any) string {
	rv := reflect.ValueOf(v)
	out := ""
	for i := range rv.NumField() {
		f := rv.Field(i)
		if f.Kind() == reflect.Pointer && !f.IsNil() {
			f = f.Elem()
		}
		out += fmt.Sprintf("%s=%v ", rv.Type().Field(i).Name, f)
	}
	return out
}

// cst is a China-time instant.
func cst(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, calendar.Shanghai)
}

func at(t time.Time) *time.Time { return &t }

// statsWorld writes the known data set (see TestStatsFigures' figures).
func statsWorld(t *testing.T, s *store.Store) {
	t.Helper()
	ctx := context.Background()
	c := mustSite(t, s, network.Site{Name: "中心", Tier: network.Center, Township: "城区"})
	a := mustSite(t, s, network.Site{Name: "米山镇工作站", Tier: network.Station, ParentID: &c.ID, Township: "米山镇"})
	b := mustSite(t, s, network.Site{Name: "河西镇工作站", Tier: network.Station, ParentID: &c.ID, Township: "河西镇"})
	a1 := mustSite(t, s, network.Site{Name: "甲村", Tier: network.Room, ParentID: &a.ID, Township: "米山镇"})
	a2 := mustSite(t, s, network.Site{Name: "乙村", Tier: network.Room, ParentID: &a.ID, Township: "米山镇"})
	b1 := mustSite(t, s, network.Site{Name: "丙村", Tier: network.Room, ParentID: &b.ID, Township: "河西镇"})
	n := mustSite(t, s, network.Site{Name: "公证处", Tier: network.Notary, ParentID: &c.ID, Township: "城区"})
	user := func(role account.Role, i int) int64 {
		u := account.User{Role: role, Name: fmt.Sprint(role, i), PhoneSealed: "x", PhoneIndex: fmt.Sprint(role, i), Active: true}
		if err := s.CreateUser(ctx, &u); err != nil {
			t.Fatal(err)
		}
		return u.ID
	}
	lawyer, resident, officer := user(account.Lawyer, 1), user(account.Resident, 1), user(account.AidOfficer, 1)
	if _, err := s.DB().Exec(`INSERT INTO firms (name) VALUES ('所')`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DB().Exec(`INSERT INTO lawyers (user_id, firm_id, license_no, licensed_since) VALUES (?, 1, 'L1', '2010-01-01')`, lawyer); err != nil {
		t.Fatal(err)
	}
	err := s.WriteHistory(ctx, func(h *store.History) error {
		bk := func(site int64, when time.Time, status string, rating int) store.PastBooking {
			return store.PastBooking{SiteID: site, LawyerID: lawyer, ResidentID: resident, StartsAt: when, Status: status, Rating: rating}
		}
		for _, x := range []store.PastBooking{
			bk(a.ID, cst(2025, 3, 1, 10, 0), "attended", 5), bk(a.ID, cst(2025, 3, 1, 10, 0), "no_show", 0),
			bk(a.ID, cst(2025, 6, 1, 9, 0), "attended", 3), bk(a.ID, cst(2025, 6, 2, 9, 0), "cancelled", 0),
			bk(a.ID, cst(2025, 12, 31, 23, 30), "attended", 4), bk(a.ID, cst(2026, 1, 1, 0, 0), "attended", 1),
			bk(a.ID, cst(2024, 12, 31, 23, 59), "confirmed", 0), bk(b.ID, cst(2025, 5, 5, 9, 0), "no_show", 0),
		} {
			if err := h.Booking(x); err != nil {
				return err
			}
		}
		for _, w := range []struct {
			site int64
			at   time.Time
		}{{a.ID, cst(2025, 4, 4, 9, 0)}, {b.ID, cst(2025, 12, 31, 23, 30)}, {b.ID, cst(2026, 1, 1, 0, 10)}} {
			if err := h.WalkIn(w.site, lawyer, w.at, false); err != nil {
				return err
			}
		}
		cs := func(code, town string, recv time.Time, decision string, decided *time.Time, paused int, groups string) store.PastCase {
			return store.PastCase{Code: code, Name: "张三", Township: town, Matter: "civil_admin", IDSealed: "x", PhoneSealed: "x", Path: "art41_pledge",
				ReceivedAt: recv, Decision: decision, DecidedAt: decided, PausedDays: paused, SpecialGroups: groups, EnteredBy: officer}
		}
		c1 := cs("C1", "米山镇", cst(2025, 1, 10, 10, 0), "approved", at(cst(2025, 1, 15, 16, 0)), 0, ",elderly,women,")
		c1.ClosedAt = at(cst(2025, 9, 1, 10, 0))
		c5 := cs("C5", "米山镇", cst(2024, 12, 28, 10, 0), "approved", at(cst(2025, 1, 2, 10, 0)), 0, ",low_income,")
		c5.Demo = true
		c7 := cs("C7", "河西镇", cst(2025, 5, 5, 10, 0), "approved", at(cst(2025, 5, 5, 10, 0)), 0, ",disabled,")
		c7.Origin, c7.Matter = "notified", "criminal"
		for _, x := range []store.PastCase{c1,
			cs("C2", "米山镇", cst(2025, 2, 1, 9, 0), "refused", at(cst(2025, 2, 12, 23, 0)), 5, ",migrant_worker,"),
			cs("C3", "河西镇", cst(2025, 3, 1, 9, 0), "approved", at(cst(2025, 3, 10, 9, 0)), 0, ""),
			cs("C4", "河西镇", cst(2025, 12, 31, 23, 30), "", nil, 0, ",minor,"), c5,
			cs("C6", "米山镇", cst(2026, 1, 1, 0, 5), "", nil, 0, ",veteran,"), c7,
		} {
			if err := h.Case(x); err != nil {
				return err
			}
		}
		for _, v := range []store.PastVisit{
			{SiteID: n.ID, ResidentID: resident, Kind: "office", Status: "done", MatterIDs: []int64{1, 2}, StartsAt: cst(2025, 4, 1, 9, 0)},
			{SiteID: n.ID, ResidentID: resident, Kind: "home", Status: "done", MatterIDs: []int64{3}, StartsAt: cst(2025, 12, 31, 23, 30)},
			{SiteID: n.ID, ResidentID: resident, Kind: "office", Status: "done", MatterIDs: []int64{3}, StartsAt: cst(2026, 1, 1, 0, 30)},
			{SiteID: n.ID, ResidentID: resident, Kind: "office", Status: "cancelled", MatterIDs: []int64{1}, StartsAt: cst(2025, 5, 1, 9, 0)},
		} {
			if err := h.NotaryVisit(v); err != nil {
				return err
			}
		}
		for _, x := range [][3]string{{"2025-01-01", "2027-12-31", ""}, {"2024-01-01", "2025-06-30", "2025-06-30"}, {"2025-12-31", "2026-12-31", ""}} {
			site := map[string]int64{"2025-01-01": a1.ID, "2024-01-01": a2.ID, "2025-12-31": b1.ID}[x[0]]
			if err := h.Assignment(site, lawyer, officer, x[0], x[1], x[2]); err != nil {
				return err
			}
		}
		for _, l := range []struct {
			site       int64
			day, kind  string
			count, ppl int
		}{{a1.ID, "2025-03-03", "lecture", 1, 40}, {a1.ID, "2025-12-31", "consultation", 3, 3}, {b1.ID, "2026-01-01", "lecture", 1, 20}, {a2.ID, "2024-12-31", "lecture", 1, 9}} {
			if err := h.AdvisorLog(lawyer, l.site, l.day, l.kind, l.count, l.ppl, false); err != nil {
				return err
			}
		}
		dp := func(no, town, status string, acc time.Time, closed *time.Time) store.PastDispute {
			return store.PastDispute{Number: no, Type: "neighbour", Township: town, Status: status, AcceptedAt: acc, ClosedAt: closed, CreatedBy: officer}
		}
		for _, d := range []store.PastDispute{
			dp("D1", "米山镇", "resolved", cst(2025, 2, 1, 9, 0), at(cst(2025, 2, 20, 9, 0))),
			dp("D2", "河西镇", "accepted", cst(2025, 12, 31, 23, 30), nil),
			dp("D3", "米山镇", "unresolved", cst(2024, 12, 20, 9, 0), at(cst(2025, 1, 5, 9, 0))),
			dp("D4", "河西镇", "withdrawn", cst(2025, 7, 1, 9, 0), at(cst(2025, 7, 10, 9, 0))),
			dp("D5", "米山镇", "accepted", cst(2026, 1, 1, 0, 0), nil),
		} {
			if err := h.Dispute(d); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
