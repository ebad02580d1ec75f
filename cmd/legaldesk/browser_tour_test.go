package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// tourStop is one page of the phone tour, seen by the person it is for.
type tourStop struct {
	name string // the screenshot's file name in docs/screenshots
	who  string // "" signed out, "resident", or a staff phone
	page string // the hash route
	wait string // what shows once the page has its data
}

// tour is every main page, in the order a reader of the README meets them.
var tour = []tourStop{
	{"01-home", "", "#/", ".cards"},
	{"02-sites", "", "#/sites", "main h1"},
	{"03-aid-progress", "", "#/aid-progress", "main h1"},
	{"04-book", "resident", "#/book", "main h1"},
	{"05-my-bookings", "resident", "#/bookings", "main h1"},
	{"06-legal-aid", "resident", "#/aid", "main h1"},
	{"07-notary", "resident", "#/notary", "main h1"},
	{"08-advisor", "resident", "#/advisor", "main h1"},
	{"10-lawyer-shifts", "13900000101", "#/shifts", "main h1"},
	{"20-aid-queue", "13900000002", "#/aid-queue", "main h1"},
	{"30-notary-desk", "13900000003", "#/notary-desk", "main h1"},
	{"35-mediation-board", "13900000004", "#/mediation", "main h1"},
	{"40-roster", "13900000001", "#/roster", "main h1"},
	{"41-duty-rules", "13900000001", "#/rules", "#rules tbody tr"},
	{"42-calendar", "13900000001", "#/calendar", "main h1"},
	{"43-advisors", "13900000001", "#/advisors", "main h1"},
	{"44-outbox", "13900000001", "#/outbox", "main h1"},
}

// widest names the element that makes a page scroll sideways, or "".
const widest = `(() => {
	if (document.documentElement.scrollWidth <= window.innerWidth) return '';
	let worst = null;
	for (const el of document.querySelectorAll('main *')) {
		const r = el.getBoundingClientRect();
		if (r.right > window.innerWidth + 1 && !el.closest('.scroll') && (!worst || r.width < worst.getBoundingClientRect().width)) worst = el;
	}
	return worst ? worst.tagName + (worst.id ? '#' + worst.id : '') + '.' + worst.className + ' ' + Math.round(worst.getBoundingClientRect().right) + 'px' : 'unknown';
})()`

// TestBrowserPhoneTour opens every main page at 390 px, as its user, in
// Chinese and in English: each has its heading, scrolls only downwards and
// passes axe. With LEGALDESK_TOUR_SHOTS naming a directory (make
// screenshots sets it to docs/screenshots) it saves the Chinese pages there
// for the README, as JPEG to keep the repository small.
func TestBrowserPhoneTour(t *testing.T) {
	ctx := browser(t)
	axe := axeSource(t)
	base := startServer(t, nil)
	dir := os.Getenv("LEGALDESK_TOUR_SHOTS")
	signedIn := ""
	for _, lang := range []string{"zh", "en"} {
		for _, stop := range tour {
			b := &tab{t: t, ctx: ctx}
			if stop.who != signedIn {
				b.do("sign out", chromedp.Navigate(base+"/"), chromedp.Evaluate[chromedp.Void](`fetch('/api/v1/auth/logout', {method: 'POST'}).then(() => true)`, chromedp.EvalAwaitPromise))
				switch stop.who {
				case "":
				case "resident":
					b.residentSignIn(base, map[string]string{"zh": "13800000005", "en": "13800000006"}[lang])
				default:
					b.staffSignIn(base, stop.who)
				}
				signedIn = stop.who
			}
			b.do(lang+" "+stop.name, chromedp.EmulateViewport(390, 844), chromedp.Navigate(base+"/"+stop.page),
				chromedp.Evaluate[chromedp.Void](`localStorage.setItem('lang', '`+lang+`')`), chromedp.Reload(), chromedp.WaitVisible(stop.wait))
			if h := b.text(`main h1`); h == "" {
				t.Errorf("%s (%s): no heading", stop.name, lang)
			}
			if wide := value(b, chromedp.Evaluate[string](widest)); wide != "" {
				t.Errorf("%s (%s): the page scrolls sideways at 390 px: %s", stop.name, lang, wide)
			}
			if lang == "zh" && dir != "" {
				jpeg, err := chromedp.Run(ctx, chromedp.FullScreenshot(70))
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, stop.name+".jpg"), jpeg, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			checkA11y(t, ctx, axe, "tour "+lang+" "+stop.name)
		}
	}
}
