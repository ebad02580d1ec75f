package api

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// TestSecurityHeadersOnEveryResponse: pages, the API, its docs, errors and
// refusals all carry nosniff and a CSP, and answers with personal data are
// never stored by a browser or a proxy.
func TestSecurityHeadersOnEveryResponse(t *testing.T) {
	e := bookingEnv(t, "sqlite")
	anon := e.client()
	a := e.resident("13800000001")
	slot := slotsOn(a, "2026-12-02")[0]
	bk := a.object("POST", "/api/v1/bookings", map[string]any{"slot_id": id(slot)}, 201)
	bpath := fmt.Sprintf("/api/v1/bookings/%d", id(bk))
	requests := []struct {
		c        *client
		method   string
		path     string
		personal bool
	}{
		{anon, "GET", "/", false}, {anon, "GET", "/api/docs", false}, {anon, "GET", "/api/openapi.yaml", false},
		{anon, "GET", "/healthz", false}, {anon, "GET", "/api/v1/sites", false}, {anon, "GET", "/api/v1/no-such-route", false},
		{anon, "GET", "/api/v1/me", false}, {anon, "DELETE", "/api/v1/sites", false},
		{a, "GET", "/api/v1/me", true}, {a, "GET", "/api/v1/me/bookings", true}, {a, "GET", bpath, true},
		{a, "GET", bpath + "/qr.png", true}, {a, "GET", "/api/v1/me/legal-aid", true},
	}
	for _, r := range requests {
		res := r.c.do(r.method, r.path, nil)
		h := res.header
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Content-Security-Policy") == "" {
			t.Errorf("%s %s (%d): nosniff %q, CSP %q", r.method, r.path, res.status, h.Get("X-Content-Type-Options"), h.Get("Content-Security-Policy"))
		}
		if strings.HasPrefix(r.path, "/api/v1/") && !strings.Contains(h.Get("Content-Security-Policy"), "default-src 'none'") {
			t.Errorf("%s %s: the API's CSP must allow nothing, got %q", r.method, r.path, h.Get("Content-Security-Policy"))
		}
		if r.personal && !strings.Contains(h.Get("Cache-Control"), "no-store") {
			t.Errorf("%s %s carries personal data but Cache-Control is %q", r.method, r.path, h.Get("Cache-Control"))
		}
	}
	// A refused cross-origin write carries them too.
	req, _ := http.NewRequest("POST", e.srv.URL+"/api/v1/auth/logout", nil)
	req.Header.Set("Origin", "https://evil.example")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 403 || res.Header.Get("X-Content-Type-Options") != "nosniff" || res.Header.Get("Content-Security-Policy") == "" {
		t.Errorf("cross-origin refusal: %d, headers %v", res.StatusCode, res.Header)
	}
}

// TestFeedURLFromPublicOrigin: a forged Host or X-Forwarded-Proto cannot
// turn the lawyer's feed link into a link to another site.
func TestFeedURLFromPublicOrigin(t *testing.T) {
	e := newEnv(t, "sqlite", func(s *setup) { s.cfg.PublicOrigin = "https://legal.gaoping.example" })
	e.seedDemo()
	lawyer := e.client()
	lawyer.signIn("13900000101")
	req, _ := http.NewRequest("GET", e.srv.URL+"/api/v1/me/calendar-feed", nil)
	req.Host = "evil.example"
	for _, ck := range lawyer.http.Jar.Cookies(req.URL) {
		req.AddCookie(ck) // the jar goes by Host, which is forged here
	}
	req.Header.Set("X-Forwarded-Proto", "http")
	req.Header.Set("X-Forwarded-Host", "evil.example")
	res, err := (&http.Client{}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var out struct{ URL string }
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil || !strings.HasPrefix(out.URL, "https://legal.gaoping.example/api/v1/calendar-feeds/") {
		t.Fatalf("feed URL %q (%d, %v), want it on the public origin", out.URL, res.StatusCode, err)
	}
}
