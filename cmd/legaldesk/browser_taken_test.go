package main

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserSlotTakenMeanwhile: a resident taps a place that someone
// else booked after the list was shown. The page says so above the day's
// list read afresh, where that place is now full, and the focus goes to
// the message; choosing another place then holds it and moves the focus to
// what was chosen. At phone size, axe-clean.
func TestBrowserSlotTakenMeanwhile(t *testing.T) {
	ctx := browser(t)
	axe := axeSource(t)
	base := startServer(t, nil)
	day := firstOpenDay(t, base)
	a := &tab{t: t, ctx: ctx}
	a.residentSignIn(base, "13800000006")
	dayButton := `#free-days [data-day="` + day + `"]:not([disabled])`
	a.do("the day's places", chromedp.EmulateViewport(390, 844), chromedp.Navigate(base+"/#/book"), chromedp.WaitVisible(dayButton),
		chromedp.Click(dayButton), chromedp.WaitVisible(`#slot-list button.slot:not([disabled])`))
	slot := value(a, chromedp.Evaluate[string](`document.querySelector('#slot-list button.slot:not([disabled])').dataset.slot`))

	// Another resident books that place (the centre's places are one each).
	other := newClient(t, base)
	other.call("POST", "/api/v1/auth/sms-code", map[string]string{"phone": "13800000007"}, nil)
	if st := other.call("POST", "/api/v1/auth/login", map[string]string{"phone": "13800000007", "code": smsCode(t, base, "13800000007")}, nil); st != 200 {
		t.Fatalf("the other resident's sign-in: %d", st)
	}
	id, _ := strconv.ParseInt(slot, 10, 64)
	if st := other.call("POST", "/api/v1/bookings", map[string]any{"slot_id": id}, nil); st != 201 {
		t.Fatalf("the other resident's booking: %d", st)
	}

	taken := fmt.Sprintf(`#slot-list [data-slot="%s"]`, slot)
	// Clicked from a script: the day's list may be drawn twice (the first
	// free day opens by itself, then the tap on it), and a node found before
	// the second drawing would be gone.
	a.do("tap the taken place", chromedp.Evaluate[chromedp.Void](`document.querySelector('`+taken+`').click()`),
		chromedp.WaitVisible(`#slot-taken`))
	if got := a.text(`#slot-taken`); !strings.Contains(got, "已约满") {
		t.Fatalf("the message: %q", got)
	}
	if focus := value(a, chromedp.Evaluate[string](`document.activeElement.id`)); focus != "slot-taken" {
		t.Errorf("the focus is on %q, not the message", focus)
	}
	if !value(a, chromedp.Evaluate[bool](`document.querySelector('`+taken+`').disabled`)) {
		t.Error("the fresh list still offers the taken place")
	}
	checkA11y(t, ctx, axe, "a place taken meanwhile")

	a.do("another place", chromedp.Evaluate[chromedp.Void](`document.querySelector('#slot-list button.slot:not([disabled])').click()`),
		chromedp.WaitVisible(`#hold-countdown`))
	if focus := value(a, chromedp.Evaluate[string](`document.activeElement.id`)); focus != "hold-summary" {
		t.Errorf("after choosing, the focus is on %q, not the chosen place", focus)
	}
}
