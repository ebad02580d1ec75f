package main

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/pii"
)

// TestBrowserNotary: a resident books a two-matter package and uploads a
// material; the clerk marks one item missing; the resident supplies it and
// the visit shows ready. Then a home visit is asked for, the clerk
// schedules it, and the resident sees the date. axe-core on every page.
func TestBrowserNotary(t *testing.T) {
	ctx := browser(t)
	axe := axeSource(t)
	base := startServer(t, nil)
	day := firstNotaryDay(t, base)
	scan := filepath.Join(t.TempDir(), "scan.png")
	var img bytes.Buffer
	png.Encode(&img, image.NewGray(image.Rect(0, 0, 40, 30)))
	os.WriteFile(scan, img.Bytes(), 0o600)

	b := &tab{t: t, ctx: ctx}
	b.residentSignIn(base, "13800000007")
	step(b, "choose matters", chromedp.Navigate(base+"/#/notary"), chromedp.WaitVisible(`#nt-matters`),
		press(`#nt-m-1`), press(`#nt-m-3`), chromedp.WaitVisible(`#nt-checklist li`))
	checkA11y(t, ctx, axe, "notary booking")
	step(b, "pick a time", chromedp.SendKeys(`#nt-id`, validID("19800101", "002")), chromedp.SetValue(`#nt-date`, day),
		press(`#nt-show`), chromedp.WaitVisible(`.nt-start`))
	checkA11y(t, ctx, axe, "notary times")
	step(b, "book", press(`.nt-start`), chromedp.WaitVisible(`#nt-confirm`), press(`#nt-confirm`), chromedp.WaitVisible(`#nt-code`))
	if code := b.text(`#nt-code`); len(code) != 8 || code[0] != 'N' {
		t.Fatalf("visit code %q", code)
	}
	checkA11y(t, ctx, axe, "notary booked")
	step(b, "upload the ID card", chromedp.Navigate(base+"/#/notary-mine"), chromedp.WaitVisible(`[data-upload]`),
		chromedp.SetUploadFiles(`input[data-item="身份证"]`, []string{scan}),
		press(`input[data-item="身份证"] + button`),
		chromedp.Poll[chromedp.Void](`document.querySelector('#nt-list').textContent.includes('已传 1 份')`))
	checkA11y(t, ctx, axe, "my notary visits")

	clerk := &tab{t: t, ctx: newTab(t, ctx)}
	clerk.staffSignIn(base, "13900000003")
	step(clerk, "the day", chromedp.Navigate(base+"/#/notary-desk/"+day), chromedp.WaitVisible(`[data-missing]`))
	checkA11y(t, clerk.ctx, axe, "notary desk")
	step(clerk, "one item missing", press(`input[data-miss-of][value="被继承人死亡证明"]`), press(`[data-missing]`),
		// The desk says so once the server has the list (and then redraws).
		chromedp.Poll[chromedp.Void](`document.getElementById('toast').textContent === '已保存。'`))

	step(b, "supply it", chromedp.Navigate(base+"/#/"), chromedp.Navigate(base+"/#/notary-mine"), chromedp.WaitVisible(`.nt-missing`),
		chromedp.SetUploadFiles(`input[data-item="被继承人死亡证明"]`, []string{scan}),
		press(`input[data-item="被继承人死亡证明"] + button`),
		chromedp.WaitVisible(`.nt-ready`))
	checkA11y(t, ctx, axe, "notary ready")

	step(b, "a will at home", chromedp.Navigate(base+"/#/notary"), chromedp.WaitVisible(`#nt-matters`),
		press(`#nt-m-2`), chromedp.SendKeys(`#nt-id`, validID("19450301", "011")))
	step(b, "ask for a home visit", chromedp.Evaluate[chromedp.Void](`document.querySelector('#nt-home').open = true`),
		chromedp.WaitVisible(`#nt-address`),
		chromedp.SetValue(`#nt-address`, "高平市米山镇米西村3号"), chromedp.SetValue(`#nt-reason`, "卧床不起"),
		chromedp.SetValue(`#nt-preferred`, "下周上午"))
	checkA11y(t, ctx, axe, "notary home visit")
	step(b, "send the request", press(`#nt-home-send`),
		chromedp.Poll[chromedp.Void](`document.querySelector('#nt-list')?.textContent.includes('待安排') || !document.querySelector('#nt-form .form-alert')?.hidden`))
	if alert := value(b, chromedp.Evaluate[string](`document.querySelector('#nt-form .form-alert')?.textContent ?? ''`)); alert != "" {
		t.Fatalf("home visit refused: %s", alert)
	}
	step(clerk, "the catalogue", chromedp.Navigate(base+"/#/notary-matters"), chromedp.WaitVisible(`#nm-form`))
	checkA11y(t, clerk.ctx, axe, "notary catalogue")
	step(clerk, "home visits", chromedp.Navigate(base+"/#/notary-desk/"+day), chromedp.WaitVisible(`#nd-home [data-schedule]`),
		chromedp.SetValue(`#nd-home input[type="datetime-local"]`, day+"T15:00"),
		chromedp.SendKeys(`#nd-home input[maxlength="40"]`, "赵公证员"), press(`#nd-home [data-schedule]`),
		chromedp.WaitNotPresent(`#nd-home [data-schedule]`))
	step(b, "the resident sees the date", chromedp.Navigate(base+"/#/"), chromedp.Navigate(base+"/#/notary-mine"),
		chromedp.WaitVisible(`.nt-home-date`))
	if got := b.text(`.nt-home-date`); !strings.Contains(got, day+" 15:00") {
		t.Fatalf("home visit shows %q", got)
	}
}

func validID(birth, seq string) string {
	s := "140581" + birth + seq
	return s + string(pii.IDCheckChar(s))
}

// firstNotaryDay is the first day the demo's notary calendar fits
// inheritance and entrustment together.
func firstNotaryDay(t *testing.T, base string) string {
	t.Helper()
	now := time.Now().In(calendar.Shanghai)
	c := newClient(t, base)
	for i := 1; i < 20; i++ {
		d := now.AddDate(0, 0, i).Format("2006-01-02")
		var out struct {
			Items []struct{ SlotID int64 } `json:"items"`
		}
		c.call("GET", "/api/v1/notary/slots?matter_ids=1,3&from="+d+"&to="+d, nil, &out)
		if len(out.Items) > 0 {
			return d
		}
	}
	t.Fatal("the demo's notary office has no open day in the coming weeks")
	return ""
}

// step runs actions in a tab; on failure it says what the page showed
// (the hash, the start of the page and the last toast), on its own clock.
func step(b *tab, name string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		page, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](`location.hash + ' | ' + document.querySelector('#main').textContent.replace(/\s+/g, ' ').slice(0, 300) + ' | toast: ' + document.getElementById('toast').textContent`))
		b.t.Fatalf("%s: %v\n%s", name, err, page)
	}
}

// press clicks an element through the DOM: on this long page a mouse
// click at coordinates computed before the page settles sometimes lands
// beside the button.
func press(sel string) chromedp.Action[chromedp.Void] {
	return chromedp.Evaluate[chromedp.Void](`document.querySelector(` + strconv.Quote(sel) + `).click()`)
}
