package main

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/legaldesk/legaldesk/internal/store"
)

// TestBrowserMediationReferral: a lawyer records a booked consultation with
// the outcome "mediation"; the mediator, on a phone, sees it among the
// referrals, takes it in as a dispute (pre-filled from the consultation),
// assigns a committee and starts mediation in dialogs, and the dispute
// shows where it came from. axe-core on every page, at 390 and 360 px.
func TestBrowserMediationReferral(t *testing.T) {
	ctx := browser(t)
	axe := axeSource(t)
	data := t.TempDir()
	base := startServer(t, map[string]string{"LEGALDESK_DATA_DIR": data})
	day := firstOpenDay(t, base)
	booking, month := bookAsResident(t, base, "13800000004", day)

	// The mediator has the main tab, a 390 px phone window, and no
	// referral yet; the lawyer works in a second tab.
	m := &tab{t: t, ctx: ctx}
	m.staffSignIn(base, "13900000004")
	step(m, "an empty desk", chromedp.Navigate(base+"/#/mediation"), chromedp.WaitVisible(`#md-columns`))
	if m.text(`#md-ref-title + p`) != "没有待受理的转介。" {
		t.Fatal("a referral before the lawyer made one")
	}
	lawyer := &tab{t: t, ctx: newTab(t, ctx)}
	lawyer.staffSignIn(base, booking.lawyerPhone)
	// Days ahead, the booking takes neither attendance nor a record yet.
	shift := fmt.Sprintf(`[data-shift="%d"]`, booking.shiftID)
	step(lawyer, "the shift, days ahead", chromedp.Navigate(base+"/#/shifts/"+month),
		chromedp.WaitVisible(shift), press(shift), chromedp.WaitVisible(`#day-bookings`))
	if got := lawyer.text(`#day-bookings`); !strings.Contains(got, "开始前半小时起可登记到场") {
		t.Fatalf("a booking days ahead does not say when its record opens: %q", got)
	}
	if n := value(lawyer, chromedp.Evaluate[int](fmt.Sprintf(`document.querySelectorAll('[data-record="%d"], [data-attend="%d"]').length`, booking.id, booking.id))); n != 0 {
		t.Fatalf("%d attendance or record buttons on a booking days ahead", n)
	}
	checkA11y(t, lawyer.ctx, axe, "lawyer's day, days ahead")
	// The resident arrives: the booking is brought to now.
	bringForward(t, data, booking.id)
	step(lawyer, "the shift", chromedp.Navigate(base+"/#/"), chromedp.Navigate(base+"/#/shifts/"+month),
		chromedp.WaitVisible(fmt.Sprintf(`[data-shift="%d"]`, booking.shiftID)), press(fmt.Sprintf(`[data-shift="%d"]`, booking.shiftID)),
		chromedp.WaitVisible(fmt.Sprintf(`[data-record="%d"]`, booking.id)), press(fmt.Sprintf(`[data-record="%d"]`, booking.id)),
		chromedp.WaitVisible(`#record-form`))
	step(lawyer, "record the consultation", chromedp.SetValue(`#category`, "房屋宅基地"),
		chromedp.SendKeys(`#summary`, "邻居翻建房屋占用通道，双方多次争吵，建议申请人民调解。"),
		chromedp.SetValue(`#outcome`, "mediation"), press(`#record-form button[type="submit"]`),
		chromedp.Poll[chromedp.Void](`!!document.querySelector('#day-bookings .record')`))
	// The lawyer reopens the record and corrects it; the list shows the
	// corrected text (the earlier one is kept in the record's history).
	step(lawyer, "reopen the record", press(`#day-bookings [data-edit]`), chromedp.WaitVisible(`#record-form`),
		chromedp.Poll[chromedp.Void](`document.querySelector('#category').value === '房屋宅基地' && document.querySelector('#summary').value.includes('翻建')`),
		chromedp.SendKeys(`#summary`, "（已核实：通道宽约两米）"), press(`#record-form button[type="submit"]`),
		chromedp.Poll[chromedp.Void](`document.querySelector('#day-bookings .record')?.textContent.includes('已核实')`))
	checkA11y(t, lawyer.ctx, axe, "lawyer's corrected record")

	step(m, "the desk", chromedp.Navigate(base+"/#/"), chromedp.Navigate(base+"/#/mediation"), chromedp.WaitVisible(`#md-referrals [data-take]`))
	if got := m.text(`#md-referrals`); !strings.Contains(got, "邻居翻建房屋") || !strings.Contains(got, "138****0004") {
		t.Fatalf("the referral: %q", got)
	}
	checkA11y(t, m.ctx, axe, "mediation desk")
	step(m, "take it in", press(`#md-referrals [data-take]`), chromedp.WaitVisible(`#dp-form`),
		chromedp.Poll[chromedp.Void](`document.querySelector('#dp-type').value === 'land' && document.querySelector('#dp-summary').value.includes('翻建')`))
	checkA11y(t, m.ctx, axe, "dispute intake from a referral")
	step(m, "the parties", chromedp.SendKeys(`#pt-name-1`, "邻居李某"), chromedp.SetValue(`#dp-township`, "米山镇"),
		press(`#dp-submit`), chromedp.WaitVisible(`#dp-status`))
	if got := m.text(`#dp-origin`); !strings.Contains(got, "律师咨询") || !strings.Contains(got, "翻建") {
		t.Fatalf("the dispute does not show its consultation: %q", got)
	}
	checkA11y(t, m.ctx, axe, "dispute page")

	step(m, "assign in a dialog", press(`[data-open="assign"]`), chromedp.WaitVisible(`#dlg-assign`),
		chromedp.SetValue(`#as-where`, committeeOption(t, m, "米山镇人民调解委员会")))
	checkA11y(t, m.ctx, axe, "assign dialog")
	step(m, "assign", press(`#dlg-assign-ok`), chromedp.Poll[chromedp.Void](`document.querySelector('#dp-assigned')?.textContent === '米山镇人民调解委员会'`))
	step(m, "start", press(`[data-open="start"]`), chromedp.WaitVisible(`#dlg-start`), press(`#dlg-start-ok`),
		chromedp.Poll[chromedp.Void](`document.querySelector('#dp-status')?.textContent === '调解中'`))
	step(m, "a reason is required", press(`[data-open="fail"]`), chromedp.WaitVisible(`#dlg-fail`), press(`#dlg-fail-ok`),
		chromedp.Poll[chromedp.Void](`!document.querySelector('#dlg-fail .form-alert').hidden`))
	checkA11y(t, m.ctx, axe, "not resolved dialog with its error")
	step(m, "close the dialog", press(`#dlg-fail [data-close]`))
	if n := value(m, chromedp.Evaluate[int](`document.querySelectorAll('#dp-history li').length`)); n != 3 {
		t.Fatalf("%d steps in the history, want accepted, assigned, started", n)
	}
	step(m, "360 px and the board", chromedp.EmulateViewport(360, 740), chromedp.Navigate(base+"/#/mediation"),
		chromedp.WaitVisible(`[data-count="mediating"]`))
	if got := m.text(`[data-count="mediating"]`); got != "1" {
		t.Fatalf("mediating column counts %q", got)
	}
	if n := value(m, chromedp.Evaluate[int](`document.documentElement.scrollWidth`)); n > 360 {
		t.Fatalf("the board is %d px wide on a 360 px phone", n)
	}
	checkA11y(t, m.ctx, axe, "mediation board at 360 px")
	step(m, "in English", press(`#toggle-lang`), chromedp.Poll[chromedp.Void](`document.querySelector('#col-mediating')?.textContent === 'Mediating (1)'`))
	checkA11y(t, m.ctx, axe, "mediation board in English")
	admin := &tab{t: t, ctx: newTab(t, ctx)}
	admin.staffSignIn(base, "13900000001")
	step(admin, "the bureau's board", chromedp.Navigate(base+"/#/mediation"), chromedp.WaitVisible(`#md-committees`))
	checkA11y(t, admin.ctx, axe, "the bureau's mediation board")
	step(admin, "the committees", press(`#md-committees`), chromedp.WaitVisible(`#mc-form`),
		chromedp.SendKeys(`#mc-name`, "高平市婚姻家庭纠纷人民调解委员会"), chromedp.SetValue(`#mc-kind`, "trade"), press(`#mc-add`),
		chromedp.Poll[chromedp.Void](`document.querySelector('#mc-list')?.textContent.includes('婚姻家庭纠纷')`))
	checkA11y(t, admin.ctx, axe, "mediation committees")
	step(m, "back to Chinese", press(`#toggle-lang`), chromedp.Poll[chromedp.Void](`document.querySelector('#col-mediating')?.textContent === '调解中 (1)'`))
}

// committeeOption is the value of the assignment choice named name.
func committeeOption(t *testing.T, b *tab, name string) string {
	t.Helper()
	v := value(b, chromedp.Evaluate[string](`[...document.querySelectorAll('#as-where option')].find(o => o.textContent === '`+name+`')?.value ?? ''`))
	if v == "" {
		t.Fatalf("no choice %s", name)
	}
	return v
}

type booked struct {
	id, shiftID int64
	lawyerPhone string
}

// bookAsResident books the first open slot at the centre on day through
// the API and says whose shift it is on; month is the day's YYYY-MM.
func bookAsResident(t *testing.T, base, phone, day string) (booked, string) {
	t.Helper()
	r := newClient(t, base)
	r.call("POST", "/api/v1/auth/sms-code", map[string]string{"phone": phone}, nil)
	if s := r.call("POST", "/api/v1/auth/login", map[string]string{"phone": phone, "code": smsCode(t, base, phone)}, nil); s != 200 {
		t.Fatalf("resident login: %d", s)
	}
	var slots struct {
		Items []struct {
			ID       int64 `json:"id"`
			Bookable bool  `json:"bookable"`
		} `json:"items"`
	}
	r.call("GET", "/api/v1/slots?site_id=1&from="+day+"&to="+day, nil, &slots)
	var b struct {
		ID      int64 `json:"id"`
		ShiftID int64 `json:"shift_id"`
	}
	for _, s := range slots.Items {
		if s.Bookable && r.call("POST", "/api/v1/bookings", map[string]any{"slot_id": s.ID, "topic": "宅基地通道"}, &b) == 201 {
			break
		}
	}
	if b.ID == 0 {
		t.Fatalf("no booking on %s", day)
	}
	var shifts struct {
		Items []struct {
			ID       int64 `json:"id"`
			LawyerID int64 `json:"lawyer_id"`
		} `json:"items"`
	}
	r.call("GET", "/api/v1/shifts?site_id=1&from="+day+"&to="+day, nil, &shifts)
	for _, s := range shifts.Items {
		if s.ID == b.ShiftID {
			// Demo lawyers are users 4…43 with phones 13900000101…140.
			return booked{id: b.ID, shiftID: s.ID, lawyerPhone: fmt.Sprintf("139%08d", 100+s.LawyerID-3)}, day[:7]
		}
	}
	t.Fatalf("no shift %d on %s", b.ShiftID, day)
	return booked{}, ""
}

// bringForward moves a booking and its slot to start ten minutes ago, in
// the server's own database: the server has no clock a test may turn.
func bringForward(t *testing.T, dataDir string, bookingID int64) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, store.Options{Driver: "sqlite", DataDir: dataDir, MaxOpenConns: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	start := time.Now().UTC().Add(-10 * time.Minute).Truncate(time.Second)
	end := start.Add(30 * time.Minute)
	for _, q := range []string{
		`UPDATE bookings SET starts_at = ?, ends_at = ? WHERE id = ?`,
		`UPDATE slots SET starts_at = ?, ends_at = ? WHERE id = (SELECT slot_id FROM bookings WHERE id = ?)`,
	} {
		if _, err := st.DB().ExecContext(ctx, q, start, end, bookingID); err != nil {
			t.Fatal(err)
		}
	}
}
