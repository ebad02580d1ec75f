package api

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/alexedwards/scs/v2/memstore"

	"github.com/legaldesk/legaldesk/internal/account"
	"github.com/legaldesk/legaldesk/internal/notify"
	"github.com/legaldesk/legaldesk/internal/sessions"
	"github.com/legaldesk/legaldesk/internal/testenv"
)

// faultyStore is a memory session store that fails on demand, the way a
// session store does when its server hangs.
type faultyStore struct {
	mem *memstore.MemStore
	// down fails every call; sessionsDown fails commits of sessions but
	// not the sign-in probe, as when the store dies between the two.
	down, sessionsDown atomic.Bool
}

var errStoreDown = errors.New("session store down")

func (f *faultyStore) Find(token string) ([]byte, bool, error) {
	if f.down.Load() {
		return nil, false, errStoreDown
	}
	return f.mem.Find(token)
}

func (f *faultyStore) Commit(token string, b []byte, expiry time.Time) error {
	if f.down.Load() || (f.sessionsDown.Load() && token != probeKey) {
		return errStoreDown
	}
	return f.mem.Commit(token, b, expiry)
}

func (f *faultyStore) Delete(token string) error {
	if f.down.Load() {
		return errStoreDown
	}
	return f.mem.Delete(token)
}

func faultyEnv(t *testing.T) (*env, *faultyStore) {
	fs := &faultyStore{mem: memstore.NewWithCleanupInterval(0)}
	return newEnv(t, "sqlite", func(s *setup) { s.cfg.SessionStore = fs }), fs
}

// oneError checks that a response is exactly one JSON object in the error
// shape with the code want, not an error followed by another body.
func oneError(t *testing.T, r response, want string) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(r.body))
	var first map[string]any
	if err := dec.Decode(&first); err != nil {
		t.Fatalf("not JSON (%d): %s", r.status, r.body)
	}
	if err := dec.Decode(&map[string]any{}); err != io.EOF {
		t.Fatalf("more than one JSON value (%d): %s", r.status, r.body)
	}
	if code, _, _ := r.errorOf(t); code != want {
		t.Fatalf("code %s, want %s: %s", code, want, r.body)
	}
}

// A sign-in while the session store is down is refused cleanly, before the
// SMS code is spent: the same code signs in once the store is back.
func TestLoginWithSessionStoreDown(t *testing.T) {
	e, fs := faultyEnv(t)
	c := e.client()
	c.wantStatus(c.do("POST", "/api/v1/auth/sms-code", map[string]string{"phone": "13800000001"}), 204)
	code := e.lastCode("13800000001")
	fs.down.Store(true)
	r := c.wantStatus(c.do("POST", "/api/v1/auth/login", map[string]string{"phone": "13800000001", "code": code}), 503)
	oneError(t, r, "unavailable")
	if r.header.Get("Set-Cookie") != "" {
		t.Errorf("a failed sign-in set a cookie: %s", r.header.Get("Set-Cookie"))
	}
	fs.down.Store(false)
	c.wantStatus(c.do("POST", "/api/v1/auth/login", map[string]string{"phone": "13800000001", "code": code}), 200)
	c.wantStatus(c.do("GET", "/api/v1/me", nil), 200)
}

// A code is not sent when the session that binds it cannot be saved: the
// client could never use it.
func TestCodeRequestWithSessionStoreDown(t *testing.T) {
	e, fs := faultyEnv(t)
	// The failed request spent its try (limits come before the session is
	// touched, so refused requests leave nothing behind); allow a second.
	e.api.Accounts.Rules.SMSPerPhone = 2
	c := e.client()
	fs.sessionsDown.Store(true)
	r := c.wantStatus(c.do("POST", "/api/v1/auth/sms-code", map[string]string{"phone": "13800000003"}), 503)
	oneError(t, r, "unavailable")
	if got, err := e.store.Outbox(context.Background(), notify.Filter{RecipientIndex: e.box.Index("phone", "13800000003"), Limit: 1}); err != nil || len(got) != 0 {
		t.Fatalf("sent %v, %v", got, err)
	}
	fs.sessionsDown.Store(false)
	c.wantStatus(c.do("POST", "/api/v1/auth/sms-code", map[string]string{"phone": "13800000003"}), 204)
	c.wantStatus(c.do("POST", "/api/v1/auth/login", map[string]string{"phone": "13800000003", "code": e.lastCode("13800000003")}), 200)
}

// When the store fails between the probe and the final save, the answer is
// a clean 503 with no session cookie, never an error followed by the user.
func TestLoginFinalSaveFails(t *testing.T) {
	e, fs := faultyEnv(t)
	c := e.client()
	c.wantStatus(c.do("POST", "/api/v1/auth/sms-code", map[string]string{"phone": "13800000002"}), 204)
	fs.sessionsDown.Store(true)
	r := c.wantStatus(c.do("POST", "/api/v1/auth/login", map[string]string{"phone": "13800000002", "code": e.lastCode("13800000002")}), 503)
	oneError(t, r, "unavailable")
	if r.header.Get("Set-Cookie") != "" {
		t.Errorf("a failed sign-in set a cookie: %s", r.header.Get("Set-Cookie"))
	}
	fs.sessionsDown.Store(false)
	c.wantStatus(c.do("GET", "/api/v1/me", nil), 401)
}

// Any handler whose session cannot be saved answers one clean error, not
// the error followed by its own body (scs's LoadAndSave did that).
func TestSessionSaveFailsCleanly(t *testing.T) {
	e, fs := faultyEnv(t)
	c := e.client()
	c.signInStaff(account.Admin, "13900000001")
	fs.sessionsDown.Store(true)
	paths := []string{"/api/v1/me", "/api/v1/sites", "/api/v1/admin/outbox", "/api/v1/slots?site_id=1&from=2026-12-01&to=2026-12-02"}
	for _, path := range paths {
		r := c.wantStatus(c.do("GET", path, nil), 503)
		oneError(t, r, "unavailable")
		// The error keeps the headers every answer carries and drops the
		// handler's own (a public cache for the slots).
		if r.header.Get("X-Content-Type-Options") != "nosniff" || r.header.Get("X-Request-Id") == "" ||
			r.header.Get("Cache-Control") != "no-store" {
			t.Errorf("%s: headers %v", path, r.header)
		}
	}
	fs.sessionsDown.Store(false)
	c.wantStatus(c.do("GET", "/api/v1/me", nil), 200)
}

// sessionToken is the session cookie's value in this client's jar.
func (c *client) sessionToken() string {
	c.e.t.Helper()
	u, _ := url.Parse(c.e.srv.URL)
	for _, ck := range c.http.Jar.Cookies(u) {
		if ck.Name == "legaldesk_session" {
			return ck.Value
		}
	}
	c.e.t.Fatal("no session cookie")
	return ""
}

// withCookie is a fresh client that presents value as its session cookie.
func (e *env) withCookie(value string) *client {
	c := e.client()
	u, _ := url.Parse(e.srv.URL)
	c.http.Jar.SetCookies(u, []*http.Cookie{{Name: "legaldesk_session", Value: value, Path: "/"}})
	return c
}

// checkStoredHashed proves a dump of the store's keys cannot be replayed:
// the cookie's token is not among them, its SHA-256 is, and presenting
// that key as a cookie signs nobody in.
func checkStoredHashed(t *testing.T, e *env, keys []string, token string) {
	t.Helper()
	sum := sha256.Sum256([]byte(token))
	hashed := base64.RawURLEncoding.EncodeToString(sum[:])
	if slices.Contains(keys, token) {
		t.Fatalf("the store keeps the cookie's token %s in the clear", token)
	}
	if !slices.Contains(keys, hashed) {
		t.Fatalf("keys %v lack SHA-256 of the token", keys)
	}
	thief := e.withCookie(hashed)
	thief.wantStatus(thief.do("GET", "/api/v1/me", nil), 401)
}

func TestSessionTokensHashedInDatabase(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		c := e.client()
		c.signInStaff(account.Admin, "13900000001")
		var keys []string
		if err := e.store.DB().Select(&keys, `SELECT token FROM sessions`); err != nil {
			t.Fatal(err)
		}
		checkStoredHashed(t, e, keys, c.sessionToken())
		c.wantStatus(c.do("GET", "/api/v1/me", nil), 200)
	}, func(s *setup) { s.dbSessions = true })
}

func TestSessionTokensHashedInRedis(t *testing.T) {
	rc, prefix := testenv.RequireRedis(t), testenv.RedisPrefix()
	rs, err := sessions.Redis(rc, prefix)
	if err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, "sqlite", func(s *setup) { s.cfg.SessionStore = rs })
	c := e.client()
	c.signInStaff(account.Admin, "13900000001")
	found, err := rc.Keys(context.Background(), prefix+"session:*").Result()
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, k := range found {
		keys = append(keys, strings.TrimPrefix(k, prefix+"session:"))
	}
	checkStoredHashed(t, e, keys, c.sessionToken())
	c.wantStatus(c.do("GET", "/api/v1/me", nil), 200)
}

// TestRefusedCodeRequestsLeaveNoSession: an invalid phone or a refused
// request writes no session row; only a code actually sent needs one.
func TestRefusedCodeRequestsLeaveNoSession(t *testing.T) {
	e := newEnv(t, "sqlite", func(s *setup) { s.dbSessions = true })
	for range 5 {
		c := e.client() // a new client each time, as a flood would be
		c.wantStatus(c.do("POST", "/api/v1/auth/sms-code", map[string]string{"phone": "123"}), 400)
	}
	first := e.client()
	first.wantStatus(first.do("POST", "/api/v1/auth/sms-code", map[string]string{"phone": "13800000004"}), 204)
	for range 5 {
		c := e.client()
		c.wantStatus(c.do("POST", "/api/v1/auth/sms-code", map[string]string{"phone": "13800000004"}), 429)
	}
	if n := e.count(`SELECT COUNT(*) FROM sessions`); n != 1 {
		t.Fatalf("%d session rows, want 1 (the client that got a code)", n)
	}
}
