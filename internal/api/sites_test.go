package api

import (
	"fmt"
	"strings"
	"testing"

	"github.com/legaldesk/legaldesk/internal/account"
)

func TestSitesRules(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		admin := e.client()
		admin.signInStaff(account.Admin, "13900000001")
		center := admin.wantStatus(admin.do("POST", "/api/v1/sites", map[string]any{"name": "高平市公共法律服务中心", "tier": "center"}), 201).json(t)
		cid := center["id"].(float64)
		station := admin.wantStatus(admin.do("POST", "/api/v1/sites", map[string]any{"name": "米山镇工作站", "tier": "station", "parent_id": cid, "township": "米山镇"}), 201).json(t)
		sid := station["id"].(float64)

		bad := []struct {
			name  string
			body  map[string]any
			field string
		}{
			{"room under the centre", map[string]any{"name": "米西村", "tier": "room", "parent_id": cid, "township": "米山镇"}, "parent_id"},
			{"unknown parent", map[string]any{"name": "米西村", "tier": "room", "parent_id": 99999, "township": "米山镇"}, "parent_id"},
			{"bad tier", map[string]any{"name": "米西村", "tier": "village", "parent_id": sid, "township": "米山镇"}, "tier"},
			{"room in another township", map[string]any{"name": "米西村", "tier": "room", "parent_id": sid, "township": "三甲镇"}, "township"},
			{"no name", map[string]any{"tier": "room", "parent_id": sid, "township": "米山镇"}, "name"},
			{"latitude out of range", map[string]any{"name": "米西村", "tier": "room", "parent_id": sid, "township": "米山镇", "lat": 123.0}, "lat"},
			{"parent id of the wrong type", map[string]any{"name": "米西村", "tier": "room", "parent_id": "one"}, "parent_id"},
		}
		for _, b := range bad {
			r := admin.wantStatus(admin.do("POST", "/api/v1/sites", b.body), 400)
			code, _, fields := r.errorOf(t)
			if code != "invalid" || fields[b.field] == nil {
				t.Errorf("%s: want a message on %s, got %s", b.name, b.field, r.body)
			}
		}
		room := admin.wantStatus(admin.do("POST", "/api/v1/sites", map[string]any{"name": "米西村工作室", "tier": "room", "parent_id": sid, "township": "米山镇"}), 201).json(t)
		list := admin.wantStatus(admin.do("GET", fmt.Sprintf("/api/v1/sites?parent_id=%d", int(sid)), nil), 200).json(t)
		if items := list["items"].([]any); len(items) != 1 {
			t.Fatalf("rooms of the station = %v (refused sites must not be written)", items)
		}

		// PATCH: the tier is fixed; deactivating a station with a room is refused.
		path := fmt.Sprintf("/api/v1/sites/%d", int(sid))
		admin.wantStatus(admin.do("PATCH", path, map[string]any{"tier": "center"}), 400)
		admin.wantStatus(admin.do("PATCH", path, map[string]any{"active": false}), 409)
		admin.wantStatus(admin.do("PATCH", fmt.Sprintf("/api/v1/sites/%d", int(room["id"].(float64))), map[string]any{"active": false}), 200)
		got := admin.wantStatus(admin.do("PATCH", path, map[string]any{"active": false, "phone": "0356-1234567"}), 200).json(t)
		if got["active"] != false || got["phone"] != "0356-1234567" || got["name"] != "米山镇工作站" {
			t.Fatalf("patched = %v", got)
		}
		// Deactivated sites leave the public list but stay readable.
		pub := e.client()
		stations := pub.wantStatus(pub.do("GET", "/api/v1/sites?tier=station", nil), 200).json(t)["items"].([]any)
		if len(stations) != 0 {
			t.Fatalf("public list shows a deactivated station: %v", stations)
		}
		pub.wantStatus(pub.do("GET", path, nil), 200)
		all := admin.wantStatus(admin.do("GET", "/api/v1/sites?tier=station&include_inactive=true", nil), 200).json(t)["items"].([]any)
		if len(all) != 1 {
			t.Fatalf("admin with include_inactive sees %d stations", len(all))
		}
	})
}

func TestSitesRoles(t *testing.T) {
	e := newEnv(t, "sqlite")
	anon := e.client()
	anon.wantStatus(anon.do("POST", "/api/v1/sites", map[string]any{"name": "x", "tier": "center"}), 401)
	for i, role := range []account.Role{account.Lawyer, account.AidOfficer, account.NotaryClerk} {
		c := e.client()
		c.signInStaff(role, fmt.Sprintf("1390000010%d", i))
		c.wantStatus(c.do("POST", "/api/v1/sites", map[string]any{"name": "x", "tier": "center"}), 403)
		c.wantStatus(c.do("PATCH", "/api/v1/sites/1", map[string]any{"name": "x"}), 403)
	}
}

func TestSitesQueries(t *testing.T) {
	e := newEnv(t, "sqlite")
	admin := e.client()
	admin.signInStaff(account.Admin, "13900000001")
	c := admin.wantStatus(admin.do("POST", "/api/v1/sites", map[string]any{"name": "中心", "tier": "center"}), 201).json(t)["id"].(float64)
	for i := range 5 {
		admin.wantStatus(admin.do("POST", "/api/v1/sites", map[string]any{"name": fmt.Sprint("站", i), "tier": "station", "parent_id": c, "township": fmt.Sprint("乡", i)}), 201)
	}
	// Paging with limit and cursor walks every station once.
	seen, cursor := 0, ""
	for {
		r := admin.wantStatus(admin.do("GET", "/api/v1/sites?tier=station&limit=2&cursor="+cursor, nil), 200).json(t)
		seen += len(r["items"].([]any))
		cursor = r["next_cursor"].(string)
		if cursor == "" {
			break
		}
	}
	if seen != 5 {
		t.Fatalf("paged through %d stations, want 5", seen)
	}
	town := admin.wantStatus(admin.do("GET", "/api/v1/sites?township=乡3", nil), 200).json(t)["items"].([]any)
	if len(town) != 1 {
		t.Fatalf("township filter = %v", town)
	}
	for _, q := range []string{"tier=castle", "limit=0", "limit=9999", "parent_id=abc", "cursor=-1"} {
		r := admin.wantStatus(admin.do("GET", "/api/v1/sites?"+q, nil), 400)
		if code, _, _ := r.errorOf(t); code != "invalid" {
			t.Errorf("%s: %s", q, code)
		}
	}
	admin.wantStatus(admin.do("GET", "/api/v1/sites/99999", nil), 404)
	admin.wantStatus(admin.do("GET", "/api/v1/sites/abc", nil), 404)
}

func TestErrorShape(t *testing.T) {
	e := newEnv(t, "sqlite")
	c := e.client()
	admin := e.client()
	admin.signInStaff(account.Admin, "13900000001")
	r := admin.wantStatus(admin.do("POST", "/api/v1/sites", `{"name": "x", `), 400)
	if code, msg, _ := r.errorOf(t); code != "invalid" || !strings.Contains(msg, "JSON") {
		t.Fatalf("malformed JSON: %s", r.body)
	}
	big := `{"name": "` + strings.Repeat("长", 1<<16) + `"}`
	r = admin.wantStatus(admin.do("POST", "/api/v1/sites", big), 413)
	if code, _, _ := r.errorOf(t); code != "too_large" {
		t.Fatal(code)
	}
	r = c.wantStatus(c.do("GET", "/api/v1/nothing-here", nil), 404)
	if code, _, _ := r.errorOf(t); code != "not_found" {
		t.Fatal(code)
	}
	c.lang = "en"
	r = c.wantStatus(c.do("GET", "/api/v1/me", nil), 401)
	if _, msg, _ := r.errorOf(t); msg != "please sign in" {
		t.Fatalf("English message = %q", msg)
	}
	c.lang = ""
	r = c.wantStatus(c.do("GET", "/api/v1/me", nil, "X-Request-ID", "abc-123"), 401)
	if r.header.Get("X-Request-ID") != "abc-123" || r.json(t)["error"].(map[string]any)["request_id"] != "abc-123" {
		t.Fatalf("request id not echoed: %s", r.body)
	}
}

func TestCrossOriginRefused(t *testing.T) {
	e := newEnv(t, "sqlite")
	c := e.client()
	r := c.wantStatus(c.do("POST", "/api/v1/auth/sms-code", map[string]string{"phone": "13800000001"}, "Sec-Fetch-Site", "cross-site"), 403)
	if code, _, _ := r.errorOf(t); code != "forbidden" {
		t.Fatal(code)
	}
	r = c.wantStatus(c.do("POST", "/api/v1/auth/sms-code", map[string]string{"phone": "13800000001"}, "Origin", "https://evil.example"), 403)
	// Same-origin requests and reads pass.
	c.wantStatus(c.do("POST", "/api/v1/auth/sms-code", map[string]string{"phone": "13800000001"}, "Sec-Fetch-Site", "same-origin"), 204)
	c.wantStatus(c.do("GET", "/api/v1/sites", nil, "Sec-Fetch-Site", "cross-site"), 200)
}

func TestHealthAndReadiness(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		c := e.client()
		c.wantStatus(c.do("GET", "/healthz", nil), 200)
		c.wantStatus(c.do("GET", "/readyz", nil), 200)
		m := c.wantStatus(c.do("GET", "/metrics", nil), 200)
		if !strings.Contains(string(m.body), `route="/readyz"`) {
			t.Fatal("metrics are not labelled by route template")
		}
	})
}

func TestStaticShell(t *testing.T) {
	e := newEnv(t, "sqlite")
	c := e.client()
	for _, p := range []string{"/", "/some/page"} {
		r := c.wantStatus(c.do("GET", p, nil), 200)
		if !strings.Contains(string(r.body), "<html") {
			t.Fatalf("%s does not serve the shell", p)
		}
	}
	c.wantStatus(c.do("GET", "/api/docs", nil), 200)
	c.wantStatus(c.do("GET", "/api/openapi.yaml", nil), 200)
}
