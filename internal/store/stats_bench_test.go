package store_test

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/stats"
	"github.com/legaldesk/legaldesk/internal/store"
	"github.com/legaldesk/legaldesk/internal/testenv"
)

// BenchmarkStatsProvinceYear counts a year of a province's activity:
// Shanxi's 117 counties (LEGALDESK_BENCH_COUNTIES to change it), each with
// 16 townships and a demo county's year — 550 legal-aid cases with three
// events each, 2,400 bookings, 2,400 consultations, 370 notary visits, 1,700
// disputes, 220 village rooms with their advisor contracts and 2,000 logs —
// about 1.4 million rows for 117 counties. It times the whole province's
// summary and one township's.
func BenchmarkStatsProvinceYear(b *testing.B) {
	counties := 117
	if n, err := strconv.Atoi(os.Getenv("LEGALDESK_BENCH_COUNTIES")); err == nil && n > 0 {
		counties = n
	}
	for _, engine := range testenv.Engines(b) {
		b.Run(engine, func(b *testing.B) {
			s := testenv.NewStore(b, engine)
			started := time.Now()
			rows := provinceYear(b, s, counties)
			b.Logf("%s: %d rows for %d counties written in %v", engine, rows, counties, time.Since(started).Round(time.Second))
			svc := &stats.Service{Store: s}
			admin := stats.Viewer{ID: 1, Role: "admin"}
			year := stats.Period{From: calendar.NewDate(2025, 1, 1), To: calendar.NewDate(2025, 12, 31)}
			for _, town := range []string{"", "县1镇3"} {
				year.Township = town
				b.Run("township="+town, func(b *testing.B) {
					for b.Loop() {
						sum, err := svc.Summary(context.Background(), admin, year)
						if err != nil || sum.LegalAid.Received == 0 {
							b.Fatalf("%+v, %v", sum.LegalAid, err)
						}
					}
				})
			}
		})
	}
}

// bulk inserts rows in statements of up to 500 rows.
func bulk(b *testing.B, s *store.Store, table, cols string, rows [][]any) int {
	b.Helper()
	n := len(strings.Split(cols, ","))
	one := "(" + strings.TrimSuffix(strings.Repeat("?, ", n), ", ") + ")"
	for start := 0; start < len(rows); start += 500 {
		batch := rows[start:min(start+500, len(rows))]
		var args []any
		for _, r := range batch {
			args = append(args, r...)
		}
		q := "INSERT INTO " + table + " (" + cols + ") VALUES " + strings.TrimSuffix(strings.Repeat(one+", ", len(batch)), ", ")
		if _, err := s.DB().Exec(q, args...); err != nil {
			b.Fatalf("%s: %v", table, err)
		}
	}
	return len(rows)
}

// provinceYear writes the data set and returns its row count.
func provinceYear(b *testing.B, s *store.Store, counties int) int {
	b.Helper()
	db := s.DB()
	now := time.Now().UTC()
	must := func(_ any, err error) {
		if err != nil {
			b.Fatal(err)
		}
	}
	must(db.Exec(`INSERT INTO users (role, name, phone_sealed, phone_index, created_at) VALUES ('lawyer', '律师', 'x', 'bench', ?)`, now))
	must(db.Exec(`INSERT INTO firms (name) VALUES ('所')`))
	must(db.Exec(`INSERT INTO lawyers (user_id, firm_id, license_no, licensed_since) VALUES (1, 1, 'L', '2010-01-01')`))
	must(db.Exec(`INSERT INTO sites (name, tier, township, created_at, updated_at) VALUES ('中心', 'center', '', ?, ?)`, now, now))
	var stations, rooms [][]any
	for c := range counties {
		for t := range 16 {
			town := fmt.Sprintf("县%d镇%d", c, t)
			stations = append(stations, []any{town + "工作站", "station", 1, town, now, now})
			for r := range 14 {
				rooms = append(rooms, []any{fmt.Sprintf("%s村%d", town, r), "room", 1, town, now, now})
			}
		}
	}
	total := bulk(b, s, "sites", "name, tier, parent_id, township, created_at, updated_at", stations)
	total += bulk(b, s, "sites", "name, tier, parent_id, township, created_at, updated_at", rooms)
	firstStation, firstRoom := int64(2), int64(2+len(stations))
	must(db.Exec(`INSERT INTO shifts (site_id, date, session, seat, starts_at, ends_at, created_at, updated_at) VALUES (2, '2025-01-01', 0, 0, ?, ?, ?, ?)`, now, now, now, now))
	must(db.Exec(`INSERT INTO slots (shift_id, site_id, starts_at, ends_at, capacity) VALUES (1, 2, ?, ?, 1)`, now, now))
	year := time.Date(2024, 12, 31, 16, 0, 0, 0, time.UTC)
	at := func(i, n int) time.Time {
		return year.Add(time.Duration(int64(i) * int64(365*24*time.Hour) / int64(n)))
	}
	statuses := []string{"attended", "attended", "attended", "no_show", "cancelled"}
	groups := []string{",elderly,women,", ",migrant_worker,", "", ",minor,", ",low_income,"}
	var cases, events, bookings, consults, visits, disputes, assigns, logs [][]any
	nb, nc, nd, nl := 2400*counties, 550*counties, 1700*counties, 2000*counties
	for i := range nb {
		site := firstStation + int64(i%len(stations))
		bookings = append(bookings, []any{fmt.Sprint("B", i), 1, site, 1, statuses[i%5], at(i, nb), at(i, nb), now, now})
		consults = append(consults, []any{site, 1, i % 6 / 5, "other", "摘要", "answered", at(i, nb)})
	}
	for i := range nc {
		t := at(i, nc)
		cases = append(cases, []any{fmt.Sprint("C", i), 1, "张三", "x", "x", "x", "x", stations[i%len(stations)][3], "self", "civil_admin", "摘要",
			"art41_pledge", 1, "approved", t, t.Add(time.Duration(1+i%9) * 24 * time.Hour), groups[i%5], "application", t, t})
		events = append(events, []any{i + 1, 1, "officer", "", "received", "submit", t}, []any{i + 1, 1, "officer", "received", "approved", "approve", t.Add(48 * time.Hour)},
			[]any{i + 1, 1, "officer", "approved", "closed", "close", t.Add(90 * 24 * time.Hour)})
	}
	for i := range 370 * counties {
		visits = append(visits, []any{fmt.Sprint("N", i), "office", firstStation, 1, "done", "[1,2]", "[]", "", "[]", at(i, 370*counties), now, now})
	}
	for i := range nd {
		t := at(i, nd)
		disputes = append(disputes, []any{fmt.Sprint("D", i), "neighbour", "概要", stations[i%len(stations)][3], []string{"resolved", "unresolved", "withdrawn", "mediating"}[i%4],
			"staff", t, t, t.Add(20 * 24 * time.Hour), "", 1, now, now})
	}
	for i := range rooms {
		if i%8 != 5 {
			assigns = append(assigns, []any{firstRoom + int64(i), 1, firstRoom + int64(i), "2024-06-01", "2027-05-31", "active", 1, 3, 1, now, now})
		}
	}
	for i := range nl {
		logs = append(logs, []any{1, firstRoom + int64(i%len(rooms)), calendar.DateOf(at(i, nl)).String(), "on_site", 1, 5, now})
	}
	total += bulk(b, s, "bookings", "code, slot_id, site_id, resident_id, status, starts_at, ends_at, created_at, updated_at", bookings)
	total += bulk(b, s, "consultations", "site_id, lawyer_id, walk_in, category, summary, outcome, created_at", consults)
	total += bulk(b, s, "legal_aid_applications", "code, entered_by, name, id_sealed, id_index, phone_sealed, phone_index, township, relation, matter, summary, path, sensitive_consent, status, complete_at, decided_at, special_groups, origin, created_at, updated_at", cases)
	total += bulk(b, s, "legal_aid_events", "application_id, actor, actor_role, from_status, to_status, action, at", events)
	total += bulk(b, s, "notary_visits", "code, kind, site_id, resident_id, status, matter_ids, parties, id_sealed, missing, starts_at, created_at, updated_at", visits)
	total += bulk(b, s, "disputes", "number, type, summary, township, status, source, accepted_at, due_at, closed_at, agreement, created_by, created_at, updated_at", disputes)
	total += bulk(b, s, "advisor_assignments", "site_id, lawyer_id, active_site_id, starts_on, ends_on, status, onsite_week, onsite_weekday, created_by, created_at, updated_at", assigns)
	total += bulk(b, s, "advisor_logs", "lawyer_id, site_id, date, kind, count, people, created_at", logs)
	if s.Driver() == "mysql" {
		must(db.Exec(`ANALYZE TABLE bookings, consultations, legal_aid_applications, legal_aid_events, notary_visits, disputes, advisor_logs, sites, advisor_assignments`))
	} else {
		must(db.Exec(`ANALYZE`))
	}
	return total
}
