package main

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// choose selects option i of a <select> as a person would, firing change.
func choose(sel string, i int) chromedp.Action[chromedp.Void] {
	return chromedp.Evaluate[chromedp.Void](`(() => { const s = document.querySelector('` + sel + `');
		s.selectedIndex = ` + string(rune('0'+i)) + `; s.dispatchEvent(new Event('change')); })()`)
}

// TestBrowserVillageAdvisors: the administrator previews the auto-assign,
// applies it and sees 100 % coverage; a lawyer records a door-to-door visit
// in one of their villages; a resident finds their village's advisor from
// the home page. axe-core runs on each page.
func TestBrowserVillageAdvisors(t *testing.T) {
	ctx := browser(t)
	axe := axeSource(t)
	base := startServer(t, nil)
	b := &tab{t: t, ctx: ctx}
	b.staffSignIn(base, "13900000001")
	b.do("coverage", chromedp.Navigate(base+"/#/advisors"), chromedp.WaitVisible(`#coverage-table`), chromedp.WaitVisible(`#uncovered`))
	if got := b.text(`#coverage-overall`); strings.Contains(got, "100%") {
		t.Fatalf("the demo starts fully covered: %q", got)
	}
	checkA11y(t, ctx, axe, "advisor coverage")
	b.do("preview", chromedp.Click(`#auto-preview`), chromedp.WaitVisible(`#auto-table`))
	if got := b.text(`#auto-summary`); !strings.Contains(got, "工作量均衡") {
		t.Fatalf("preview summary %q", got)
	}
	checkA11y(t, ctx, axe, "auto-assign preview")
	screenshot(t, ctx, "advisor auto-assign preview")
	b.do("apply", chromedp.Click(`#auto-apply`),
		chromedp.Poll[chromedp.Void](`document.querySelector('#coverage-overall')?.textContent.includes('100%')`))
	if got := b.text(`#coverage-overall`); !strings.Contains(got, "覆盖率 100%") {
		t.Fatalf("after apply: %q", got)
	}
	b.do("compliance", chromedp.Navigate(base+"/#/advisor-compliance"), chromedp.WaitVisible(`#advisor-duties`))
	checkA11y(t, ctx, axe, "advisor compliance")
	b.do("register", chromedp.Navigate(base+"/#/advisor-register"), chromedp.WaitVisible(`#register [data-end]`))
	checkA11y(t, ctx, axe, "advisor register")
	b.do("end a contract", chromedp.Click(`#register [data-end]`),
		chromedp.Poll[chromedp.Void](`document.querySelector('#register').textContent.includes('暂无顾问')`))
	b.do("assign again", chromedp.Click(`#assign-form button[type="submit"]`),
		chromedp.Poll[chromedp.Void](`!document.querySelector('#register').textContent.includes('暂无顾问')`))

	b.staffSignIn(base, "13900000101")
	b.do("my villages", chromedp.Navigate(base+"/#/advisor-mine"), chromedp.WaitVisible(`#log-form`))
	checkA11y(t, ctx, axe, "my villages")
	b.do("log a visit", chromedp.SetValue(`#log-kind`, "door_to_door"), chromedp.SetValue(`#log-count`, "7"),
		chromedp.SendKeys(`#log-notes`, "入户讲解赡养义务"), chromedp.Click(`#log-form button[type="submit"]`),
		chromedp.Poll[chromedp.Void](`document.querySelector('#my-logs')?.textContent.includes('入户讲解赡养义务')`))
	if got := b.text(`#my-logs`); !strings.Contains(got, "敲门送法（入户） × 7") {
		t.Fatalf("my logs: %q", got)
	}

	b.do("home", chromedp.Navigate(base+"/#/"), chromedp.WaitVisible(`#home-advisor`), chromedp.Click(`#home-advisor`),
		chromedp.WaitVisible(`#adv-township`), choose(`#adv-township`, 4), chromedp.WaitVisible(`#adv-village`),
		choose(`#adv-village`, 1), chromedp.WaitVisible(`#advisor-name`))
	if name, phone := b.text(`#advisor-name`), b.text(`#advisor-card a[href^="tel:"]`); name == "" || !strings.HasPrefix(phone, "0356-") {
		t.Fatalf("card: %q %q", name, phone)
	}
	checkA11y(t, ctx, axe, "village advisor card")
	screenshot(t, ctx, "village advisor card")
}
