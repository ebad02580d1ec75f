package main

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/legaldesk/legaldesk/internal/calendar"
)

// pick sets a select and tells the page, as a person choosing would.
func pick(sel, v string) chromedp.Action[chromedp.Void] {
	return chromedp.Evaluate[chromedp.Void](`(() => { const s = document.querySelector('` + sel + `'); s.value = '` + v + `';
		s.dispatchEvent(new Event('change', {bubbles: true})); })()`)
}

// TestBrowserAidWizard: on a 390 px phone a migrant worker applies step by
// step — an empty step lists its problem at the top with a link to the
// field; "owed wages as a migrant worker" chooses Art. 42 with the article
// as the reason — and gets the receipt: the number, the decision date of
// Art. 43, the materials for the path and matter. Then, signed out, the
// progress lookup by number and ID number, at 390 px and on a desktop.
func TestBrowserAidWizard(t *testing.T) {
	ctx := browser(t)
	axe := axeSource(t)
	base := startServer(t, nil)
	b := &tab{t: t, ctx: ctx}
	b.do("phone", chromedp.EmulateViewport(390, 844))
	b.residentSignIn(base, "13800000007")
	// In English first: the questions and the reason read the same way.
	b.do("in English", chromedp.Evaluate[chromedp.Void](`localStorage.setItem('lang', 'en')`), chromedp.Navigate(base+"/#/aid"),
		chromedp.Reload(), chromedp.WaitVisible(`#aid-form`), pick(`#matter`, "labour_arbitration"),
		chromedp.Click(`fieldset[data-step="1"] [data-next]`), chromedp.WaitVisible(`input[name="answer"][value="migrant_wages"]`),
		chromedp.Click(`input[name="answer"][value="migrant_wages"]`), chromedp.WaitVisible(`#path-reason`))
	if got := b.text(`label:has(input[value="migrant_wages"])`); got != "I am a migrant worker claiming unpaid wages or work-injury damages" {
		t.Errorf("the English question %q", got)
	}
	checkA11y(t, ctx, axe, "aid wizard step 2 en")
	b.do("back to Chinese", chromedp.Evaluate[chromedp.Void](`localStorage.setItem('lang', 'zh')`), chromedp.Reload(), chromedp.WaitVisible(`#aid-form`))
	b.do("step 1", chromedp.Navigate(base+"/#/aid"), chromedp.WaitVisible(`#aid-form fieldset[data-step="1"]`))
	if got := b.text(`fieldset[data-step="1"] legend`); !strings.Contains(got, "步骤 1/4") {
		t.Fatalf("step 1 legend %q", got)
	}
	checkA11y(t, ctx, axe, "aid wizard step 1")
	b.do("next without an answer", chromedp.Click(`fieldset[data-step="1"] [data-next]`), chromedp.WaitVisible(`.error-summary a[data-field="matter"]`))
	if got := b.text(`.error-summary`); !strings.Contains(got, "请选择问题的类型") {
		t.Fatalf("error summary %q", got)
	}
	checkA11y(t, ctx, axe, "aid wizard errors")
	b.do("the link goes to the field", chromedp.Click(`.error-summary a[data-field="matter"]`),
		chromedp.Poll[chromedp.Void](`document.activeElement?.id === 'matter'`))
	b.do("a labour matter", pick(`#matter`, "civil_admin"), chromedp.WaitVisible(`#art31_item`), pick(`#art31_item`, "labour_pay"),
		chromedp.Click(`fieldset[data-step="1"] [data-next]`), chromedp.WaitVisible(`input[name="answer"][value="migrant_wages"]`))
	if got := b.text(`fieldset[data-step="2"] legend`); !strings.Contains(got, "步骤 2/4") {
		t.Fatalf("step 2 legend %q", got)
	}
	b.do("owed wages", chromedp.Click(`input[name="answer"][value="migrant_wages"]`), chromedp.WaitVisible(`#path-reason`))
	if got := b.text(`#path-reason`); !strings.Contains(got, "《法律援助法》第四十二条") || !strings.Contains(got, "免予核查经济困难状况") {
		t.Fatalf("the reason shown: %q", got)
	}
	checkA11y(t, ctx, axe, "aid wizard step 2")
	b.do("step 3", chromedp.Click(`fieldset[data-step="2"] [data-next]`), chromedp.WaitVisible(`#name`))
	checkA11y(t, ctx, axe, "aid wizard step 3")
	b.do("about me", chromedp.SendKeys(`#name`, "王建军"), chromedp.SendKeys(`#id_number`, "140581198503150039"),
		chromedp.SendKeys(`#phone`, "13800000007"), chromedp.SendKeys(`#township`, "米山镇"), chromedp.SendKeys(`#address`, "米山镇米西村"),
		chromedp.SendKeys(`#summary`, "在县城工地干了八个月，老板拖欠工资一万六千元不给。"),
		chromedp.Click(`fieldset[data-step="3"] [data-next]`), chromedp.WaitVisible(`#review`))
	if got := b.text(`#review`); !strings.Contains(got, "王建军") || !strings.Contains(got, "第四十二条") {
		t.Fatalf("review %q", got)
	}
	b.do("submit without consent", chromedp.Click(`#aid-submit`), chromedp.WaitVisible(`.error-summary a[data-field="sensitive_consent"]`))
	if sideways := value(b, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`)); sideways {
		t.Error("the review step scrolls sideways at 390 px")
	}
	checkA11y(t, ctx, axe, "aid wizard step 4")
	b.do("submit", chromedp.Click(`input[name="sensitive_consent"]`), chromedp.Click(`#aid-submit`), chromedp.WaitVisible(`#aid-receipt`))
	code := b.text(`#aid-code`)
	if !regexp.MustCompile(`^FY\d{6}[0-9A-F]{6}$`).MatchString(code) {
		t.Fatalf("application number %q", code)
	}
	due := time.Now().In(calendar.Shanghai).AddDate(0, 0, 7).Format("2006-01-02")
	if got := b.text(`#rc-due`); got != due {
		t.Fatalf("decision due %q, want %s", got, due)
	}
	list := b.text(`#rc-checklist`)
	for _, want := range []string{"身份证", "务工证明", "劳动关系和欠薪的证据"} {
		if !strings.Contains(list, want) {
			t.Errorf("the checklist lacks %q: %s", want, list)
		}
	}
	// The receipt says it is one, where the centre is and when it is open,
	// and that the number went by SMS too.
	if got := b.text(`#receipt-heading`); !strings.Contains(got, "受理回执") {
		t.Errorf("the receipt's heading %q", got)
	}
	if addr, hours := b.text(`#rc-address`), b.text(`#rc-hours`); !strings.Contains(addr, "号") || !strings.Contains(hours, "09:00") {
		t.Errorf("the centre: %q, %q", addr, hours)
	}
	if got := b.text(`#rc-sms`); !strings.Contains(got, "短信") {
		t.Errorf("the SMS note %q", got)
	}
	if got, today := b.text(`#rc-received`), time.Now().In(calendar.Shanghai).Format("2006-01-02"); got != today {
		t.Errorf("received on %q, want %s (Shanghai)", got, today)
	}
	if sideways := value(b, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`)); sideways {
		t.Error("the receipt scrolls sideways at 390 px")
	}
	if got := b.text(`#rc-path`); !strings.Contains(got, "第四十二条") {
		t.Errorf("receipt path %q", got)
	}
	checkA11y(t, ctx, axe, "aid receipt")

	// Signed out, in a fresh browser: the lookup by number and ID number.
	anon := &tab{t: t, ctx: newTab(t, ctx)}
	for _, width := range []int64{390, 1280} {
		anon.do("lookup page", chromedp.EmulateViewport(width, 900), chromedp.Navigate(base+"/#/"), chromedp.WaitVisible(`#home-aid-progress`),
			chromedp.Click(`#home-aid-progress`), chromedp.WaitVisible(`#pg-number`),
			chromedp.SendKeys(`#pg-number`, code), chromedp.SendKeys(`#pg-id`, "140581198501010032"), chromedp.Click(`#pg-submit`),
			chromedp.WaitVisible(`.error-summary h2`))
		if got := anon.text(`.error-summary h2`); !strings.Contains(got, "未找到") {
			t.Fatalf("a wrong ID number: %q", got)
		}
		anon.do("the right pair", chromedp.SetValue(`#pg-id`, "140581198503150039"), chromedp.Click(`#pg-submit`), chromedp.WaitVisible(`#pg-card`))
		if got := anon.text(`#pg-status`); got != "已受理" {
			t.Fatalf("status %q", got)
		}
		if got := anon.text(`#pg-next`); !strings.Contains(got, "审查") || !strings.Contains(got, due) {
			t.Fatalf("next step %q", got)
		}
		if got := anon.text(`#pg-card`); strings.Contains(got, "王建军") || strings.Contains(got, "工资") {
			t.Fatalf("the lookup tells more than the progress: %q", got)
		}
		checkA11y(t, anon.ctx, axe, "aid progress "+map[int64]string{390: "phone", 1280: "desktop"}[width])
	}
	anon.do("English", chromedp.Click(`#toggle-lang`), chromedp.Poll[chromedp.Void](`document.querySelector('h1')?.textContent === 'Check legal-aid progress'`))
	checkA11y(t, anon.ctx, axe, "aid progress en")
}
