package api

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/legaldesk/legaldesk/internal/account"
	"github.com/legaldesk/legaldesk/internal/stats"
)

const statsMonth = "/api/v1/stats/summary?from=2026-11-01&to=2026-11-30"

// TestStatsSpecialGroups: groups derived at submission from the ID number
// (a woman born 1949: elderly, women), the path (Art. 41: low income) and
// the matter (unpaid pay: migrant worker); shown to officers only; the
// officer's confirmation replaces them, is on the history, and is counted.
func TestStatsSpecialGroups(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		k := newConformance(t)
		res := e.resident("13800000001")
		app := res.object("POST", "/api/v1/legal-aid/applications", aidForm(nil), 201)
		if _, shown := app["special_groups"]; shown {
			t.Errorf("the applicant sees the groups: %v", app["special_groups"])
		}
		officer, admin, lawyer := e.client(), e.client(), e.client()
		officer.signInStaff(account.AidOfficer, "13900000002")
		admin.signInStaff(account.Admin, "13900000001")
		lawyer.signInStaff(account.Lawyer, "13900000101")
		id := fmt.Sprint(app["id"])
		got := officer.object("GET", "/api/v1/legal-aid/applications/"+id, nil, 200)["application"].(map[string]any)
		if fmt.Sprint(got["special_groups"]) != "[elderly women migrant_worker low_income]" {
			t.Errorf("derived groups: %v", got["special_groups"])
		}
		sum := k.call(admin, "GET", statsMonth, nil, 200).json(t)["legal_aid"].(map[string]any)
		if sum["received"] != 1.0 || sum["special_groups"] != 1.0 || sum["by_group"].(map[string]any)["migrant_worker"] != 1.0 {
			t.Errorf("before confirmation: %v", sum)
		}
		path := "/api/v1/legal-aid/applications/" + id + "/special-groups"
		put := k.call(officer, "PUT", path, map[string]any{"groups": []string{"women", "elderly"}}, 200).json(t)
		if fmt.Sprint(put["special_groups"]) != "[elderly women]" || put["groups_confirmed_at"] == nil {
			t.Errorf("confirmed: %v %v", put["special_groups"], put["groups_confirmed_at"])
		}
		if n := e.count(`SELECT COUNT(*) FROM legal_aid_events WHERE action = 'special_groups' AND staff_note LIKE ?`, "%农民工%；现：老年人、妇女"); n != 1 {
			t.Errorf("%d history events with the old and new sets", n)
		}
		sum = k.call(admin, "GET", statsMonth, nil, 200).json(t)["legal_aid"].(map[string]any)
		if sum["by_group"].(map[string]any)["migrant_worker"] != 0.0 || sum["by_group"].(map[string]any)["women"] != 1.0 {
			t.Errorf("after confirmation: %v", sum)
		}
		k.callInvalid(officer, "PUT", path, map[string]any{"groups": []string{"aliens"}}, 400)
		k.callInvalid(officer, "PUT", path, map[string]any{}, 400)
		k.call(officer, "PUT", "/api/v1/legal-aid/applications/99999/special-groups", map[string]any{"groups": []string{}}, 404)
		k.call(res, "PUT", path, map[string]any{"groups": []string{}}, 403)
		k.call(lawyer, "PUT", path, map[string]any{"groups": []string{}}, 403)
		// The officer sees the legal-aid section only; a lawyer nothing.
		mine := k.call(officer, "GET", statsMonth, nil, 200).json(t)
		if _, ok := mine["consultations"]; ok || mine["legal_aid"] == nil {
			t.Errorf("officer's summary: %v", mine)
		}
		k.call(lawyer, "GET", statsMonth, nil, 403)
		k.call(res, "GET", "/api/v1/stats/annual?year=2026", nil, 403)
		bad := k.callInvalid(admin, "GET", "/api/v1/stats/summary?from=2026-11-30&to=2026-11-01", nil, 400)
		if _, _, f := bad.errorOf(t); f["to"] == nil {
			t.Errorf("a reversed period names to: %s", bad.body)
		}
		k.callInvalid(admin, "GET", "/api/v1/stats/summary?from=2020-01-01&to=2026-11-01", nil, 400)
		k.callInvalid(admin, "GET", "/api/v1/stats/annual?year=abc", nil, 400)
		year := k.call(admin, "GET", "/api/v1/stats/annual?year=2026", nil, 200).json(t)
		figs := year["figures"].([]any)
		i := slices.IndexFunc(figs, func(f any) bool { return f.(map[string]any)["key"] == "legal_aid_special_groups" })
		if i < 0 || figs[i].(map[string]any)["value"] != 1.0 || figs[i].(map[string]any)["definition_en"] == "" || year["includes_demo"] != false {
			t.Errorf("annual: %v", year)
		}
	})
}

// TestStatsExports: the workbook opens in excelize with its headers, names
// and numbers masked and formula-like cells escaped; the CSV has a BOM and
// the same escaping; every export is audited; the officer may not export
// the disputes.
func TestStatsExports(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		res := e.resident("13800000002")
		res.object("POST", "/api/v1/legal-aid/applications", aidForm(map[string]any{
			"name": "=1+2", "pledge_signature": "=1+2", "township": "@SUM(A1)", "phone": "13800000002"}), 201)
		admin, officer := e.client(), e.client()
		admin.signInStaff(account.Admin, "13900000001")
		officer.signInStaff(account.AidOfficer, "13900000002")
		q := "?from=2026-11-01&to=2026-11-30&list=legal_aid"
		x := admin.wantStatus(admin.do("GET", "/api/v1/stats/export.xlsx"+q, nil), 200)
		if x.header.Get("Content-Type") != xlsxType || !strings.Contains(x.header.Get("Content-Disposition"), "attachment") {
			t.Errorf("headers: %v", x.header)
		}
		f, err := excelize.OpenReader(bytes.NewReader(x.body))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := f.GetRows("Sheet1")
		if err != nil || len(rows) != 3 {
			t.Fatalf("rows %v, %v", rows, err)
		}
		if rows[1][0] != "案件编号" || rows[1][4] != "身份证号" || rows[1][5] != "电话" || rows[1][9] != "特殊群体" {
			t.Errorf("headers: %v", rows[1])
		}
		r := rows[2]
		if r[2] != "'@SUM(A1)" || r[3] != "'=***" || r[4] != "110105********002X" || r[5] != "138****0002" {
			t.Errorf("row: %q", r)
		}
		for _, cell := range r {
			if formula, _ := f.GetCellFormula("Sheet1", "D3"); formula != "" || strings.Contains(cell, "19491231") {
				t.Errorf("a formula or an unmasked number: %q", r)
			}
		}
		csv := admin.wantStatus(admin.do("GET", "/api/v1/stats/export.csv"+q, nil), 200)
		body := string(csv.body)
		if !strings.HasPrefix(body, "\uFEFF案件编号,") || !strings.Contains(body, ",'@SUM(A1),'=***,110105********002X,138****0002,") {
			t.Errorf("csv: %q", body)
		}
		if strings.Contains(body, "13800000002") || strings.Contains(body, "11010519491231002X") {
			t.Error("the CSV shows a whole number")
		}
		sum := officer.wantStatus(officer.do("GET", "/api/v1/stats/export.csv?from=2026-11-01&to=2026-11-30", nil), 200)
		if !strings.Contains(string(sum.body), "法律援助案件受理（收到申请）,legal-aid cases received,1,") {
			t.Errorf("summary csv: %s", sum.body)
		}
		// The summary workbook keeps numbers as numbers, beside their definitions.
		sx := admin.wantStatus(admin.do("GET", "/api/v1/stats/export.xlsx?from=2026-11-01&to=2026-11-30", nil), 200)
		sf, err := excelize.OpenReader(bytes.NewReader(sx.body))
		if err != nil {
			t.Fatal(err)
		}
		srows, _ := sf.GetRows("Sheet1")
		i := slices.IndexFunc(srows, func(r []string) bool { return len(r) > 2 && r[1] == "legal-aid cases received" })
		if i < 0 || srows[i][2] != "1" || !strings.Contains(srows[i][4], "收到") {
			t.Fatalf("summary rows: %q", srows)
		}
		if typ, _ := sf.GetCellType("Sheet1", fmt.Sprintf("C%d", i+1)); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
			t.Errorf("the count is stored as %v, not a number", typ)
		}
		officer.do("GET", "/api/v1/stats/export.csv?from=2026-11-01&to=2026-11-30&list=disputes", nil).wantError(t, stats.ErrForbidden)
		admin.wantStatus(admin.do("GET", "/api/v1/stats/export.xlsx?from=2026-11-01&to=2026-11-30&list=people", nil), 400)
		if n := e.count(`SELECT COUNT(*) FROM audit_log WHERE object = 'stats_export' AND detail LIKE ?`, "list=legal_aid from=2026-11-01 to=2026-11-30%rows=1"); n != 2 {
			t.Errorf("%d audited legal-aid exports, want 2", n)
		}
		if n := e.count(`SELECT COUNT(*) FROM audit_log WHERE object = 'stats_export'`); n != 4 {
			t.Errorf("%d audited exports, want 4", n)
		}
	})
}
