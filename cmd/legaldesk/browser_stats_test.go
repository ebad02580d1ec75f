package main

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserStatsDashboard starts the demo with its past year (the one
// test that turns the history on): the administrator's dashboard shows the
// year's figures, charts with tables, the demo notice and the annual
// definitions, at desktop and phone widths and in English, axe-clean; the
// legal-aid officer confirms a case's special groups on the case page.
func TestBrowserStatsDashboard(t *testing.T) {
	// The server first: writing the demo year takes a while under -race,
	// and the browser's own time limit starts when it opens.
	base := startServer(t, map[string]string{"LEGALDESK_DEMO_HISTORY": "true"})
	ctx := browser(t)
	axe := axeSource(t)
	b := &tab{t: t, ctx: ctx}
	b.staffSignIn(base, "13900000001")
	b.do("dashboard", chromedp.EmulateViewport(1280, 900), chromedp.Navigate(base+"/#/stats/2025-01-01/2025-12-31/"),
		chromedp.WaitVisible(`#annual`), chromedp.WaitVisible(`#chart-groups svg`))
	if got := b.text(`#stats-demo`); !strings.Contains(got, "演示数据") {
		t.Fatalf("demo notice: %q", got)
	}
	groups := b.text(`#chart-groups table`)
	if !strings.Contains(groups, "老年人") || !strings.Contains(groups, "农民工") {
		t.Fatalf("groups table: %q", groups)
	}
	annual := b.text(`#annual`)
	if !strings.Contains(annual, "其中：特殊群体") || !strings.Contains(annual, "490") || !strings.Contains(annual, "第四十三条") {
		t.Fatalf("annual figures: %q", annual)
	}
	if title := value(b, chromedp.Evaluate[string](`document.querySelector('#chart-aid svg').getAttribute('aria-labelledby')`)); title != "chart-aid-title" {
		t.Fatalf("the chart has no name: %q", title)
	}
	checkA11y(t, ctx, axe, "statistics dashboard")
	screenshot(t, ctx, "statistics dashboard")
	for _, w := range []int64{390, 360} {
		b.do("phone width", chromedp.EmulateViewport(w, 800), chromedp.Reload(), chromedp.WaitVisible(`#annual`))
		checkA11y(t, ctx, axe, "statistics dashboard on a phone")
	}
	screenshot(t, ctx, "statistics dashboard phone")
	b.do("one township", chromedp.EmulateViewport(1280, 900), choose(`#st-township`, 4), chromedp.Click(`#stats-filter button[type="submit"]`),
		chromedp.Poll[chromedp.Void](`location.hash.split('/').length === 5 && location.hash.split('/')[4] !== ''`), chromedp.WaitVisible(`#annual`))
	one := b.text(`#chart-aid table`)
	if one == groups || !strings.Contains(one, "受理") {
		t.Fatalf("township figures: %q", one)
	}
	b.do("english", chromedp.Click(`#toggle-lang`), chromedp.Poll[chromedp.Void](`document.querySelector('h1')?.textContent === 'Statistics'`))
	if got := b.text(`#annual`); !strings.Contains(got, "of which: special groups") {
		t.Fatalf("english definitions: %q", got)
	}
	checkA11y(t, ctx, axe, "statistics dashboard in English")
	b.do("chinese", chromedp.Click(`#toggle-lang`), chromedp.Poll[chromedp.Void](`document.querySelector('h1')?.textContent === '统计分析'`))

	// A walk-in entered by the officer: the demo year leaves nothing on the board.
	officer := newClient(t, base)
	officer.call("POST", "/api/v1/auth/login", map[string]string{"phone": "13900000002", "password": "demo-pass-2026"}, nil)
	if s := officer.call("POST", "/api/v1/legal-aid/applications", map[string]any{"name": "张秀英", "id_number": "11010519491231002X",
		"phone": "13800000007", "township": "米山镇", "relation": "self", "matter": "labour_arbitration", "opposing_party": "某公司",
		"summary": "被拖欠工资八个月，要求支付劳动报酬。", "path": "art41_pledge", "pledge_confirmed": true, "pledge_signature": "张秀英",
		"sensitive_consent": true, "household_size": 3, "household_income": 2400}, nil); s != 201 {
		t.Fatalf("walk-in: %d", s)
	}
	b.staffSignIn(base, "13900000002")
	b.do("queue", chromedp.Navigate(base+"/#/aid-queue"), chromedp.WaitVisible(`#aid-queue a`), chromedp.Click(`#aid-queue a`),
		chromedp.WaitVisible(`#special-groups`))
	if checked := value(b, chromedp.Evaluate[bool](`document.querySelector('#special-groups input[value="elderly"]').checked`)); !checked {
		t.Fatal("the derived group (elderly, from the ID number) is not ticked")
	}
	checkA11y(t, ctx, axe, "case page with special groups")
	b.do("confirm groups", chromedp.Click(`#special-groups input[value="veteran"]`), chromedp.Click(`#special-groups button[type="submit"]`),
		chromedp.Poll[chromedp.Void](`document.querySelector('#special-groups')?.textContent.includes('已于')`))
	if checked := value(b, chromedp.Evaluate[bool](`document.querySelector('#special-groups input[value="veteran"]').checked`)); !checked {
		t.Fatal("the confirmed group is not ticked after reload")
	}
	b.do("officer's dashboard", chromedp.Navigate(base+"/#/stats"), chromedp.WaitVisible(`#chart-aid`))
	if n := value(b, chromedp.Evaluate[int](`document.querySelectorAll('#chart-consultations, #chart-disputes').length`)); n != 0 {
		t.Fatalf("the officer sees %d sections beyond legal aid", n)
	}
	checkA11y(t, ctx, axe, "officer's statistics")
}
