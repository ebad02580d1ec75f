package api

import (
	"bytes"
	"fmt"
	"mime/multipart"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/legaldesk/legaldesk/internal/testenv"
)

// aidForm is a valid application on the integrity-pledge path.
func aidForm(extra map[string]any) map[string]any {
	f := map[string]any{
		"name": "张秀英", "id_number": "11010519491231002X", "phone": "13800000001", "address": "高平市米山镇米西村",
		"township": "米山镇", "relation": "self", "matter": "labour_arbitration", "opposing_party": "高平市泫氏实业有限公司",
		"summary": "在公司工作三年，被拖欠工资八个月共计三万余元，要求支付劳动报酬。", "path": "art41_pledge",
		"pledge_confirmed": true, "pledge_signature": "张秀英", "sensitive_consent": true,
		"household_size": 3, "household_income": 2400, "notable_assets": "农村自建房一处",
	}
	for k, v := range extra {
		f[k] = v
	}
	return f
}

// upload posts one file as multipart form data.
func (c *client) upload(path, name string, data []byte) response {
	c.e.t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	part, _ := w.CreateFormFile("file", name)
	part.Write(data)
	w.Close()
	req, _ := http.NewRequest("POST", c.e.srv.URL+path, &buf)
	req.Header.Set("Content-Type", w.FormDataContentType())
	res, err := c.http.Do(req)
	if err != nil {
		c.e.t.Fatal(err)
	}
	defer res.Body.Close()
	var b bytes.Buffer
	b.ReadFrom(res.Body)
	return response{status: res.StatusCode, header: res.Header, body: b.Bytes()}
}

var (
	pdfBytes = append([]byte("%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\n"), bytes.Repeat([]byte("0"), 2000)...)
	pngBytes = pngClaiming(640, 480)
	elfBytes = append([]byte("\x7fELF\x02\x01\x01\x00"), bytes.Repeat([]byte{0x90}, 4000)...)
)

func TestEligibilityPaths(t *testing.T) {
	e := newEnv(t, "sqlite")
	c := e.client()
	for path, article := range map[string]string{"art32_no_hardship": "第三十二条", "art42_exempt": "第四十二条", "art41_pledge": "第四十一条", "proof_documents": "第三十四条"} {
		r := c.object("GET", "/api/v1/legal-aid/eligibility?matter=civil_admin&path="+path, nil, 200)
		if !strings.Contains(r["article"].(string), article) || r["explanation"] == "" {
			t.Errorf("%s: %v", path, r)
		}
	}
	if r := c.object("GET", "/api/v1/legal-aid/eligibility?matter=criminal&path=art41_pledge", nil, 200); !strings.Contains(r["explanation"].(string), "第二十五条") {
		t.Error("criminal cases mention Art. 25")
	}
	if n := len(items(c.object("GET", "/api/v1/legal-aid/eligibility", nil, 200), "items")); n != 4 {
		t.Fatalf("%d paths", n)
	}
	c.wantStatus(c.do("GET", "/api/v1/legal-aid/eligibility?path=luck", nil), 400)
}

func TestApplicationValidation(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		r := e.resident("13800000001")
		cases := map[string]map[string]any{
			"id_number":         {"id_number": "110105194912310021"},
			"phone":             {"phone": "12345"},
			"path_detail":       {"path": "art42_exempt"},
			"pledge_signature":  {"pledge_signature": "李四"},
			"sensitive_consent": {"sensitive_consent": false},
			"represented_name":  {"relation": "close_relative"},
			"summary":           {"summary": "太短"},
			"matter":            {"matter": "piracy"},
			"limitation_date":   {"limitation_date": "2020-01-01"},
			"art31_item":        {"matter": "civil_admin", "art31_item": "whatever"},
			"household_size":    {"household_size": 0},
			"household_income":  {"household_income": -5},
		}
		for field, extra := range cases {
			res := r.wantStatus(r.do("POST", "/api/v1/legal-aid/applications", aidForm(extra)), 400)
			if _, _, fields := res.errorOf(t); fields[field] == nil {
				t.Errorf("%s: %s", field, res.body)
			}
		}
		for _, extra := range []map[string]any{
			{"path": "art32_no_hardship", "path_detail": "abuse_violence"},
			{"path": "art42_exempt", "path_detail": "migrant_wages"},
			{"path": "proof_documents"},
			{"relation": "legal_representative", "represented_name": "张小明"},
			{"matter": "civil_admin", "art31_item": "support"},
		} {
			r.object("POST", "/api/v1/legal-aid/applications", aidForm(extra), 201)
		}
		n := e.count(`SELECT COUNT(*) FROM legal_aid_applications`)
		if n != 5 {
			t.Fatalf("%d applications stored", n)
		}
	})
}

func TestApplicationViews(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		e.seedDemo()
		owner, other := e.resident("13800000001"), e.resident("13800000002")
		app := owner.object("POST", "/api/v1/legal-aid/applications", aidForm(nil), 201)
		path := fmt.Sprintf("/api/v1/legal-aid/applications/%d", id(app))
		if app["id_number"] != "110105********002X" || app["status"] != "received" {
			t.Fatalf("the applicant sees %v / %v", app["id_number"], app["status"])
		}
		other.wantStatus(other.do("GET", path, nil), 404)
		lawyer := e.client()
		lawyer.signIn("13900000101")
		lawyer.wantStatus(lawyer.do("GET", path, nil), 404)
		officer := e.client()
		officer.signIn("13900000002")
		full := officer.object("GET", path, nil, 200)["application"].(map[string]any)
		// Masked on the case page too; "show" gives it in full (aidreveal_test.go).
		if full["id_number"] != "110105********002X" || full["phone"] != "13800000001" {
			t.Fatalf("the officer sees %v %v", full["id_number"], full["phone"])
		}
		reads, _ := e.store.AuditOf(t.Context(), "legal_aid_application", id(app))
		if len(reads) != 1 || reads[0].Action != "read" {
			t.Fatalf("the officer's read is not audited: %+v", reads)
		}
		if q := items(officer.object("GET", "/api/v1/legal-aid/queue", nil, 200), "items"); q[0]["id_number"] != "110105********002X" {
			t.Fatalf("the board shows %v", q[0]["id_number"])
		}
		// Attachments: only the applicant and officers read them.
		att := owner.wantStatus(owner.upload(path+"/attachments", "工资条.pdf", pdfBytes), 201).json(t)
		attPath := fmt.Sprintf("/api/v1/legal-aid/attachments/%d", id(att))
		if got := owner.wantStatus(owner.do("GET", attPath, nil), 200); !bytes.Equal(got.body, pdfBytes) {
			t.Fatal("the file came back changed")
		}
		officer.wantStatus(officer.do("GET", attPath, nil), 200)
		other.wantStatus(other.do("GET", attPath, nil), 404)
		lawyer.wantStatus(lawyer.do("GET", attPath, nil), 404)
		other.wantStatus(other.upload(path+"/attachments", "x.pdf", pdfBytes), 404)
		if mine := items(other.object("GET", "/api/v1/me/legal-aid", nil, 200), "items"); len(mine) != 0 {
			t.Fatalf("another resident's list: %v", mine)
		}
	})
}

func TestUploadsRefused(t *testing.T) {
	e := newEnv(t, "sqlite")
	r := e.resident("13800000001")
	app := r.object("POST", "/api/v1/legal-aid/applications", aidForm(nil), 201)
	path := fmt.Sprintf("/api/v1/legal-aid/applications/%d/attachments", id(app))
	cases := []struct {
		name   string
		data   []byte
		status int
	}{
		{"renamed executable.pdf", elfBytes, 400},
		{"notes.pdf", []byte("just some text pretending to be a PDF"), 400},
		{"big.pdf", append(append([]byte{}, pdfBytes...), bytes.Repeat([]byte("x"), 270<<10)...), 413},
		{"huge.pdf", append(append([]byte{}, pdfBytes...), bytes.Repeat([]byte("x"), 400<<10)...), 413},
	}
	for _, c := range cases {
		res := r.wantStatus(r.upload(path, c.name, c.data), c.status)
		res.errorOf(t)
	}
	if entries, _ := os.ReadDir(e.uploads); len(entries) != 0 {
		t.Fatalf("refused uploads left %d files", len(entries))
	}
	n := e.count(`SELECT COUNT(*) FROM legal_aid_attachments`)
	if n != 0 {
		t.Fatalf("%d attachment rows", n)
	}
	// Within the limits: a PNG is fine, and the per-application total holds.
	r.wantStatus(r.upload(path, "photo.png", pngBytes), 201)
	big := append(append([]byte{}, pdfBytes...), bytes.Repeat([]byte("x"), 250<<10)...)
	r.wantStatus(r.upload(path, "a.pdf", big), 201)
	r.wantStatus(r.upload(path, "b.pdf", big), 201)
	r.wantStatus(r.upload(path, "c.pdf", big), 413)
	if entries, _ := os.ReadDir(e.uploads); len(entries) != 3 {
		t.Fatalf("%d files kept, want 3", len(entries))
	}
}

// The whole path: materials requested once, supplied, approved, assigned
// with the conflict check, the lawyer sees the case, the letter renders.
func TestAidWorkflow(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		e.seedDemo()
		e.store.AddFirmClient(t.Context(), 1, 0, "泫氏实业公司")
		r := e.resident("13800000001")
		app := r.object("POST", "/api/v1/legal-aid/applications", aidForm(nil), 201)
		path := fmt.Sprintf("/api/v1/legal-aid/applications/%d", id(app))
		officer := e.client()
		officer.signIn("13900000002")
		act := func(c *client, body map[string]any, want int) map[string]any {
			return c.object("POST", path+"/actions", body, want)
		}
		act(r, map[string]any{"action": "approve"}, 403)
		act(officer, map[string]any{"action": "request_materials", "missing": []string{"身份证复印件", "劳动合同或工资条"}, "supplement_by": "2026-12-05"}, 200)
		act(officer, map[string]any{"action": "approve"}, 409)
		r.wantStatus(r.upload(path+"/attachments", "劳动合同.pdf", pdfBytes), 201)
		act(r, map[string]any{"action": "supply"}, 200)
		act(officer, map[string]any{"action": "request_materials", "missing": []string{"再要一个"}, "supplement_by": "2026-12-10"}, 409)
		act(officer, map[string]any{"action": "approve", "staff_note": "收入核查无异常"}, 200)
		sugs := items(officer.object("GET", path+"/lawyer-suggestions", nil, 200), "items")
		var conflicted, clean float64
		for _, s := range sugs {
			if s["conflict"] != nil && conflicted == 0 {
				conflicted = s["lawyer_id"].(float64)
			}
			if s["conflict"] == nil && clean == 0 {
				clean = s["lawyer_id"].(float64)
			}
		}
		if conflicted == 0 || clean == 0 || sugs[0]["conflict"] != nil {
			t.Fatalf("suggestions: %v", sugs[:3])
		}
		act(officer, map[string]any{"action": "assign", "lawyer_id": conflicted}, 409)
		act(officer, map[string]any{"action": "assign", "lawyer_id": clean}, 200)
		lawyer := e.client()
		lawyer.signIn(demoPhone(clean))
		if cases := items(lawyer.object("GET", "/api/v1/me/legal-aid", nil, 200), "items"); len(cases) != 1 {
			t.Fatalf("the lawyer's cases: %v", cases)
		}
		lawyer.object("GET", path, nil, 200)
		// The assigned lawyer needs the case materials; the read is audited.
		for _, f := range items(officer.object("GET", path, nil, 200), "attachments") {
			lawyer.wantStatus(lawyer.do("GET", fmt.Sprintf("/api/v1/legal-aid/attachments/%d", id(f)), nil), 200)
			if reads, _ := e.store.AuditOf(t.Context(), "legal_aid_attachment", id(f)); len(reads) == 0 {
				t.Fatal("the lawyer's read is not audited")
			}
		}
		// The applicant's timeline has no staff notes.
		for _, ev := range items(r.object("GET", path, nil, 200), "timeline") {
			if ev["staff_note"] != nil {
				t.Fatalf("staff note shown to the applicant: %v", ev)
			}
		}
		steps := items(officer.object("GET", path, nil, 200), "timeline")
		if len(steps) != 6 || steps[2]["action"] != "materials_uploaded" || steps[4]["staff_note"] != "收入核查无异常" {
			t.Fatalf("timeline: %v", steps)
		}
		pdf := r.wantStatus(r.do("GET", path+"/decision.pdf", nil), 200)
		if text := testenv.PDFText(t, pdf.body); !strings.Contains(text, "张秀英") || !strings.Contains(text, "给予法律援助决定书") {
			t.Fatalf("letter text: %s", text)
		}
	})
}

func TestRefusalAndObjection(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		r := e.resident("13800000001")
		app := r.object("POST", "/api/v1/legal-aid/applications", aidForm(nil), 201)
		path := fmt.Sprintf("/api/v1/legal-aid/applications/%d", id(app))
		officer := e.client()
		officer.signInStaff("aid_officer", "13900000002")
		officer.object("POST", path+"/actions", map[string]any{"action": "reject"}, 400)
		officer.object("POST", path+"/actions", map[string]any{"action": "reject", "reason": "家庭人均收入高于本市经济困难标准"}, 200)
		if text := testenv.PDFText(t, r.wantStatus(r.do("GET", path+"/decision.pdf", nil), 200).body); !strings.Contains(text, "第四十九条") {
			t.Fatal("the refusal letter must state the right to object")
		}
		// The applicant applied for themself: there is no other aided person.
		res := officer.wantStatus(officer.do("POST", path+"/objections", map[string]any{"reason": "收入计算有误", "objector": "aided_person"}), 400)
		if _, _, fields := res.errorOf(t); fields["objector"] == nil {
			t.Fatalf("objector: %s", res.body)
		}
		r.wantStatus(r.upload(path+"/attachments", "工资条.pdf", pdfBytes), 409) // decided: no more uploads
		r.object("POST", path+"/objections", map[string]any{"reason": "收入计算把已离婚配偶算入"}, 201)
		officer.wantStatus(officer.do("POST", path+"/objections", map[string]any{"reason": "收入计算有误"}), 409)
		q := items(officer.object("GET", "/api/v1/legal-aid/queue", nil, 200), "items")
		if len(q) != 1 || q[0]["clock"].(map[string]any)["step"] != "objection" {
			t.Fatalf("queue: %v", q)
		}
		admin := e.client()
		admin.signInStaff("admin", "13900000001")
		open := items(admin.object("GET", "/api/v1/legal-aid/objections", nil, 200), "items")
		if len(open) != 1 || open[0]["name"] != "张秀英" {
			t.Fatalf("open objections: %v", open)
		}
		// The bureau reads the application while the objection waits on it,
		// with the ID number masked; the read is audited.
		if got := admin.object("GET", path, nil, 200)["application"].(map[string]any); got["id_number"] != "110105********002X" {
			t.Errorf("the bureau sees id_number %v, want it masked", got["id_number"])
		}
		// ...and the decision objected to, with the bureau named in it.
		text := testenv.PDFText(t, admin.wantStatus(admin.do("GET", path+"/decision.pdf", nil), 200).body)
		if !strings.Contains(text, "不予法律援助决定书") || !strings.Contains(text, "高平市司法局") {
			t.Errorf("the bureau's copy of the refusal: %s", text)
		}
		objection := id(open[0])
		opath := fmt.Sprintf("/api/v1/legal-aid/objections/%d/decision", objection)
		officer.wantStatus(officer.do("POST", opath, map[string]any{"decision": "overturn", "reason": "x"}), 403)
		got := admin.object("POST", opath, map[string]any{"decision": "overturn", "reason": "离婚配偶收入不应计入"}, 200)
		if got["status"] != "approved" {
			t.Fatalf("overturned: %v", got["status"])
		}
		admin.wantStatus(admin.do("POST", opath, map[string]any{"decision": "uphold", "reason": "维持原决定"}), 409)
		admin.wantStatus(admin.do("GET", path, nil), 404) // decided: no longer the bureau's business
	})
}
