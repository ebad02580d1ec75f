package api

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/legaldesk/legaldesk/internal/account"
	"github.com/legaldesk/legaldesk/internal/notify"
)

var sixDigits = regexp.MustCompile(`[0-9]{6}`)

func hideCodes(s *setup) { s.hideCodes = true }

// signedInAdmin signs an administrator in and returns the client and its id.
func (e *env) signedInAdmin() (*client, int64) {
	admin := e.client()
	admin.signInStaff(account.Admin, "13900000001")
	me := admin.object("GET", "/api/v1/me", nil, 200)["user"].(map[string]any)
	return admin, int64(me["id"].(float64))
}

// auditedOutboxReads are the outbox reads the audit log holds for actor.
func (e *env) auditedOutboxReads(actor int64) []string {
	e.t.Helper()
	lines, err := e.store.AuditOf(context.Background(), "outbox", 0)
	if err != nil {
		e.t.Fatal(err)
	}
	var out []string
	for _, l := range lines {
		if l.UserID != nil && *l.UserID == actor && l.Action == "read" {
			out = append(out, l.Detail)
		}
	}
	return out
}

// TestOutboxHidesCodes: as in production, no route shows a live sign-in
// code: not the outbox page, not the table behind it; and the read is audited.
func TestOutboxHidesCodes(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		c := e.client()
		c.wantStatus(c.do("POST", "/api/v1/auth/sms-code", map[string]string{"phone": "13800000011"}), 204)
		rows, err := e.store.Outbox(context.Background(), notify.Filter{Kind: "sms_code", Limit: 10})
		if err != nil || len(rows) != 1 {
			t.Fatalf("outbox rows %v, %v", rows, err)
		}
		if b := rows[0].Body; sixDigits.MatchString(b) || !strings.Contains(b, notify.Hidden) || rows[0].DemoAid {
			t.Fatalf("stored %q (demo aid %v), want the code hidden", b, rows[0].DemoAid)
		}
		admin, adminID := e.signedInAdmin()
		got := items(admin.object("GET", "/api/v1/admin/outbox?kind=sms_code&phone=13800000011", nil, 200), "items")
		if len(got) != 1 || got[0]["demo_aid"] != false {
			t.Fatalf("items = %v", got)
		}
		if b := got[0]["body"].(string); sixDigits.MatchString(b) || !strings.Contains(b, notify.Hidden) {
			t.Fatalf("the outbox page shows %q, want the code hidden", b)
		}
		reads := e.auditedOutboxReads(adminID)
		if len(reads) != 1 || !strings.Contains(reads[0], fmt.Sprintf("ids=%d", rows[0].ID)) || !strings.Contains(reads[0], "by_phone=true") {
			t.Fatalf("audited reads = %q", reads)
		}
	}, hideCodes)
}

// TestOutboxDemoAid: a development demo keeps the code readable, marked as
// a demo aid, and those reads are audited too.
func TestOutboxDemoAid(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		c := e.client()
		c.wantStatus(c.do("POST", "/api/v1/auth/sms-code", map[string]string{"phone": "13800000012"}), 204)
		code := e.lastCode("13800000012")
		admin, adminID := e.signedInAdmin()
		got := items(admin.object("GET", "/api/v1/admin/outbox?kind=sms_code", nil, 200), "items")
		if len(got) != 1 || got[0]["demo_aid"] != true || !strings.Contains(got[0]["body"].(string), code) {
			t.Fatalf("items = %v, want code %s marked as a demo aid", got, code)
		}
		admin.object("GET", "/api/v1/admin/outbox", nil, 200)
		if reads := e.auditedOutboxReads(adminID); len(reads) != 2 || !strings.Contains(reads[0], "demo_aid=1") {
			t.Fatalf("audited reads = %q", reads)
		}
		c.wantStatus(c.do("POST", "/api/v1/auth/login", map[string]string{"phone": "13800000012", "code": code}), 200)
	})
}
