package main

import (
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserLargeTextOnAPhone: in the large-text mode (大字) on a 360 px
// phone, no page scrolls sideways, the menu folds behind its button and
// opens, and axe finds nothing serious — in Chinese and in English.
func TestBrowserLargeTextOnAPhone(t *testing.T) {
	ctx := browser(t)
	axe := axeSource(t)
	base := startServer(t, nil)
	b := &tab{t: t, ctx: ctx}
	b.do("phone, large text", chromedp.EmulateViewport(360, 780), chromedp.Navigate(base+"/"), chromedp.WaitVisible(`.cards`),
		chromedp.Evaluate[chromedp.Void](`localStorage.setItem('large', '1')`), chromedp.Reload(), chromedp.WaitVisible(`html.large .cards`))
	for _, lang := range []string{"zh", "en"} {
		if lang == "en" {
			b.do("English", chromedp.Click(`#toggle-lang`), chromedp.Sleep(300*time.Millisecond))
		}
		for _, page := range []string{"#/", "#/sites", "#/login", "#/login/staff", "#/book"} {
			b.do("open "+page, chromedp.Navigate(base+"/"+page), chromedp.WaitVisible(`main h1`))
			if sideways := value(b, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`)); sideways {
				t.Errorf("%s (%s): the page scrolls sideways at 360 px in large text", page, lang)
			}
			if navShown := value(b, chromedp.Evaluate[bool](`getComputedStyle(document.getElementById('nav')).display !== 'none'`)); navShown {
				t.Errorf("%s (%s): the menu should be folded behind its button", page, lang)
			}
			checkA11y(t, ctx, axe, "large "+lang+" "+page)
		}
		b.do("open the menu", chromedp.Click(`#toggle-menu`), chromedp.WaitVisible(`#nav a[href="#/sites"]`))
		if expanded := b.attr(`#toggle-menu`, "aria-expanded"); expanded != "true" {
			t.Errorf("aria-expanded %q after opening the menu", expanded)
		}
		b.do("choose a page", chromedp.Click(`#nav a[href="#/sites"]`), chromedp.WaitNotVisible(`#nav a[href="#/sites"]`))
	}
}

func (b *tab) attr(sel, name string) string {
	b.t.Helper()
	return value(b, chromedp.Evaluate[string](`document.querySelector(`+strconv.Quote(sel)+`)?.getAttribute(`+strconv.Quote(name)+`) ?? ''`))
}
