package main

import (
	"context"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/legaldesk/legaldesk/internal/calendar"
)

// browser starts Debian's headless Chromium with the flags this workplace
// needs; without Chromium the test fails under CI=true and skips elsewhere.
func browser(t *testing.T) context.Context {
	t.Helper()
	path := os.Getenv("LEGALDESK_CHROMIUM")
	if path == "" {
		path, _ = exec.LookPath("chromium")
	}
	if path == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI=true but chromium is not installed (make test installs it)")
		}
		t.Skip("chromium not installed; run make test")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(390, 844),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelB := chromedp.NewContext(actx)
	ctx, cancelC := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelC(); cancelB(); cancelA() })
	return ctx
}

// axeSource is axe-core's script, installed by make test from npm.
func axeSource(t *testing.T) string {
	t.Helper()
	path := os.Getenv("LEGALDESK_AXE_JS")
	if path == "" {
		path = "../../tests/browser/node_modules/axe-core/axe.min.js"
	}
	b, err := os.ReadFile(path)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("axe-core missing (make test installs it): %v", err)
		}
		t.Skipf("axe-core missing; run make test: %v", err)
	}
	return string(b)
}

// checkA11y runs axe-core on the current page and fails on any serious or
// critical violation.
func checkA11y(t *testing.T, ctx context.Context, axe, page string) {
	t.Helper()
	screenshot(t, ctx, page)
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](axe+";true")); err != nil {
		t.Fatalf("%s: inject axe: %v", page, err)
	}
	const run = `axe.run(document, {resultTypes: ['violations']}).then(r => r.violations
		.filter(v => v.impact === 'serious' || v.impact === 'critical')
		.map(v => v.impact + ' ' + v.id + ': ' + v.help + ' @ ' + v.nodes.map(n => n.target.join(' ')).join(', ')))`
	violations, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](run, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: axe: %v", page, err)
	}
	if len(violations) > 0 {
		t.Errorf("%s: accessibility violations:\n%s", page, strings.Join(violations, "\n"))
	}
}

// TestBrowserSignInAndDirectory: a resident signs in with an SMS code and
// browses the directory to their village room, with axe-core on each page.
func TestBrowserSignInAndDirectory(t *testing.T) {
	ctx := browser(t)
	axe := axeSource(t)
	base := startServer(t, nil)
	b := &tab{t: t, ctx: ctx}

	b.do("open home", chromedp.Navigate(base+"/"), chromedp.WaitVisible(`.cards`))
	checkA11y(t, ctx, axe, "home")

	b.do("open sign-in", chromedp.Navigate(base+"/#/login"), chromedp.WaitVisible(`#get-code`))
	checkA11y(t, ctx, axe, "sign-in")
	b.do("request a code",
		chromedp.SendKeys(`#phone`, "13800000002"),
		chromedp.Click(`#get-code`),
		chromedp.Poll[chromedp.Void](`document.querySelector('#get-code').disabled`))
	code := smsCode(t, base, "13800000002")
	b.do("sign in", chromedp.SendKeys(`#code`, code), chromedp.Click(`#login-submit`), chromedp.WaitVisible(`#me-name`))
	if name := b.text(`#me-name`); !strings.Contains(name, "居民") {
		t.Fatalf("signed in as %q", name)
	}
	checkA11y(t, ctx, axe, "my account")

	b.do("browse the directory",
		chromedp.Navigate(base+"/#/sites"),
		chromedp.WaitVisible(`#township`),
		chromedp.Poll[chromedp.Void](`document.querySelector('#township option[value="米山镇"]')`),
		chromedp.SetValue(`#township`, "米山镇"),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('#township').dispatchEvent(new Event('change'))`),
		chromedp.WaitVisible(`#rooms li`))
	station, rooms := b.text(`#township-detail h2`), b.text(`#rooms`)
	if station != "米山镇公共法律服务工作站" || !strings.Contains(rooms, "米西村公共法律服务工作室") {
		t.Fatalf("station %q, rooms %q", station, rooms)
	}
	checkA11y(t, ctx, axe, "directory")

	b.do("search a village", chromedp.SendKeys(`#room-search`, "米东"))
	if n := value(b, chromedp.Evaluate[int](`document.querySelectorAll('#rooms li').length`)); n != 1 {
		t.Fatalf("search for 米东 shows %d rooms", n)
	}

	b.do("large text and English", chromedp.Click(`#toggle-large`), chromedp.Click(`#toggle-lang`),
		chromedp.Poll[chromedp.Void](`document.querySelector('label[for="township"]')?.textContent === 'Choose a township'`))
	if !value(b, chromedp.Evaluate[bool](`document.documentElement.classList.contains('large')`)) {
		t.Fatal("large-text mode did not switch on")
	}
	checkA11y(t, ctx, axe, "directory in English, large text")
}

// tab runs steps in one browser tab and fails the test on an error.
type tab struct {
	t   *testing.T
	ctx context.Context
}

func (b *tab) do(step string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		b.t.Fatalf("%s: %v", step, err)
	}
}

func (b *tab) text(sel string) string {
	b.t.Helper()
	return value(b, chromedp.Text(sel))
}

func value[T any](b *tab, a chromedp.Action[T]) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, a)
	if err != nil {
		b.t.Fatal(err)
	}
	return v
}

// TestBrowserRosterPublishAndLawyerCalendar: an administrator previews and
// publishes a month; a lawyer sees the shifts on the calendar page.
func TestBrowserRosterPublishAndLawyerCalendar(t *testing.T) {
	ctx := browser(t)
	axe := axeSource(t)
	base := startServer(t, nil)
	b := &tab{t: t, ctx: ctx}

	// Next month: the demo's duty rules start this month.
	now := time.Now().In(calendar.Shanghai)
	month := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, calendar.Shanghai).AddDate(0, 1, 0).Format("2006-01")
	b.staffSignIn(base, "13900000001")
	b.do("preview next month",
		chromedp.Navigate(base+"/#/roster"),
		chromedp.WaitVisible(`#month`),
		chromedp.SetValue(`#month`, month),
		chromedp.Click(`#preview`),
		chromedp.WaitVisible(`#roster-grid`))
	if n := value(b, chromedp.Evaluate[int](`document.querySelectorAll('#roster-grid tbody tr').length`)); n != 17 {
		t.Fatalf("grid rows = %d, want the centre and 16 stations", n)
	}
	checkA11y(t, ctx, axe, "roster preview")
	// Publishing first lists what it would change; only the confirmation publishes.
	b.do("publish check", chromedp.Click(`#publish`), chromedp.WaitVisible(`#change-list`))
	if got := b.text(`#publish-check`); !strings.Contains(got, "发布前请核对") || !strings.Contains(got, "新增") {
		t.Fatalf("publish check %q", got)
	}
	checkA11y(t, ctx, axe, "publish check")
	b.do("publish", chromedp.Click(`#publish-confirm`), chromedp.WaitVisible(`#publish-result`))
	if got := b.text(`#publish-result`); !strings.Contains(got, "已发布") {
		t.Fatalf("publish result %q", got)
	}
	b.do("nothing left to publish", chromedp.Click(`#publish`), chromedp.WaitVisible(`#publish-check`))
	if got := b.text(`#publish-check`); !strings.Contains(got, "无需发布") {
		t.Fatalf("after publishing, the check says %q", got)
	}
	// On a phone the duty rules are cards, each cell naming its column.
	b.do("rules page on a phone", chromedp.EmulateViewport(390, 844), chromedp.Navigate(base+"/#/rules"), chromedp.WaitVisible(`#rules tbody tr`))
	cards := value(b, chromedp.Evaluate[string](`[getComputedStyle(document.querySelector('#rules tbody tr')).display,
		getComputedStyle(document.querySelector('#rules td[data-label]'), '::before').content,
		document.documentElement.scrollWidth <= window.innerWidth].join('|')`))
	if !strings.HasPrefix(cards, `block|"`) || !strings.HasSuffix(cards, "|true") { // display, the label, no sideways scroll
		t.Fatalf("rules on a phone: %s", cards)
	}
	checkA11y(t, ctx, axe, "duty rules")
	b.do("desktop again", chromedp.EmulateViewport(1280, 900))
	b.do("calendar page", chromedp.Navigate(base+"/#/calendar/2026-10"), chromedp.WaitVisible(`#days li`))
	if got := b.text(`#days`); !strings.Contains(got, "国庆节") || !strings.Contains(got, "2026-10-10") {
		t.Fatalf("October's holidays: %q", got)
	}
	checkA11y(t, ctx, axe, "calendar")
	// Closing a day says first what it will do to the day's bookings.
	closeOn := month + "-15"
	b.do("close a day", chromedp.SetValue(`#date`, closeOn), chromedp.SetValue(`#kind`, "closed"), chromedp.SendKeys(`#name`, "停电检修"),
		chromedp.Click(`#override-form button[type="submit"]`), chromedp.WaitVisible(`#closure-effect`))
	if got := b.text(`#closure-effect`); !strings.Contains(got, "取消当天 0 个") {
		t.Fatalf("closure check: %q", got)
	}
	checkA11y(t, ctx, axe, "closure check")
	b.do("confirm the closure", chromedp.Click(`#closure-confirm`), chromedp.WaitNotPresent(`#closure-effect`))
	b.do("objections page", chromedp.Navigate(base+"/#/objections"), chromedp.WaitVisible(`main h1`))
	checkA11y(t, ctx, axe, "objections")
	// A code sent in the demo shows on the outbox page marked as a demo aid.
	if s := newClient(t, base).call("POST", "/api/v1/auth/sms-code", map[string]string{"phone": "13800000009"}, nil); s != 204 {
		t.Fatalf("sms-code: %d", s)
	}
	b.do("outbox page", chromedp.Navigate(base+"/#/outbox"), chromedp.WaitVisible(`#outbox .badge`))
	if got := b.text(`#outbox .badge`); got != "演示辅助" {
		t.Fatalf("outbox badge %q", got)
	}
	checkA11y(t, ctx, axe, "outbox")
	b.do("pools page", chromedp.Navigate(base+"/#/pools"), chromedp.WaitVisible(`#pool-form input:checked`))
	checkA11y(t, ctx, axe, "pools")
	b.do("network page", chromedp.Navigate(base+"/#/network/"+url.PathEscape("米山镇")), chromedp.WaitVisible(`#net-sites li`),
		chromedp.SendKeys(`#site-name`, "新建村公共法律服务工作室"),
		chromedp.Evaluate[chromedp.Void](`(() => { const s = document.querySelector('#site-parent');
			s.value = [...s.options].find(o => o.textContent === '米山镇公共法律服务工作站').value; })()`),
		chromedp.Click(`#site-form button[type="submit"]`),
		chromedp.Poll[chromedp.Void](`[...document.querySelectorAll('#net-sites li')].some(li => li.textContent.includes('新建村'))`))
	checkA11y(t, ctx, axe, "network")
	b.do("sign out", chromedp.Navigate(base+"/#/me"), chromedp.WaitVisible(`#logout`), chromedp.Click(`#logout`),
		chromedp.Poll[chromedp.Void](`location.hash === '#/'`))

	b.staffSignIn(base, "13900000101")
	b.do("lawyer calendar", chromedp.Navigate(base+"/#/shifts/"+month), chromedp.WaitVisible(`#month-calendar`),
		chromedp.WaitVisible(`#month-calendar .shift`))
	if n := value(b, chromedp.Evaluate[int](`document.querySelectorAll('#month-calendar .shift').length`)); n < 1 {
		t.Fatal("the lawyer sees no shift")
	}
	b.do("feed link", chromedp.Poll[chromedp.Void](`document.querySelector('#feed-url').value.includes('/calendar-feeds/')`))
	checkA11y(t, ctx, axe, "lawyer calendar")
	b.do("a shift's bookings", chromedp.Click(`#month-calendar .shift`), chromedp.WaitVisible(`#shift-day-title`),
		chromedp.Click(`[data-record=""]`), chromedp.WaitVisible(`#record-form`))
	checkA11y(t, ctx, axe, "lawyer's day")
}

func (b *tab) staffSignIn(base, phone string) {
	b.t.Helper()
	b.do("staff sign-in "+phone,
		chromedp.Navigate(base+"/#/login/staff"),
		chromedp.WaitVisible(`#password`),
		chromedp.SendKeys(`#phone`, phone),
		chromedp.SendKeys(`#password`, "demo-pass-2026"),
		chromedp.Click(`#login-submit`),
		// Polled, not WaitVisible: the page is re-rendered in place after
		// a sign-out, and a node chromedp tracked may be gone.
		chromedp.Poll[chromedp.Void](`location.hash === '#/me' && !!document.querySelector('#me-name')`))
}

// screenshot saves the page as PNG when LEGALDESK_SCREENSHOTS names a
// directory, so people can look at what the tests saw.
func screenshot(t *testing.T, ctx context.Context, page string) {
	dir := os.Getenv("LEGALDESK_SCREENSHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Logf("screenshot %s: %v", page, err)
		return
	}
	name := strings.NewReplacer(" ", "-", ",", "").Replace(page) + ".png"
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		t.Logf("screenshot %s: %v", page, err)
	}
}

// TestBrowserResidentBooking: a resident picks a slot, sees the hold
// countdown, confirms, sees the code and cancels, with axe-core clean.
func TestBrowserResidentBooking(t *testing.T) {
	ctx := browser(t)
	axe := axeSource(t)
	base := startServer(t, nil)
	b := &tab{t: t, ctx: ctx}
	b.do("sign in page", chromedp.Navigate(base+"/#/login"), chromedp.WaitVisible(`#get-code`),
		chromedp.SendKeys(`#phone`, "13800000005"), chromedp.Click(`#get-code`),
		chromedp.Poll[chromedp.Void](`document.querySelector('#get-code').disabled`))
	code := smsCode(t, base, "13800000005")
	b.do("sign in", chromedp.SendKeys(`#code`, code), chromedp.Click(`#login-submit`), chromedp.WaitVisible(`#me-name`))

	// The demo publishes the coming weeks; find the first day the centre has open slots.
	day := firstOpenDay(t, base)
	// The two weeks of free days: the day is chosen from the list, at phone size.
	dayButton := `#free-days [data-day="` + day + `"]:not([disabled])`
	b.do("pick a free day", chromedp.EmulateViewport(390, 844), chromedp.Navigate(base+"/#/book"), chromedp.WaitVisible(dayButton),
		chromedp.Click(dayButton), chromedp.WaitVisible(`#slot-list button.slot:not([disabled])`))
	if got := b.text(dayButton); !strings.Contains(got, "余") {
		t.Fatalf("the free day says %q, not how many places are left", got)
	}
	checkA11y(t, ctx, axe, "booking slots")
	b.do("hold", chromedp.Click(`#slot-list button.slot:not([disabled])`), chromedp.WaitVisible(`#hold-countdown`),
		chromedp.Poll[chromedp.Void](`/^0[0-5]:[0-5][0-9]$/.test(document.querySelector('#hold-countdown').textContent)`))
	checkA11y(t, ctx, axe, "hold and confirm")
	b.do("confirm", chromedp.SendKeys(`#topic`, "劳动合同纠纷"), chromedp.Click(`#confirm`), chromedp.WaitVisible(`#booking-code`))
	bookingCode := b.text(`#booking-code`)
	if len(bookingCode) != 8 || strings.ContainsAny(bookingCode, "01ILO") {
		t.Fatalf("booking code %q", bookingCode)
	}
	// The receipt: where, with whom, the labelled QR code, what to bring,
	// and a calendar file the phone can open.
	receipt := b.text(`#booking-done`)
	for _, want := range []string{"二维码", "地址", "律师", bookingCode} {
		if !strings.Contains(receipt, want) {
			t.Errorf("the receipt lacks %q: %q", want, receipt)
		}
	}
	ics := value(b, chromedp.Evaluate[string](`fetch(document.querySelector('a[href$="calendar.ics"]').href).then(r => r.text())`,
		chromedp.EvalAwaitPromise))
	if !strings.Contains(ics, "BEGIN:VEVENT") || !strings.Contains(ics, bookingCode) {
		t.Errorf("the calendar file: %.200s", ics)
	}
	checkA11y(t, ctx, axe, "booked")
	b.do("the receipt on a desktop", chromedp.EmulateViewport(1280, 900), chromedp.WaitVisible(`#booking-done`))
	checkA11y(t, ctx, axe, "booked, desktop")
	b.do("my bookings", chromedp.Navigate(base+"/#/bookings"), chromedp.WaitVisible(`#my-bookings .cancel`))
	checkA11y(t, ctx, axe, "my bookings")
	// A double tap on "cancel" only asks: the second tap never confirms.
	b.do("double tap", chromedp.Evaluate[chromedp.Void](`(() => { const x = document.querySelector('#my-bookings .cancel');
		const r = x.getBoundingClientRect(); x.click(); document.elementFromPoint(r.x + 5, r.y + 5).click(); })()`),
		chromedp.Sleep(500*time.Millisecond))
	if got := b.text(`#my-bookings .status`); got != "已预约" {
		t.Fatalf("after a double tap the booking is %q", got)
	}
	b.do("keep it", chromedp.Evaluate[chromedp.Void](`document.querySelector('[data-keep]')?.click()`), chromedp.WaitVisible(`#my-bookings .cancel`))
	b.do("cancel", chromedp.Click(`#my-bookings .cancel`), chromedp.WaitVisible(`[data-confirm-cancel]`), chromedp.Click(`[data-confirm-cancel]`),
		chromedp.Poll[chromedp.Void](`document.querySelector('#my-bookings .status')?.textContent === '已取消'`))
}

// firstOpenDay asks the API for the centre's first bookable day.
func firstOpenDay(t *testing.T, base string) string {
	t.Helper()
	now := time.Now().In(calendar.Shanghai)
	c := newClient(t, base)
	for i := 1; i < 20; i++ {
		d := now.AddDate(0, 0, i).Format("2006-01-02")
		var out struct {
			Items []struct{ Bookable bool } `json:"items"`
		}
		c.call("GET", "/api/v1/slots?site_id=1&from="+d+"&to="+d, nil, &out)
		for _, s := range out.Items {
			if s.Bookable {
				return d
			}
		}
	}
	t.Fatal("the demo has no bookable day in the coming weeks")
	return ""
}

// newTab opens a second tab (its own page, same browser, shared cookies
// would mix the sessions, so it gets a fresh browser context).
func newTab(t *testing.T, parent context.Context) context.Context {
	ctx, cancel := chromedp.NewContext(parent, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	return ctx
}

func (b *tab) residentSignIn(base, phone string) {
	b.t.Helper()
	b.do("resident code "+phone, chromedp.Navigate(base+"/#/login"), chromedp.WaitVisible(`#get-code`),
		chromedp.SendKeys(`#phone`, phone), chromedp.Click(`#get-code`),
		chromedp.Poll[chromedp.Void](`document.querySelector('#get-code').disabled`))
	code := smsCode(b.t, base, phone)
	b.do("resident sign-in "+phone, chromedp.SendKeys(`#code`, code), chromedp.Click(`#login-submit`), chromedp.WaitVisible(`#me-name`))
}

// latestApplication asks the API (as the officer) for the newest application.
func latestApplication(t *testing.T, base string) int64 {
	t.Helper()
	c := newClient(t, base)
	c.call("POST", "/api/v1/auth/login", map[string]string{"phone": "13900000002", "password": "demo-pass-2026"}, nil)
	var out struct {
		Items []struct{ ID int64 } `json:"items"`
	}
	c.call("GET", "/api/v1/legal-aid/queue", nil, &out)
	if len(out.Items) == 0 {
		t.Fatal("no application in the queue")
	}
	return out.Items[len(out.Items)-1].ID
}
