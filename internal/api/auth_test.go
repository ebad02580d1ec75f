package api

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/legaldesk/legaldesk/internal/account"
	"github.com/legaldesk/legaldesk/internal/notify"
)

func TestResidentSignIn(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		c := e.client()
		c.wantStatus(c.do("GET", "/api/v1/me", nil), 401)
		c.wantStatus(c.do("POST", "/api/v1/auth/sms-code", map[string]string{"phone": "138 0000 0001"}), 204)
		code := e.lastCode("13800000001")
		r := c.wantStatus(c.do("POST", "/api/v1/auth/login", map[string]string{"phone": "13800000001", "code": code}), 200)
		if u := r.json(t)["user"].(map[string]any); u["role"] != "resident" || u["phone"] != "13800000001" {
			t.Fatalf("user = %v", u)
		}
		me := c.wantStatus(c.do("GET", "/api/v1/me", nil), 200).json(t)["user"].(map[string]any)
		if me["role"] != "resident" {
			t.Fatalf("me = %v", me)
		}
		// The same code cannot be used twice.
		other := e.client()
		r = other.wantStatus(other.do("POST", "/api/v1/auth/login", map[string]string{"phone": "13800000001", "code": code}), 401)
		if _, _, f := r.errorOf(t); f["code"] == nil {
			t.Errorf("want a message on the code field: %s", r.body)
		}
		c.wantStatus(c.do("POST", "/api/v1/auth/logout", nil), 204)
		c.wantStatus(c.do("GET", "/api/v1/me", nil), 401)
	})
}

func TestWrongAndExpiredCodes(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		c := e.client()
		c.wantStatus(c.do("POST", "/api/v1/auth/sms-code", map[string]string{"phone": "13800000002"}), 204)
		code := e.lastCode("13800000002")
		wrong := fmt.Sprintf("%06d", (atoi(code)+1)%1_000_000)
		r := c.wantStatus(c.do("POST", "/api/v1/auth/login", map[string]string{"phone": "13800000002", "code": wrong}), 401)
		r.wantError(t, account.ErrWrongCode)
		e.advance(6 * time.Minute)
		r = c.wantStatus(c.do("POST", "/api/v1/auth/login", map[string]string{"phone": "13800000002", "code": code}), 401)
		r.wantError(t, account.ErrCodeExpired)
		c.wantStatus(c.do("GET", "/api/v1/me", nil), 401)
	})
}

func TestTooManyWrongCodes(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		c := e.client()
		c.wantStatus(c.do("POST", "/api/v1/auth/sms-code", map[string]string{"phone": "13800000003"}), 204)
		code := e.lastCode("13800000003")
		for range 3 {
			c.wantStatus(c.do("POST", "/api/v1/auth/login", map[string]string{"phone": "13800000003", "code": "000000x"}), 401)
		}
		// After MaxAttempts wrong tries even the right code is refused.
		r := c.wantStatus(c.do("POST", "/api/v1/auth/login", map[string]string{"phone": "13800000003", "code": code}), 401)
		r.wantError(t, account.ErrTooManyWrong)
	})
}

func TestSMSRateLimit(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		c := e.client()
		c.wantStatus(c.do("POST", "/api/v1/auth/sms-code", map[string]string{"phone": "13800000004"}), 204)
		r := c.wantStatus(c.do("POST", "/api/v1/auth/sms-code", map[string]string{"phone": "13800000004"}), 429)
		if code, _, _ := r.errorOf(t); code != "rate_limited" || r.header.Get("Retry-After") == "" {
			t.Fatalf("code %s, Retry-After %q", code, r.header.Get("Retry-After"))
		}
		// Another phone is not limited by the first one's window.
		c.wantStatus(c.do("POST", "/api/v1/auth/sms-code", map[string]string{"phone": "13800000005"}), 204)
	})
}

func TestStaffPassword(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		admin := e.client()
		admin.signInStaff(account.Admin, "13900000001")
		me := admin.wantStatus(admin.do("GET", "/api/v1/me", nil), 200).json(t)["user"].(map[string]any)
		if me["role"] != "admin" {
			t.Fatalf("me = %v", me)
		}
		c := e.client()
		r := c.wantStatus(c.do("POST", "/api/v1/auth/login", map[string]string{"phone": "13900000001", "password": "wrong-password"}), 401)
		r.wantError(t, account.ErrBadCredentials)
		// An unknown phone gets the same answer as a wrong password.
		r = c.wantStatus(c.do("POST", "/api/v1/auth/login", map[string]string{"phone": "13900000999", "password": "whatever-123"}), 401)
		r.wantError(t, account.ErrBadCredentials)
		// A staff phone asking for a code is answered as any phone is
		// (TestStaffPhoneLooksLikeAnyOther), but no code is sent.
		c.wantStatus(c.do("POST", "/api/v1/auth/sms-code", map[string]string{"phone": "13900000001"}), 204)
		if got, _ := e.store.Outbox(context.Background(), notify.Filter{RecipientIndex: e.box.Index("phone", "13900000001"), Kind: "sms_code", Limit: 1}); len(got) != 0 {
			t.Fatalf("a code went to a staff phone: %v", got)
		}
	})
}

func TestLoginRateLimit(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		c := e.client()
		for range 5 {
			c.wantStatus(c.do("POST", "/api/v1/auth/login", map[string]string{"phone": "13900000007", "password": "guess-guess"}), 401)
		}
		r := c.wantStatus(c.do("POST", "/api/v1/auth/login", map[string]string{"phone": "13900000007", "password": "guess-guess"}), 429)
		if code, _, _ := r.errorOf(t); code != "rate_limited" {
			t.Fatal(code)
		}
	})
}

func TestSessionIdleTimeout(t *testing.T) {
	short := func(s *setup) { s.cfg.IdleTimeout = time.Second; s.cfg.Lifetime = time.Hour }
	engines(t, func(t *testing.T, e *env) {
		c := e.client()
		c.signInStaff(account.AidOfficer, "13900000002")
		c.wantStatus(c.do("GET", "/api/v1/me", nil), 200)
		time.Sleep(1500 * time.Millisecond)
		c.wantStatus(c.do("GET", "/api/v1/me", nil), 401)
	}, short)
}

func TestSessionAbsoluteTimeout(t *testing.T) {
	short := func(s *setup) { s.cfg.IdleTimeout = time.Second; s.cfg.Lifetime = 2 * time.Second }
	engines(t, func(t *testing.T, e *env) {
		c := e.client()
		c.signInStaff(account.AidOfficer, "13900000002")
		// Activity keeps the idle timer fresh, but not past the lifetime.
		for range 4 {
			time.Sleep(600 * time.Millisecond)
			c.do("GET", "/api/v1/me", nil)
		}
		c.wantStatus(c.do("GET", "/api/v1/me", nil), 401)
	}, short)
}

func TestSessionCookie(t *testing.T) {
	e := newEnv(t, "sqlite")
	c := e.client()
	c.signInStaff(account.Admin, "13900000001")
	r := c.do("POST", "/api/v1/auth/login", map[string]string{"phone": "13900000001", "password": "correct-horse-1"})
	cookie := r.header.Get("Set-Cookie")
	for _, want := range []string{"legaldesk_session=", "HttpOnly", "SameSite=Lax", "Path=/"} {
		if !strings.Contains(cookie, want) {
			t.Errorf("Set-Cookie %q lacks %q", cookie, want)
		}
	}
}

func TestBadLoginInput(t *testing.T) {
	e := newEnv(t, "sqlite")
	c := e.client()
	cases := []struct {
		body  string
		field string
	}{
		{`{"phone": "12345"}`, "phone"},
		{`{"phone": "13800000001"}`, "code"},
		{`{"phone": 13800000001}`, "phone"},
	}
	for _, tc := range cases {
		r := c.wantStatus(c.do("POST", "/api/v1/auth/login", tc.body), 400)
		if _, _, f := r.errorOf(t); f[tc.field] == nil {
			t.Errorf("%s: no message on %s: %s", tc.body, tc.field, r.body)
		}
	}
	c.wantStatus(c.do("POST", "/api/v1/auth/login", `{"phone":`), 400)
	c.wantStatus(c.do("POST", "/api/v1/auth/login", ""), 400)
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}
