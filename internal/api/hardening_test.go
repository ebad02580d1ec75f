package api

import (
	"strings"
	"testing"
)

// TestSecureCookieUsesHostPrefix: with secure cookies the session cookie is
// __Host-: Secure, this host only, every path (ASVS 3.4.4).
func TestSecureCookieUsesHostPrefix(t *testing.T) {
	e := newEnv(t, "sqlite", func(s *setup) { s.cfg.CookieSecure = true })
	c := e.client()
	r := c.wantStatus(c.do("POST", "/api/v1/auth/sms-code", map[string]string{"phone": "13800000001"}), 204)
	ck := r.header.Get("Set-Cookie")
	if !strings.HasPrefix(ck, "__Host-legaldesk_session=") || !strings.Contains(ck, "Secure") || !strings.Contains(ck, "Path=/") || strings.Contains(ck, "Domain") {
		t.Fatalf("session cookie %q", ck)
	}
}

// TestBodyMustBeJSON: a form or text/plain post, which a cross-site form
// can send, is refused before it is read.
func TestBodyMustBeJSON(t *testing.T) {
	e := newEnv(t, "sqlite")
	e.seedDemo()
	admin := e.client()
	admin.signIn("13900000001")
	body := `{"date": "2026-12-24", "kind": "closed", "name": "测试"}`
	for _, ct := range []string{"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"} {
		r := admin.do("POST", "/api/v1/calendar/overrides", body, "Content-Type", ct)
		if r.status != 415 {
			t.Errorf("%s: %d %s", ct, r.status, r.body)
			continue
		}
		r.wantError(t, errNotJSON)
	}
	admin.wantStatus(admin.do("POST", "/api/v1/calendar/overrides", body, "Content-Type", "application/json; charset=utf-8"), 201)
}

// TestOnlyXForwardedForFromAProxy: behind a trusted proxy that does not set
// X-Forwarded-For, a client cannot choose its address with X-Real-IP and so
// escape the sign-in limits.
func TestOnlyXForwardedForFromAProxy(t *testing.T) {
	e := newEnv(t, "sqlite", behindProxy)
	e.seedDemo()
	c := e.client()
	limited := false
	for i := range 12 {
		r := c.do("POST", "/api/v1/auth/login", map[string]string{"phone": "13900000001", "password": "wrong-password-x"},
			"X-Real-IP", "203.0.113."+string(rune('1'+i%9)))
		limited = limited || r.status == 429
	}
	if !limited {
		t.Fatal("rotating X-Real-IP escaped the sign-in limit")
	}
}

// TestCookieMakesPublicAnswersPrivate: public data answered to a signed-in
// browser carries its session cookie, so shared caches must not keep it.
func TestCookieMakesPublicAnswersPrivate(t *testing.T) {
	e := bookingEnv(t, "sqlite")
	a := e.resident("13800000001")
	r := a.wantStatus(a.do("GET", "/api/v1/slots?site_id=1&from=2026-12-02&to=2026-12-02", nil), 200)
	if r.header.Get("Set-Cookie") == "" {
		t.Fatal("the idle timeout is renewed on every request: expected a cookie")
	}
	if strings.Contains(r.header.Get("Cache-Control"), "public") {
		t.Fatalf("a cookie on a public answer: Cache-Control %q", r.header.Get("Cache-Control"))
	}
	anon := e.client().do("GET", "/api/v1/slots?site_id=1&from=2026-12-02&to=2026-12-02", nil)
	if !strings.Contains(anon.header.Get("Cache-Control"), "public") {
		t.Fatalf("availability for everyone should stay cacheable: %q", anon.header.Get("Cache-Control"))
	}
}

// TestAvailabilityETag: a client that has the current availability gets
// 304 and no body; after a booking changes it, the new answer.
func TestAvailabilityETag(t *testing.T) {
	e := bookingEnv(t, "sqlite")
	a := e.resident("13800000001")
	path := "/api/v1/slots?site_id=1&from=2026-12-02&to=2026-12-02"
	first := a.wantStatus(a.do("GET", path, nil), 200)
	etag := first.header.Get("ETag")
	if etag == "" {
		t.Fatal("no ETag")
	}
	if r := a.do("GET", path, nil, "If-None-Match", etag); r.status != 304 || len(r.body) != 0 {
		t.Fatalf("same availability: %d, %d bytes", r.status, len(r.body))
	}
	slot := items(first.json(t), "items")[0]
	a.object("POST", "/api/v1/bookings", map[string]any{"slot_id": id(slot)}, 201)
	if r := a.do("GET", path, nil, "If-None-Match", etag); r.status != 200 || r.header.Get("ETag") == etag {
		t.Fatalf("after a booking: %d, ETag %q", r.status, r.header.Get("ETag"))
	}
}
