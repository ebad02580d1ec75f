package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/legaldesk/legaldesk/internal/loadtest"
	"github.com/legaldesk/legaldesk/internal/testenv"
)

// lockedBuffer collects the server's output across goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// startServer runs the real program on a free port with env on top of a
// fresh data directory, waits for /readyz and returns the base URL.
func startServer(t *testing.T, env map[string]string) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	// The demo's past year of records is checked once, in internal/demo;
	// the servers of these tests start without it.
	vars := map[string]string{"LEGALDESK_ADDR": addr, "LEGALDESK_DATA_DIR": t.TempDir(), "LEGALDESK_LOG_LEVEL": "warn",
		"LEGALDESK_DEMO_HISTORY": "false"}
	for k, v := range env {
		vars[k] = v
	}
	ctx, cancel := context.WithCancel(context.Background())
	out := &lockedBuffer{}
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-config", "testdata/empty.yaml"}, func(k string) string { return vars[k] }, out)
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("server stopped with %v", err)
		}
	})
	base := "http://" + addr
	deadline := time.Now().Add(90 * time.Second) // the demo history takes a while under -race
	for time.Now().Before(deadline) {
		select {
		case err := <-done:
			t.Fatalf("server exited: %v\n%s", err, out.String())
		default:
		}
		if res, err := http.Get(base + "/readyz"); err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				return base
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("not ready in time:\n%s", out.String())
	return ""
}

// apiClient is a cookie-keeping JSON client for the real server.
type apiClient struct {
	t    *testing.T
	base string
	c    *http.Client
}

func newClient(t *testing.T, base string) *apiClient {
	jar, _ := cookiejar.New(nil)
	return &apiClient{t: t, base: base, c: &http.Client{Jar: jar, Timeout: 10 * time.Second}}
}

func (a *apiClient) call(method, path string, body any, out any) int {
	a.t.Helper()
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, a.base+path, rd)
	req.Header.Set("Content-Type", "application/json")
	res, err := a.c.Do(req)
	if err != nil {
		a.t.Fatal(err)
	}
	defer res.Body.Close()
	if out != nil {
		json.NewDecoder(res.Body).Decode(out)
	}
	return res.StatusCode
}

// smsCode signs in as the demo admin and reads the newest code for phone.
func smsCode(t *testing.T, base, phone string) string {
	t.Helper()
	admin := newClient(t, base)
	if s := admin.call("POST", "/api/v1/auth/login", map[string]string{"phone": "13900000001", "password": "demo-pass-2026"}, nil); s != 200 {
		t.Fatalf("demo admin login: %d", s)
	}
	var out struct {
		Items []struct{ Body string } `json:"items"`
	}
	admin.call("GET", "/api/v1/admin/outbox?kind=sms_code&phone="+phone, nil, &out)
	if len(out.Items) == 0 {
		t.Fatalf("no code for %s in the outbox", phone)
	}
	body := out.Items[0].Body
	i := strings.Index(body, "验证码是")
	if i < 0 {
		t.Fatalf("no code in %q", body)
	}
	return body[i+len("验证码是") : i+len("验证码是")+6]
}

// TestFreshStart is the first thing a new user does: run the program with
// no configuration and browse the seeded network.
func TestFreshStart(t *testing.T) {
	base := startServer(t, nil)
	c := newClient(t, base)
	var sites struct {
		Items []struct {
			Name     string `json:"name"`
			Township string `json:"township"`
		} `json:"items"`
	}
	if s := c.call("GET", "/api/v1/sites?tier=station", nil, &sites); s != 200 || len(sites.Items) != 16 {
		t.Fatalf("stations: status %d, %d items", s, len(sites.Items))
	}
	addr := strings.TrimPrefix(base, "http://")
	if err := run(context.Background(), []string{"healthcheck", "-config", "testdata/empty.yaml"},
		func(k string) string { return map[string]string{"LEGALDESK_ADDR": addr}[k] }, io.Discard); err != nil {
		t.Fatalf("healthcheck: %v", err)
	}
	res, err := http.Get(base + "/")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if !strings.Contains(string(b), "公共法律服务") {
		t.Fatal("the shell is not served at /")
	}
	// A resident signs in with the code from the outbox.
	if s := c.call("POST", "/api/v1/auth/sms-code", map[string]string{"phone": "13800000001"}, nil); s != 204 {
		t.Fatalf("sms-code: %d", s)
	}
	code := smsCode(t, base, "13800000001")
	var me struct{ User struct{ Role, Name string } }
	if s := c.call("POST", "/api/v1/auth/login", map[string]string{"phone": "13800000001", "code": code}, &me); s != 200 || me.User.Role != "resident" {
		t.Fatalf("login: %d %+v", s, me)
	}
	if !strings.Contains(me.User.Name, "演示") {
		t.Errorf("the demo resident should be the seeded one, got %q", me.User.Name)
	}
}

func TestVersionAndUnknownCommand(t *testing.T) {
	var out bytes.Buffer
	if err := run(context.Background(), []string{"version"}, func(string) string { return "" }, &out); err != nil || !strings.HasPrefix(out.String(), "legaldesk") {
		t.Fatalf("version: %q %v", out.String(), err)
	}
	if err := run(context.Background(), []string{"frobnicate"}, func(string) string { return "" }, &out); err == nil {
		t.Fatal("unknown command accepted")
	}
	bad := func(k string) string { return map[string]string{"LEGALDESK_DB_DRIVER": "oracle"}[k] }
	if err := run(context.Background(), []string{"-config", "testdata/empty.yaml"}, bad, &out); err == nil || !strings.Contains(err.Error(), "LEGALDESK_DB_DRIVER") {
		t.Fatalf("bad config: %v", err)
	}
	prod := func(k string) string {
		return map[string]string{"LEGALDESK_ENV": "production", "LEGALDESK_DEMO": "false"}[k]
	}
	if err := run(context.Background(), []string{"-config", "testdata/empty.yaml"}, prod, &out); err == nil || !strings.Contains(err.Error(), "keys.pii") {
		t.Fatalf("production without keys must refuse to start: %v", err)
	}
}

func TestUserCreate(t *testing.T) {
	dir := t.TempDir()
	env := func(k string) string {
		return map[string]string{"LEGALDESK_DATA_DIR": dir, "LEGALDESK_DEMO": "false", "LEGALDESK_NEW_PASSWORD": "a-long-password"}[k]
	}
	var out bytes.Buffer
	args := []string{"user", "create", "--role", "admin", "--phone", "13912345678", "--name", "张管理", "-config", "testdata/empty.yaml"}
	if err := run(context.Background(), args, env, &out); err != nil || !strings.Contains(out.String(), "created admin") {
		t.Fatalf("user create: %q %v", out.String(), err)
	}
	if err := run(context.Background(), args, env, &out); err == nil {
		t.Fatal("a second account with the same phone was created")
	}
	fmt.Fprint(io.Discard, out.String())
}

// TestSameBinaryOnMariaDBAndRedis starts the program with the production
// engines: MariaDB for data, Redis for holds, sessions and limits.
func TestSameBinaryOnMariaDBAndRedis(t *testing.T) {
	if testenv.MySQLDSN() == "" || testenv.RedisAddr() == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI=true but the MariaDB or Redis test settings are missing")
		}
		t.Skip("LEGALDESK_TEST_MYSQL_DSN or LEGALDESK_TEST_REDIS_ADDR not set")
	}
	_, dsn := testenv.NewDB(t, "mysql")
	base := startServer(t, map[string]string{"LEGALDESK_DB_DRIVER": "mysql", "LEGALDESK_DB_DSN": dsn,
		"LEGALDESK_REDIS_ADDR": testenv.RedisAddr(), "LEGALDESK_REDIS_PREFIX": testenv.RedisPrefix()})
	var ready struct{ Checks map[string]string }
	c := newClient(t, base)
	if s := c.call("GET", "/readyz", nil, &ready); s != 200 || ready.Checks["database"] != "ok" || ready.Checks["redis"] != "ok" {
		t.Fatalf("readyz: %d %+v", s, ready)
	}
	var sites struct{ Items []any }
	if s := c.call("GET", "/api/v1/sites?tier=station", nil, &sites); s != 200 || len(sites.Items) != 16 {
		t.Fatalf("stations on MariaDB: %d, %d", s, len(sites.Items))
	}
	if s := c.call("POST", "/api/v1/auth/sms-code", map[string]string{"phone": "13800000003"}, nil); s != 204 {
		t.Fatalf("sms-code: %d", s)
	}
	code := smsCode(t, base, "13800000003")
	if s := c.call("POST", "/api/v1/auth/login", map[string]string{"phone": "13800000003", "code": code}, nil); s != 200 {
		t.Fatalf("login: %d", s)
	}
	if s := c.call("GET", "/api/v1/me", nil, nil); s != 200 {
		t.Fatalf("the Redis session did not hold: %d", s)
	}
}

// TestLoadtestCorrectness is CI's small pass of cmd/loadtest: residents race
// for the demo's free places over HTTP; exactly those are booked.
func TestLoadtestCorrectness(t *testing.T) {
	base := startServer(t, map[string]string{"LEGALDESK_AUTH_SMS_PER_PHONE": "100", "LEGALDESK_AUTH_LOGIN_PER_PHONE": "100"})
	rep, err := loadtest.Run(context.Background(), loadtest.Options{Base: base, AdminPhone: "13900000001", AdminPassword: "demo-pass-2026",
		SiteID: 1, Residents: 40, Reads: 100, Concurrency: 8, Days: 14, Throughput: true}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Problems) > 0 || rep.Places == 0 || rep.Booked != rep.Places || rep.Successes.Count != 80 {
		t.Fatalf("places %d, booked %d, problems %v", rep.Places, rep.Booked, rep.Problems)
	}
	t.Log(rep.Reads, rep.Confirms)
}

// TestServerOnRedisCluster: with several Redis addresses the program runs
// its holds and rate limits on a Redis Cluster (sessions stay in the
// database), and residents racing for the demo's places book exactly them.
func TestServerOnRedisCluster(t *testing.T) {
	cluster := os.Getenv("LEGALDESK_TEST_REDIS_CLUSTER")
	if cluster == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI=true but LEGALDESK_TEST_REDIS_CLUSTER is not set")
		}
		t.Skip("LEGALDESK_TEST_REDIS_CLUSTER not set")
	}
	base := startServer(t, map[string]string{"LEGALDESK_REDIS_ADDR": cluster, "LEGALDESK_REDIS_PREFIX": testenv.RedisPrefix(),
		"LEGALDESK_AUTH_SMS_PER_PHONE": "100", "LEGALDESK_AUTH_LOGIN_PER_PHONE": "100"})
	var ready struct{ Checks map[string]string }
	if s := newClient(t, base).call("GET", "/readyz", nil, &ready); s != 200 || ready.Checks["redis"] != "ok" {
		t.Fatalf("readyz on the cluster: %d %+v", s, ready)
	}
	rep, err := loadtest.Run(context.Background(), loadtest.Options{Base: base, AdminPhone: "13900000001", AdminPassword: "demo-pass-2026",
		SiteID: 1, Residents: 40, Reads: 20, Concurrency: 8, Days: 14}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Problems) > 0 || rep.Places == 0 || rep.Booked != rep.Places {
		t.Fatalf("places %d, booked %d, problems %v", rep.Places, rep.Booked, rep.Problems)
	}
}
