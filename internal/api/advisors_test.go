package api

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/legaldesk/legaldesk/internal/advisor"
	"github.com/legaldesk/legaldesk/internal/errs"
)

// Demo accounts: lawyer i (0–39) is user 4+i with phone 139001001xx.
func lawyerPhone(i int) string { return fmt.Sprintf("139%08d", 101+i) }

func (e *env) admin() *client {
	c := e.client()
	c.signIn("13900000001")
	return c
}

func num(v any) int64 { return int64(v.(float64)) }

// uncovered returns the coverage report's uncovered village ids.
func uncovered(t *testing.T, admin *client) []int64 {
	t.Helper()
	var ids []int64
	for _, v := range items(admin.object("GET", "/api/v1/advisors/coverage", nil, 200), "uncovered") {
		ids = append(ids, num(v["id"]))
	}
	return ids
}

// TestAdvisorOnePerVillageUnderConcurrency: 50 requests at once to give one
// village an advisor; the database's unique key lets exactly one through
// and the rest get the feature's own conflict.
func TestAdvisorOnePerVillageUnderConcurrency(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		e.seedDemo()
		admin := e.admin()
		village := uncovered(t, admin)[0]
		var wg sync.WaitGroup
		res := make([]response, 50)
		for i := range res {
			wg.Add(1)
			go func() {
				defer wg.Done()
				body := map[string]any{"site_id": village, "lawyer_id": 4 + i%40}
				res[i] = admin.do("POST", "/api/v1/advisor-assignments", body)
			}()
		}
		wg.Wait()
		created := 0
		for _, r := range res {
			switch r.status {
			case http.StatusCreated:
				created++
			case http.StatusConflict:
				code, _, fields := r.errorOf(t)
				if code != "conflict" || fields["site_id"] == nil && !strings.Contains(string(r.body), advisor.ErrAtCap.Message.ZH) {
					t.Fatalf("refusal: %s", r.body)
				}
			default:
				t.Fatalf("status %d: %s", r.status, r.body)
			}
		}
		n := e.count(`SELECT COUNT(*) FROM advisor_assignments WHERE site_id = ? AND status = 'active'`, village)
		if created != 1 || n != 1 {
			t.Fatalf("%d created, %d active rows; want 1 and 1", created, n)
		}
		admin.wantStatus(admin.do("POST", "/api/v1/advisor-assignments", map[string]any{"site_id": village, "lawyer_id": 5}), 409).
			wantError(t, advisor.ErrTaken)
	})
}

// TestAdvisorAutoAssign: the admin previews (nothing saved), applies, and
// the demo city is fully covered with balanced loads.
func TestAdvisorAutoAssign(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		e.seedDemo()
		admin, k := e.admin(), newConformance(t)
		before := k.call(admin, "GET", "/api/v1/advisors/coverage", nil, 200).json(t)
		open := len(items(before, "uncovered"))
		if before["percent"].(float64) >= 100 || open == 0 {
			t.Fatalf("the demo starts covered: %v%%", before["percent"])
		}
		preview := k.call(admin, "POST", "/api/v1/advisor-assignments/auto", map[string]any{}, 200).json(t)["result"].(map[string]any)
		if len(items(preview, "proposals")) != open || len(items(preview, "unfilled")) != 0 || preview["balanced"] != true {
			t.Fatalf("preview: %d proposals for %d open, %d unfilled, balanced %v", len(items(preview, "proposals")), open,
				len(items(preview, "unfilled")), preview["balanced"])
		}
		if again := uncovered(t, admin); len(again) != open {
			t.Fatalf("the preview saved something: %d open, was %d", len(again), open)
		}
		applied := k.call(admin, "POST", "/api/v1/advisor-assignments/auto", map[string]any{"apply": true}, 200).json(t)
		if applied["applied"] != true {
			t.Fatalf("apply: %v", applied)
		}
		after := admin.object("GET", "/api/v1/advisors/coverage", nil, 200)
		if after["percent"].(float64) != 100 || len(items(after, "uncovered")) != 0 {
			t.Fatalf("after apply: %v%%, %d open", after["percent"], len(items(after, "uncovered")))
		}
		for _, tw := range items(after, "townships") {
			if tw["percent"].(float64) != 100 {
				t.Fatalf("township %v at %v%%", tw["township"], tw["percent"])
			}
		}
		max := e.count(`SELECT COALESCE(MAX(n), 0) FROM (SELECT COUNT(*) AS n FROM advisor_assignments WHERE status = 'active' GROUP BY lawyer_id) x`)
		if max > 10 {
			t.Fatalf("a lawyer advises %d villages, over the cap", max)
		}
		none := admin.object("POST", "/api/v1/advisor-assignments/auto", map[string]any{"apply": true}, 200)["result"].(map[string]any)
		if len(items(none, "proposals")) != 0 {
			t.Fatal("a second apply found work")
		}
		admin.wantStatus(admin.do("POST", "/api/v1/advisor-assignments/auto", map[string]any{"township": "不存在乡"}), 400)
	})
}

// TestAdvisorReplaceRenewEnd: the register keeps the history; the card
// follows the village's current advisor.
func TestAdvisorReplaceRenewEnd(t *testing.T) {
	e := newEnv(t, "sqlite")
	e.seedDemo()
	admin, anon, k := e.admin(), e.client(), newConformance(t)
	first := items(admin.object("GET", "/api/v1/advisor-assignments?active=true", nil, 200), "items")[0]
	id, site := num(first["id"]), num(first["site_id"])
	card := k.call(anon, "GET", fmt.Sprintf("/api/v1/sites/%d/advisor", site), nil, 200).json(t)
	if num(card["lawyer_id"]) != num(first["lawyer_id"]) || !strings.HasPrefix(card["work_phone"].(string), "0356-") || card["next_on_site"] == nil {
		t.Fatalf("card: %v", card)
	}
	other := 4 + (num(first["lawyer_id"])-4+1)%40
	repl := k.call(admin, "POST", fmt.Sprintf("/api/v1/advisor-assignments/%d/replace", id), map[string]any{"lawyer_id": other, "reason": "工作调动"}, 200).json(t)
	if num(repl["lawyer_id"]) != other || num(repl["previous_id"]) != id {
		t.Fatalf("replace: %v", repl)
	}
	if card := anon.object("GET", fmt.Sprintf("/api/v1/sites/%d/advisor", site), nil, 200); num(card["lawyer_id"]) != other {
		t.Fatalf("the card still shows the old advisor: %v", card)
	}
	admin.wantStatus(admin.do("POST", fmt.Sprintf("/api/v1/advisor-assignments/%d/end", id), map[string]any{}), 409).wantError(t, advisor.ErrClosed)
	admin.wantStatus(admin.do("POST", "/api/v1/advisor-assignments/999999/end", map[string]any{}), 404)
	newID := num(repl["id"])
	admin.wantStatus(admin.do("POST", fmt.Sprintf("/api/v1/advisor-assignments/%d/renew", newID), map[string]any{"ends_on": "2020-01-01"}), 400)
	renewed := admin.object("POST", fmt.Sprintf("/api/v1/advisor-assignments/%d/renew", newID), map[string]any{"ends_on": "2031-06-30"}, 200)
	k.call(admin, "POST", fmt.Sprintf("/api/v1/advisor-assignments/%d/end", num(renewed["id"])), map[string]any{"reason": "村委会申请"}, 200)
	anon.wantStatus(anon.do("GET", fmt.Sprintf("/api/v1/sites/%d/advisor", site), nil), 404).wantError(t, advisor.ErrNoAdvisor)
	hist := items(k.call(admin, "GET", fmt.Sprintf("/api/v1/advisor-assignments?site_id=%d", site), nil, 200).json(t), "items")
	if len(hist) != 3 || hist[0]["status"] != "replaced" || hist[1]["status"] != "renewed" || hist[2]["status"] != "ended" {
		t.Fatalf("history: %v", hist)
	}
	r := admin.do("POST", "/api/v1/advisor-assignments", map[string]any{"site_id": 1, "lawyer_id": 4})
	admin.wantStatus(r, 400).wantError(t, advisor.ErrNotRoom)
	r = admin.do("POST", "/api/v1/advisor-assignments", map[string]any{"site_id": site, "lawyer_id": 4, "ends_on": "2026-13-01"})
	if _, _, f := admin.wantStatus(r, 400).errorOf(t); f["ends_on"] == nil {
		t.Fatalf("a bad date: %s", r.body)
	}
}

// TestAdvisorCoverageReminds: contracts ending within 30 days are listed and
// the bureau is told once each through the outbox.
func TestAdvisorCoverageReminds(t *testing.T) {
	e := newEnv(t, "sqlite")
	e.seedDemo()
	admin := e.admin()
	ending := items(admin.object("GET", "/api/v1/advisors/coverage", nil, 200), "ending")
	if len(ending) == 0 {
		t.Fatal("the demo has no contract ending soon")
	}
	sent := e.count(`SELECT COUNT(*) FROM outbox WHERE kind = 'advisor_contract_ending'`)
	admin.object("GET", "/api/v1/advisors/coverage", nil, 200)
	if again := e.count(`SELECT COUNT(*) FROM outbox WHERE kind = 'advisor_contract_ending'`); sent != len(ending) || again != sent {
		t.Fatalf("%d reminders for %d contracts, %d after a second read", sent, len(ending), again)
	}
}

// TestAdvisorLogsOnlyForOwnVillages: a lawyer logs and reads only their
// own; another lawyer's village or report is a 404.
func TestAdvisorLogsOnlyForOwnVillages(t *testing.T) {
	e := newEnv(t, "sqlite")
	e.seedDemo()
	k := newConformance(t)
	a, b := e.client(), e.client()
	a.signIn(lawyerPhone(0))
	b.signIn(lawyerPhone(1))
	mine := items(k.call(a, "GET", "/api/v1/me/advisor-villages", nil, 200).json(t), "items")
	theirs := items(b.object("GET", "/api/v1/me/advisor-villages", nil, 200), "items")
	if len(mine) == 0 || len(theirs) == 0 {
		t.Fatal("demo lawyers 0 and 1 advise no village")
	}
	today := e.now().Format("2006-01-02")
	log := map[string]any{"site_id": num(mine[0]["site_id"]), "date": today, "kind": "door_to_door", "count": 6, "people": 9, "notes": "入户走访"}
	got := k.call(a, "POST", "/api/v1/advisor-logs", log, 201).json(t)
	if got["kind"] != "door_to_door" || num(got["count"]) != 6 {
		t.Fatalf("log: %v", got)
	}
	log["site_id"] = num(theirs[0]["site_id"])
	a.wantStatus(a.do("POST", "/api/v1/advisor-logs", log), 404).wantError(t, advisor.ErrNotYourVillage)
	bad := a.do("POST", "/api/v1/advisor-logs", map[string]any{"site_id": num(mine[0]["site_id"]), "date": "2026-02-30", "kind": "x"})
	if _, _, f := a.wantStatus(bad, 400).errorOf(t); f["date"] == nil {
		t.Fatalf("a bad date: %s", bad.body)
	}
	logs := items(k.call(a, "GET", "/api/v1/me/advisor-logs?month="+today[:7], nil, 200).json(t), "items")
	if len(logs) == 0 || logs[len(logs)-1]["notes"] != "入户走访" {
		t.Fatalf("my logs: %v", logs)
	}
	a.wantStatus(a.do("GET", "/api/v1/advisors/5/compliance", nil), 404).wantError(t, errs.ErrNotFound)
	rep := k.call(a, "GET", "/api/v1/advisors/4/compliance?month="+today[:7], nil, 200).json(t)
	if len(items(rep, "advisors")) != 1 || num(items(rep, "advisors")[0]["lawyer_id"]) != 4 {
		t.Fatalf("my compliance: %v", rep)
	}
}

// TestAdvisorComplianceReport: the bureau's month, its CSV (audited) and
// bad months.
func TestAdvisorComplianceReport(t *testing.T) {
	e := newEnv(t, "sqlite")
	e.seedDemo()
	admin, k := e.admin(), newConformance(t)
	rep := k.call(admin, "GET", "/api/v1/advisors/compliance?month=2026-10", nil, 200).json(t)
	advisors, towns := items(rep, "advisors"), items(rep, "townships")
	if len(advisors) < 30 || len(towns) != 16 || rep["quarter"] != "2026-Q4" {
		t.Fatalf("%d advisors, %d townships, quarter %v", len(advisors), len(towns), rep["quarter"])
	}
	missed := 0
	for _, tw := range towns {
		missed += int(num(tw["missed"]))
	}
	if missed == 0 {
		t.Fatal("the demo's October has no missed duty")
	}
	r := admin.wantStatus(admin.do("GET", "/api/v1/advisors/compliance.csv?month=2026-10", nil), 200)
	lines := strings.Split(strings.TrimSpace(string(r.body)), "\n")
	if !strings.HasPrefix(lines[0], "\ufeff月份,律师") || len(lines) < 200 || r.header.Get("Content-Type") != "text/csv; charset=utf-8" {
		t.Fatalf("csv: %d lines, %q", len(lines), lines[0])
	}
	if n := e.count(`SELECT COUNT(*) FROM audit_log WHERE object = 'advisor_compliance' AND action = 'read'`); n != 1 {
		t.Fatalf("%d audit lines for the export", n)
	}
	for _, m := range []string{"2026-13", "x", "2027-01"} {
		r := admin.do("GET", "/api/v1/advisors/compliance?month="+m, nil)
		if _, _, f := admin.wantStatus(r, 400).errorOf(t); f["month"] == nil {
			t.Fatalf("month %s: %s", m, r.body)
		}
	}
}
