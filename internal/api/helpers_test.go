package api

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/legaldesk/legaldesk/internal/account"
	"github.com/legaldesk/legaldesk/internal/advisor"
	"github.com/legaldesk/legaldesk/internal/booking"
	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/files"
	"github.com/legaldesk/legaldesk/internal/holds"
	"github.com/legaldesk/legaldesk/internal/legalaid"
	"github.com/legaldesk/legaldesk/internal/mediation"
	"github.com/legaldesk/legaldesk/internal/notary"
	"github.com/legaldesk/legaldesk/internal/notify"
	"github.com/legaldesk/legaldesk/internal/pii"
	"github.com/legaldesk/legaldesk/internal/ratelimit"
	"github.com/legaldesk/legaldesk/internal/roster"
	"github.com/legaldesk/legaldesk/internal/sessions"
	"github.com/legaldesk/legaldesk/internal/stats"
	"github.com/legaldesk/legaldesk/internal/store"
	"github.com/legaldesk/legaldesk/internal/testenv"
)

// env is one server under test on one engine, with a clock tests can move.
type env struct {
	t     *testing.T
	store *store.Store
	srv   *httptest.Server
	api   *Server
	box   *pii.Box
	mu    sync.Mutex
	shift time.Duration
	// started anchors the clock: now is testNow plus the time since.
	started time.Time
	uploads string // the attachments directory
}

// testNow is the day the tests live on, so that the December 2026 they
// roster stays ahead whatever day they run.
var testNow = time.Date(2026, 11, 20, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))

// setup is what a test may change before the server is built.
type setup struct {
	cfg     Config
	rules   account.Rules
	holds   holds.Store   // nil: memory, or Redis on the mysql engine
	holdTTL time.Duration // how long holds last
	shared  *store.Store  // another instance's database
	box     *pii.Box      // another instance's keys
	prefix  string        // another instance's Redis namespace
	// dbSessions keeps sessions in the database, as in production.
	dbSessions bool
	// hideCodes sends as in production: no sign-in code in the outbox.
	hideCodes bool
}

type option func(*setup)

func (e *env) now() time.Time {
	e.mu.Lock()
	defer e.mu.Unlock()
	return testNow.Add(time.Since(e.started) + e.shift)
}

// advance moves the accounts' clock forward.
func (e *env) advance(d time.Duration) {
	e.mu.Lock()
	e.shift += d
	e.mu.Unlock()
}

// engines runs fn on SQLite with memory holds, and on MariaDB with Redis
// when those are configured (always under CI).
func engines(t *testing.T, fn func(t *testing.T, e *env), opts ...option) {
	for _, engine := range testenv.Engines(t) {
		t.Run(engine, func(t *testing.T) { fn(t, newEnv(t, engine, opts...)) })
	}
}

func newEnv(t *testing.T, engine string, opts ...option) *env {
	t.Helper()
	su := setup{cfg: Config{BodyLimit: 1 << 16, IdleTimeout: time.Hour, Lifetime: 2 * time.Hour}, holdTTL: 5 * time.Minute,
		rules: account.Rules{CodeTTL: 5 * time.Minute, MaxAttempts: 3, SMSPerPhone: 1, SMSWindow: time.Minute,
			LoginPerPhone: 5, LoginWindow: time.Minute}}
	for _, o := range opts {
		o(&su)
	}
	e := &env{t: t, store: su.shared, started: time.Now()}
	if e.store == nil {
		e.store = testenv.NewStore(t, engine)
	}
	e.box = su.box
	if e.box == nil {
		e.box, _ = pii.NewBox("k1", pii.NewKey(), pii.NewKey())
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	var limiter account.Limiter = ratelimit.NewMemory()
	hs := su.holds
	if engine == "mysql" {
		rc, prefix := testenv.RequireRedis(t), su.prefix
		if prefix == "" {
			prefix = testenv.RedisPrefix()
		}
		limiter = ratelimit.NewRedis(rc, prefix)
		if hs == nil {
			hs = holds.NewRedis(rc, prefix)
		}
		rs, err := sessions.Redis(rc, prefix)
		if err != nil {
			t.Fatal(err)
		}
		su.cfg.SessionStore, su.cfg.RedisConfigured = rs, true
	}
	if hs == nil {
		hs = holds.NewMemory()
	}
	if su.dbSessions {
		su.cfg.SessionStore = store.Sessions{S: e.store}
	}
	acc := &account.Service{Store: e.store, Box: e.box, Limiter: limiter, Rules: su.rules, Now: e.now,
		Sender: &notify.LogSender{Outbox: e.store, Box: e.box, Log: log, Now: e.now, DemoAid: !su.hideCodes}}
	rs := &roster.Service{Store: e.store, Now: e.now, WeeklyCap: 3, SwapNotice: 48 * time.Hour, MaxDays: 93}
	dir, err := files.Open(filepath.Join(t.TempDir(), "uploads"))
	if err != nil {
		t.Fatal(err)
	}
	e.uploads = dir.Path
	la := &legalaid.Service{Store: e.store, Files: dir, Box: e.box, Now: e.now, MaxFile: 256 << 10, MaxTotal: 600 << 10,
		MinSupplementDays: 5, CentreName: "高平市法律援助中心", BureauName: "高平市司法局",
		Hardship: legalaid.Standard{MonthlyPerCapita: 1500, Source: "测试标准"}, Limiter: limiter}
	su.cfg.UploadLimit = 300 << 10
	bs := &booking.Service{Store: e.store, Holds: holds.Slots{Store: hs, TTL: su.holdTTL}, Notify: acc, Log: log, Now: e.now}
	rs.Notify, rs.Box = bs, e.box
	ns := &notary.Service{Store: e.store, Waits: e.store, Holds: holds.Slots{Store: hs, TTL: su.holdTTL, Prefix: "n"}, Notify: acc, Files: dir,
		Box: e.box, Log: log, Now: e.now, HomeAge: 70, MinNotice: 2 * time.Hour, Horizon: 30 * 24 * time.Hour, MaxActive: 3,
		MaxFile: 256 << 10, MaxTotal: 600 << 10}
	adv := &advisor.Service{Store: e.store, Now: e.now, Cap: 10, TermMonths: 36, Notify: acc, Files: dir, MaxPhoto: 256 << 10,
		Minimums: advisor.Minimums{OnSiteDaysPerMonth: 1, LecturesPerQuarter: 1}}
	med := &mediation.Service{Store: e.store, Box: e.box, Now: e.now}
	s, err := New(Deps{Accounts: acc, Calendar: &calendar.Service{Store: e.store}, Roster: rs, Booking: bs, LegalAid: la, Notary: ns, Advisors: adv, Mediation: med, Stats: &stats.Service{Store: e.store, Box: e.box, Now: e.now},
		Sites: e.store, Outbox: e.store, Idempotency: e.store, Sealer: e.box, Holds: hs, DB: e.store,
		Static: os.DirFS("../../static"), Log: log, Now: e.now}, su.cfg)
	if err != nil {
		t.Fatal(err)
	}
	e.api = s
	e.srv = httptest.NewServer(s)
	t.Cleanup(e.srv.Close)
	return e
}

// client is a browser-like client with its own cookie jar.
type client struct {
	e    *env
	http *http.Client
	lang string
	// addr, when set, is the client's address as a trusted proxy reports it
	// (X-Forwarded-For; the env needs the behindProxy option).
	addr string
}

// behindProxy trusts the loopback proxy, so that clients with addr set
// appear to the server from different addresses.
func behindProxy(s *setup) { s.cfg.TrustedProxies = []string{"127.0.0.1", "::1"} }

// clientAt is a client at another address.
func (e *env) clientAt(addr string) *client {
	c := e.client()
	c.addr = addr
	return c
}

func (e *env) client() *client {
	jar, _ := cookiejar.New(nil)
	return &client{e: e, http: &http.Client{Jar: jar}}
}

type response struct {
	status int
	header http.Header
	body   []byte
}

func (r response) json(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.body, &m); err != nil {
		t.Fatalf("not JSON (%d): %s", r.status, r.body)
	}
	return m
}

// errorOf returns code, message and fields of an error body, checking its shape.
func (r response) errorOf(t *testing.T) (code, message string, fields map[string]any) {
	t.Helper()
	m := r.json(t)
	e, ok := m["error"].(map[string]any)
	if !ok || e["request_id"] == "" || e["message"] == "" {
		t.Fatalf("not the error shape (%d): %s", r.status, r.body)
	}
	fields, _ = e["fields"].(map[string]any)
	return e["code"].(string), e["message"].(string), fields
}

func (c *client) do(method, path string, body any, header ...string) response {
	c.e.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = bytes.NewBufferString(b)
	default:
		j, _ := json.Marshal(b)
		rd = bytes.NewReader(j)
	}
	req, _ := http.NewRequestWithContext(context.Background(), method, c.e.srv.URL+path, rd)
	req.Header.Set("Content-Type", "application/json")
	if c.lang != "" {
		req.Header.Set("Accept-Language", c.lang)
	}
	if c.addr != "" {
		req.Header.Set("X-Forwarded-For", c.addr)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := c.http.Do(req)
	if err != nil {
		c.e.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return response{status: res.StatusCode, header: res.Header, body: b}
}

func (c *client) wantStatus(r response, want int) response {
	c.e.t.Helper()
	if r.status != want {
		c.e.t.Fatalf("status %d, want %d: %s", r.status, want, r.body)
	}
	return r
}

// staff creates a staff account and signs this client in.
func (c *client) signInStaff(role account.Role, phone string) {
	c.e.t.Helper()
	if _, err := c.e.api.Accounts.Create(context.Background(), account.NewUser{Role: role, Name: "测试" + string(role), Phone: phone, Password: "correct-horse-1"}); err != nil {
		c.e.t.Fatal(err)
	}
	c.wantStatus(c.do("POST", "/api/v1/auth/login", map[string]string{"phone": phone, "password": "correct-horse-1"}), 200)
}

// lastCode reads the newest SMS code sent to phone from the outbox.
func (e *env) lastCode(phone string) string {
	e.t.Helper()
	entries, err := e.store.Outbox(context.Background(), notify.Filter{RecipientIndex: e.box.Index("phone", phone), Limit: 1})
	if err != nil || len(entries) == 0 {
		e.t.Fatalf("no message for %s: %v", phone, err)
	}
	b := entries[0].Body
	for i := 0; i+6 <= len(b); i++ {
		if isDigits(b[i : i+6]) {
			return b[i : i+6]
		}
	}
	e.t.Fatalf("no code in %q", b)
	return ""
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// count runs a COUNT query; a failed query fails the test rather than
// reading as zero (zero overbooked slots must mean zero, not an error).
func (e *env) count(query string, args ...any) int {
	e.t.Helper()
	var n int
	if err := e.store.DB().Get(&n, query, args...); err != nil {
		e.t.Fatalf("%s: %v", query, err)
	}
	return n
}

// wantError checks that the answer is the feature's own error: its code,
// its message and its fields, not text copied into the test.
func (r response) wantError(t *testing.T, want *errs.Error) {
	t.Helper()
	code, msg, fields := r.errorOf(t)
	if code != string(want.Code) || msg != want.Message.ZH {
		t.Fatalf("got %s %q, want %s %q", code, msg, want.Code, want.Message.ZH)
	}
	for f := range want.Fields {
		if fields[f] == nil {
			t.Fatalf("no message on %s: %s", f, r.body)
		}
	}
}
