package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserLegalAid: a resident applies on the integrity-pledge path; an
// officer requests materials; the resident uploads and supplies them; the
// officer approves and assigns a lawyer. axe-core runs on each page.
func TestBrowserLegalAid(t *testing.T) {
	ctx := browser(t)
	axe := axeSource(t)
	base := startServer(t, nil)
	b := &tab{t: t, ctx: ctx}
	b.residentSignIn(base, "13800000006")
	b.do("open the wizard", chromedp.Navigate(base+"/#/aid"), chromedp.WaitVisible(`#aid-form`),
		pick(`#matter`, "labour_arbitration"), chromedp.Click(`fieldset[data-step="1"] [data-next]`),
		chromedp.WaitVisible(`input[name="answer"][value="none"]`), chromedp.Click(`input[name="answer"][value="none"]`),
		chromedp.WaitVisible(`input[name="fallback"][value="art41_pledge"]`), chromedp.Click(`input[name="fallback"][value="art41_pledge"]`),
		chromedp.WaitVisible(`#household_size`))
	checkA11y(t, ctx, axe, "legal-aid form")
	b.do("fill and submit",
		chromedp.SendKeys(`#household_size`, "3"), chromedp.SendKeys(`#household_income`, "2400"),
		chromedp.Click(`fieldset[data-step="2"] [data-next]`), chromedp.WaitVisible(`#name`),
		chromedp.SendKeys(`#name`, "张秀英"), chromedp.SendKeys(`#id_number`, "11010519491231002X"),
		chromedp.SendKeys(`#phone`, "13800000006"), chromedp.SendKeys(`#township`, "米山镇"),
		chromedp.SendKeys(`#opposing_party`, "某建筑公司"),
		chromedp.SendKeys(`#summary`, "在工地务工半年，被拖欠工资两万元，要求支付劳动报酬。"),
		chromedp.Click(`fieldset[data-step="3"] [data-next]`), chromedp.WaitVisible(`#pledge_signature`),
		chromedp.Click(`input[name="pledge_confirmed"]`), chromedp.SendKeys(`#pledge_signature`, "张秀英"),
		chromedp.Click(`input[name="sensitive_consent"]`), chromedp.Click(`#aid-submit`), chromedp.WaitVisible(`#aid-code`))
	appID := latestApplication(t, base)

	officer := &tab{t: t, ctx: newTab(t, ctx)}
	officer.staffSignIn(base, "13900000002")
	officer.do("triage board", chromedp.Navigate(base+"/#/aid-queue"), chromedp.WaitVisible(`#aid-queue li`))
	checkA11y(t, officer.ctx, axe, "legal-aid board")
	// The open board leaves assigned cases out, so it shows no empty
	// "assigned" column beside them, and says what it leaves out.
	if cols := value(officer, chromedp.Evaluate[int](`document.querySelectorAll('#aid-queue [data-column="assigned"]').length`)); cols != 0 {
		t.Error("the open board shows an assigned column it never fills")
	}
	if got := officer.text(`#board-total`); !strings.Contains(got, "不含已指派律师") {
		t.Errorf("the board total %q does not say assigned cases are left out", got)
	}
	officer.do("request materials", chromedp.Navigate(fmt.Sprintf("%s/#/aid-queue/%d", base, appID)), chromedp.WaitVisible(`#missing`),
		chromedp.SendKeys(`#missing`, "劳动合同或工资条\n身份证复印件"),
		chromedp.SetValue(`#supplement_by`, time.Now().AddDate(0, 0, 10).Format("2006-01-02")),
		chromedp.Click(`[data-act="request_materials"]`),
		chromedp.Poll[chromedp.Void](`document.querySelector('#aid-status')?.textContent === '待补充材料'`))
	checkA11y(t, officer.ctx, axe, "legal-aid application")

	// The notice reaches the resident: in "my applications", with the
	// printable notice, and as an SMS in the outbox.
	b.do("the materials notice", chromedp.Navigate(base+"/#/aid-mine"), chromedp.WaitVisible(`.materials-notice`))
	// One name for the page; before any upload, what to prepare, the
	// decision date and "none uploaded yet" instead of an empty "材料：".
	if got := b.text(`main h1`); got != "我的援助" {
		t.Errorf("my legal aid is headed %q", got)
	}
	if got := b.text(`#aid-list`); !strings.Contains(got, "还没有上传") || !strings.Contains(got, "作出决定的最迟日期") {
		t.Errorf("my legal aid: %q", got)
	}
	if got := value(b, chromedp.Evaluate[string](`document.querySelector('.mine-checklist')?.textContent ?? ''`)); !strings.Contains(got, "身份证") {
		t.Errorf("the checklist in my legal aid: %q", got)
	}
	if got := b.text(`.materials-notice`); !strings.Contains(got, "劳动合同或工资条；身份证复印件") || !strings.Contains(got, "补充材料通知书") {
		t.Fatalf("the notice in my applications: %q", got)
	}
	if !strings.Contains(outboxBody(t, base, "13800000006", "legal_aid_materials"), "劳动合同或工资条；身份证复印件") {
		t.Fatal("the materials SMS is not in the outbox")
	}
	pdf := filepath.Join(t.TempDir(), "工资条.pdf")
	os.WriteFile(pdf, []byte("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"), 0o600)
	b.do("supply materials", chromedp.Navigate(base+"/#/aid-mine"), chromedp.WaitVisible(`[data-supply]`),
		chromedp.SetUploadFiles(`input[type="file"]`, []string{pdf}), chromedp.Click(`[data-upload]`),
		chromedp.Poll[chromedp.Void](`document.querySelector('#aid-list a[href*="/attachments/"]')`),
		chromedp.Click(`[data-supply]`), chromedp.Poll[chromedp.Void](`document.querySelector('.aid-status')?.textContent === '已受理'`))
	checkA11y(t, ctx, axe, "my legal aid")

	officer.do("approve", chromedp.Navigate(base+"/#/aid-queue"), chromedp.WaitVisible(`#aid-queue li`),
		chromedp.Navigate(fmt.Sprintf("%s/#/aid-queue/%d", base, appID)), chromedp.WaitVisible(`#open-approve`),
		chromedp.Click(`#open-approve`), chromedp.WaitVisible(`#approve-dialog`))
	if got := officer.text(`#approve-what`); !strings.Contains(got, "张秀英") {
		t.Errorf("the approval dialog does not name the applicant: %q", got)
	}
	if st := officer.text(`#aid-status`); st != "已受理" {
		t.Fatalf("opening the approval dialog decided already: %q", st)
	}
	checkA11y(t, officer.ctx, axe, "legal-aid approval dialog")
	officer.do("confirm the approval", chromedp.Click(`#approve-confirm`), chromedp.WaitVisible(`#suggestions button`))
	lawyer := value(officer, chromedp.Evaluate[string](`document.querySelector('#suggestions button').dataset.name`))
	officer.do("assign", chromedp.Click(`#suggestions button`), chromedp.WaitVisible(`#assign-dialog`))
	if got := officer.text(`#assign-what`); !strings.Contains(got, lawyer) || !strings.Contains(got, "张秀英") {
		t.Errorf("the assignment dialog names %q, want %s and 张秀英", got, lawyer)
	}
	officer.do("confirm the assignment", chromedp.Click(`#assign-confirm`),
		chromedp.Poll[chromedp.Void](`document.querySelector('#aid-status')?.textContent === '已指派律师'`, chromedp.WithPollingTimeout(10*time.Second)),
		chromedp.WaitVisible(`#current-lawyer`))
	if got := officer.text(`#current-lawyer`); !strings.Contains(got, lawyer) {
		t.Errorf("the assigned lawyer shows %q, want %s", got, lawyer)
	}
	if shown := value(officer, chromedp.Evaluate[bool](`!!document.querySelector('#suggestions button')?.checkVisibility()`)); shown {
		t.Error("after assignment the suggestion list stays open to one tap")
	}

	// A court's notice (Arts. 25, 36): registered, on the board as its own
	// three-day step, assigned to a lawyer who qualifies under Art. 26.
	officer.do("notice form", chromedp.Navigate(base+"/#/aid-queue"), chromedp.WaitVisible(`#register-notice`),
		chromedp.Click(`#register-notice`), chromedp.WaitVisible(`#notice-form`))
	checkA11y(t, officer.ctx, axe, "notified defence")
	officer.do("register the notice", chromedp.SetValue(`#organ`, "court"), chromedp.SendKeys(`#organ_name`, "高平市人民法院"),
		chromedp.SendKeys(`#case_number`, "（2026）晋0581刑初88号"), chromedp.SetValue(`#notice_date`, time.Now().Format("2006-01-02")),
		chromedp.SetValue(`#category`, "life_or_death"), chromedp.SendKeys(`#name`, "李某某"),
		chromedp.Click(`#notice-submit`), chromedp.WaitVisible(`#suggestions button`),
		chromedp.Poll[chromedp.Void](`document.querySelector('#aid-status')?.textContent === '已批准'`))
	officer.do("the board", chromedp.Navigate(base+"/#/aid-queue"), chromedp.WaitVisible(`#aid-queue [data-step="assign_notified"]`))
	due := time.Now().In(time.FixedZone("CST", 8*3600)).AddDate(0, 0, 3).Format("2006-01-02")
	if got := officer.text(`#aid-queue [data-column="approved"] li:first-child`); !strings.Contains(got, "通知辩护") || !strings.Contains(got, due) {
		t.Fatalf("the notified case on the board: %q (due %s)", got, due)
	}
	officer.do("assign the defender", chromedp.Click(`#aid-queue [data-column="approved"] li:first-child a`), chromedp.WaitVisible(`#suggestions button`),
		chromedp.Click(`#suggestions button`), chromedp.WaitVisible(`#assign-dialog`), chromedp.Click(`#assign-confirm`),
		chromedp.Poll[chromedp.Void](`document.querySelector('#aid-status')?.textContent === '已指派律师'`, chromedp.WithPollingTimeout(10*time.Second)))
}

// outboxBody is the newest message of a kind sent to a phone, as the admin
// reads the outbox.
func outboxBody(t *testing.T, base, phone, kind string) string {
	t.Helper()
	admin := newClient(t, base)
	admin.call("POST", "/api/v1/auth/login", map[string]string{"phone": "13900000001", "password": "demo-pass-2026"}, nil)
	var out struct {
		Items []struct{ Body string } `json:"items"`
	}
	admin.call("GET", "/api/v1/admin/outbox?kind="+kind+"&phone="+phone, nil, &out)
	if len(out.Items) == 0 {
		return ""
	}
	return out.Items[0].Body
}
