package main

import (
	"bytes"
	"fmt"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/legaldesk/legaldesk/internal/calendar"
)

// residentClient signs a resident in through the API.
func residentClient(t *testing.T, base, phone string) *apiClient {
	t.Helper()
	c := newClient(t, base)
	if s := c.call("POST", "/api/v1/auth/sms-code", map[string]string{"phone": phone}, nil); s != 204 {
		t.Fatalf("sms-code: %d", s)
	}
	if s := c.call("POST", "/api/v1/auth/login", map[string]string{"phone": phone, "code": smsCode(t, base, phone)}, nil); s != 200 {
		t.Fatalf("resident login: %d", s)
	}
	return c
}

// upload sends one file as the client.
func (a *apiClient) upload(path, name string, data []byte) int {
	a.t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	f, _ := w.CreateFormFile("file", name)
	f.Write(data)
	w.Close()
	req, _ := http.NewRequest("POST", a.base+path, &body)
	req.Header.Set("Content-Type", w.FormDataContentType())
	res, err := a.c.Do(req)
	if err != nil {
		a.t.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode
}

// TestBrowserAidCasePage: the officer's case page shows everything needed
// to decide — the matter and its Art. 31 item, the pledge path with the
// household figures, address and township, the limitation date and the
// urgency, the age groups from the ID numbers, the materials requested
// with their deadline and what came in since, the lawyer — with the ID
// number masked until an audited "show"; refusal and termination are
// confirmed in dialogs with their own reasons. On a desktop and at 390 px.
func TestBrowserAidCasePage(t *testing.T) {
	ctx := browser(t)
	axe := axeSource(t)
	base := startServer(t, nil)
	today := time.Now().In(calendar.Shanghai)
	limit, by := today.AddDate(0, 0, 20).Format("2006-01-02"), today.AddDate(0, 0, 10).Format("2006-01-02")
	resident := residentClient(t, base, "13800000008")
	form := map[string]any{"name": "李秀兰", "id_number": "140581195003020023", "phone": "13800000008", "address": "米山镇米西村3号",
		"township": "米山镇", "relation": "close_relative", "represented_name": "李小明", "aided_id_number": "140581201501010010",
		"matter": "civil_admin", "art31_item": "support", "opposing_party": "李某某", "summary": "儿子的父亲离婚后三年未付抚养费，要求给付。",
		"limitation_date": limit, "urgent_preservation": true, "path": "art41_pledge", "household_size": 3, "household_income": 2400,
		"notable_assets": "农村自建房一处", "pledge_confirmed": true, "pledge_signature": "李秀兰", "sensitive_consent": true}
	var app struct{ ID int64 }
	if s := resident.call("POST", "/api/v1/legal-aid/applications", form, &app); s != 201 {
		t.Fatalf("apply: %d", s)
	}
	officerAPI := newClient(t, base)
	officerAPI.call("POST", "/api/v1/auth/login", map[string]string{"phone": "13900000002", "password": "demo-pass-2026"}, nil)
	path := fmt.Sprintf("/api/v1/legal-aid/applications/%d", app.ID)
	if s := officerAPI.call("POST", path+"/actions", map[string]any{"action": "request_materials", "missing": []string{"户口簿", "收入证明"}, "supplement_by": by}, nil); s != 200 {
		t.Fatalf("request materials: %d", s)
	}
	if s := resident.upload(path+"/attachments", "户口簿.pdf", []byte("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")); s != 201 {
		t.Fatalf("upload: %d", s)
	}

	b := &tab{t: t, ctx: ctx}
	b.do("desktop", chromedp.EmulateViewport(1280, 900))
	b.staffSignIn(base, "13900000002")
	b.do("the board", chromedp.Navigate(base+"/#/aid-queue"), chromedp.WaitVisible(`#aid-queue [data-column="materials_requested"] li`))
	if got := b.text(`[data-count="materials_requested"]`); got != "1" {
		t.Fatalf("materials column count %q", got)
	}
	checkA11y(t, ctx, axe, "aid board desktop")
	b.do("filter by another township", pick(`#f-township`, "陈区镇"), chromedp.Click(`#board-filters button[type="submit"]`),
		chromedp.Poll[chromedp.Void](`document.querySelector('[data-count="materials_requested"]')?.textContent === '0'`))
	b.do("and back", pick(`#f-township`, "米山镇"), pick(`#f-matter`, "civil_admin"), chromedp.Click(`#board-filters button[type="submit"]`),
		chromedp.Poll[chromedp.Void](`document.querySelector('[data-count="materials_requested"]')?.textContent === '1'`))

	b.do("the case page", chromedp.Navigate(fmt.Sprintf("%s/#/aid-queue/%d", base, app.ID)), chromedp.WaitVisible(`#case-applicant`))
	want := map[string]string{
		`#case-matter-type`: "民事、行政案件（第三十一条所列事项）", `#case-item`: "请求给付赡养费、抚养费、扶养费",
		`#case-path`: "《法律援助法》第四十一条", `#case-household`: "3", `#case-income`: "2400",
		`#case-address`: "米山镇米西村3号", `#case-township`: "米山镇", `#case-limitation`: limit, `#case-urgent`: "是",
		`#case-age`: "76岁 · 60岁以上", `#case-applicant`: "11岁 · 未成年人", `#case-requested`: "户口簿；收入证明",
		`#case-supplement-by`: by, `#case-files`: "通知后上传", `#lawyer-name`: "尚未指派", `#case-id`: "140581********0023",
		`#case-aided-id`: "140581********0010", `#case-economic`: "李秀兰 已签署",
	}
	for sel, text := range want {
		if got := b.text(sel); !strings.Contains(got, text) {
			t.Errorf("%s shows %q, want %q", sel, got, text)
		}
	}
	if got := b.text(`#case-income`); !strings.Contains(got, "人均 800 元/月") || !strings.Contains(got, "符合经济困难标准") {
		t.Errorf("income %q", got)
	}
	checkA11y(t, ctx, axe, "aid case page desktop")
	b.do("show the ID number", chromedp.Click(`#show-id`), chromedp.WaitVisible(`#id-shown`))
	if got, aided := b.text(`#case-id`), b.text(`#case-aided-id`); got != "140581195003020023" || aided != "140581201501010010" {
		t.Fatalf("shown %q / %q", got, aided)
	}

	b.do("phone", chromedp.EmulateViewport(390, 844), chromedp.Reload(), chromedp.WaitVisible(`#case-applicant`))
	if sideways := value(b, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`)); sideways {
		t.Error("the case page scrolls sideways at 390 px")
	}
	checkA11y(t, ctx, axe, "aid case page phone")

	// Refusal: the materials are complete, then the dialog asks its reason.
	b.do("materials complete", chromedp.Click(`[data-act="supply"]`),
		chromedp.Poll[chromedp.Void](`document.querySelector('#aid-status')?.textContent === '已受理' && !!document.querySelector('#open-reject')`))
	order := value(b, chromedp.Evaluate[string](`[...document.querySelectorAll('#advance_ground option')].map((o) => o.value).join(',')`))
	if order != ",limitation,preservation,other_by_statute" {
		t.Errorf("the Art. 44 grounds: %q, want none chosen and the statute's order", order)
	}
	// Aid first (Art. 44) acts only once confirmed, naming both people,
	// and never without a ground.
	lawyer := value(b, chromedp.Evaluate[string](`document.querySelector('#advance-lawyers button').dataset.name`))
	b.do("aid first", // the toast of the last step passes first
		chromedp.Poll[chromedp.Void](`!document.querySelector('#toast.show')`, chromedp.WithPollingTimeout(15*time.Second)),
		chromedp.Click(`#advance-lawyers button`), chromedp.WaitVisible(`#grant_advance-dialog`))
	if got := b.text(`#grant_advance-what`); !strings.Contains(got, "李秀兰") || !strings.Contains(got, lawyer) {
		t.Errorf("the aid-first dialog says %q, want 李秀兰 and %s", got, lawyer)
	}
	b.do("aid first without a ground", chromedp.Click(`#grant_advance-confirm`),
		chromedp.WaitVisible(`#grant_advance-dialog .error-summary a[data-field="ground"]`))
	if st := b.text(`#aid-status`); st != "已受理" {
		t.Fatalf("aid given first without a ground: %q", st)
	}
	b.do("cancel", chromedp.Click(`#grant_advance-dialog [data-close]`), chromedp.WaitNotVisible(`#grant_advance-dialog`))
	b.do("open the refusal", chromedp.Click(`#open-reject`), chromedp.WaitVisible(`#reject-dialog`))
	if got := b.text(`#reject-what`); !strings.Contains(got, "申请人：") {
		t.Errorf("the refusal dialog does not name the applicant: %q", got)
	}
	b.do("refuse without a reason",
		chromedp.Click(`#reject-confirm`), chromedp.WaitVisible(`#reject-dialog .error-summary a[data-field="reason"]`))
	checkA11y(t, ctx, axe, "aid refusal dialog")
	b.do("refuse", chromedp.SendKeys(`#reject_reason`, "家庭人均收入虽低于标准，但有存款二十万元，不属于经济困难"), chromedp.Click(`#reject-confirm`),
		chromedp.Poll[chromedp.Void](`document.querySelector('#aid-status')?.textContent === '不予援助'`))

	// Termination, on a case with a lawyer.
	form["aided_id_number"], form["urgent_preservation"], form["limitation_date"] = "", false, ""
	form["relation"], form["represented_name"] = "self", ""
	var second struct{ ID int64 }
	resident.call("POST", "/api/v1/legal-aid/applications", form, &second)
	path = fmt.Sprintf("/api/v1/legal-aid/applications/%d", second.ID)
	officerAPI.call("POST", path+"/actions", map[string]any{"action": "approve"}, nil)
	var sugs struct {
		Items []struct {
			LawyerID  int64  `json:"lawyer_id"`
			Name      string `json:"name"`
			Forbidden string `json:"forbidden"`
		} `json:"items"`
	}
	officerAPI.call("GET", path+"/lawyer-suggestions", nil, &sugs)
	if len(sugs.Items) == 0 {
		t.Fatal("no lawyer suggested")
	}
	if s := officerAPI.call("POST", path+"/actions", map[string]any{"action": "assign", "lawyer_id": sugs.Items[0].LawyerID}, nil); s != 200 {
		t.Fatalf("assign: %d", s)
	}
	b.do("the assigned case", chromedp.Navigate(fmt.Sprintf("%s/#/aid-queue/%d", base, second.ID)), chromedp.WaitVisible(`#open-terminate`))
	if got := b.text(`#lawyer-name`); got != sugs.Items[0].Name {
		t.Fatalf("lawyer %q, want %q", got, sugs.Items[0].Name)
	}
	b.do("in English", chromedp.Click(`#toggle-lang`), chromedp.Poll[chromedp.Void](`document.querySelector('#h-lawyer')?.textContent === 'Assigned lawyer'`))
	if got := b.text(`#case-matter-type`); got != "A civil or administrative dispute (wages, support, injuries, social insurance...)" {
		t.Errorf("the matter in English: %q", got)
	}
	if got := value(b, chromedp.Evaluate[string](`document.querySelector('#terminate_ground option[value="no_longer_eligible"]').textContent`)); !strings.HasPrefix(got, "(4) The aided person") {
		t.Errorf("the Art. 48 ground in English: %q", got)
	}
	checkA11y(t, ctx, axe, "aid case page en")
	b.do("in Chinese", chromedp.Click(`#toggle-lang`), chromedp.Poll[chromedp.Void](`document.querySelector('#h-lawyer')?.textContent === '承办律师'`))
	b.do("terminate without a ground", chromedp.Click(`#open-terminate`), chromedp.WaitVisible(`#terminate-dialog`),
		chromedp.SendKeys(`#terminate_reason`, "受援人已继承房产，经济状况好转"), chromedp.Click(`#terminate-confirm`),
		chromedp.WaitVisible(`#terminate-dialog .error-summary a[data-field="ground"]`))
	if st := b.text(`#aid-status`); st != "已指派律师" {
		t.Fatalf("terminated without a ground: %q", st)
	}
	if got := b.text(`#terminate-form-errors-title`); got != "请先修改以下问题：" {
		t.Errorf("one problem is headed %q", got)
	}
	b.do("choose the ground", pick(`#terminate_ground`, "no_longer_eligible"), chromedp.Evaluate[chromedp.Void](`document.querySelector('#terminate_reason').value = ''`))
	checkA11y(t, ctx, axe, "aid termination dialog")
	b.do("confirm", chromedp.SendKeys(`#terminate_reason`, "受援人已继承房产，经济状况好转"), chromedp.Click(`#terminate-confirm`),
		chromedp.Poll[chromedp.Void](`document.querySelector('#aid-status')?.textContent === '已终止'`))
}
