package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func envOf(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestDefaultNeedsNoFile(t *testing.T) {
	t.Chdir(t.TempDir())
	cfg, err := Load("", envOf(nil))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.DB.Driver != "sqlite" || cfg.Addr != ":8080" || !cfg.Demo || cfg.Redis.Addr != "" {
		t.Fatalf("unexpected defaults: %+v", cfg)
	}
}

func TestFileThenEnvironment(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "c.yaml")
	os.WriteFile(path, []byte("addr: \":9000\"\nsession:\n  idle_timeout: 10m\nredis:\n  addr: file:6379\n"), 0o600)
	cfg, err := Load(path, envOf(map[string]string{"LEGALDESK_REDIS_ADDR": "127.0.0.1:6380", "LEGALDESK_DB_DRIVER": "mysql", "LEGALDESK_DB_DSN": "x"}))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Addr != ":9000" || cfg.Session.IdleTimeout != 10*time.Minute {
		t.Errorf("file not applied: %+v", cfg)
	}
	if cfg.Redis.Addr != "127.0.0.1:6380" || cfg.DB.Driver != "mysql" {
		t.Errorf("environment must win over the file: %+v", cfg)
	}
}

func TestInvalidNamesTheKey(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("no_such_key: 1\n"), 0o600)
	cases := []struct {
		name, path string
		env        map[string]string
		want       string
	}{
		{"driver", "", map[string]string{"LEGALDESK_DB_DRIVER": "oracle"}, "LEGALDESK_DB_DRIVER"},
		{"mysql without dsn", "", map[string]string{"LEGALDESK_DB_DRIVER": "mysql"}, "db.dsn"},
		{"bad duration", "", map[string]string{"LEGALDESK_SESSION_IDLE_TIMEOUT": "soon"}, "IDLE_TIMEOUT"},
		{"production without keys", "", map[string]string{"LEGALDESK_ENV": "production", "LEGALDESK_DEMO": "false"}, "keys.pii"},
		{"production with demo", "", map[string]string{"LEGALDESK_ENV": "production"}, "demo"},
		{"production with an insecure cookie", "", prodEnv(map[string]string{"LEGALDESK_SESSION_COOKIE_SECURE": "false"}), "session.cookie_secure"},
		{"production without the public origin", "", prodEnv(map[string]string{"LEGALDESK_HTTP_PUBLIC_ORIGIN": ""}), "http.public_origin"},
		{"public origin with a path", "", map[string]string{"LEGALDESK_HTTP_PUBLIC_ORIGIN": "https://a.example/x"}, "http.public_origin"},
		{"a public profiler", "", map[string]string{"LEGALDESK_HTTP_DEBUG_ADDR": "0.0.0.0:6060"}, "http.debug_addr"},
		{"a profiler without a port", "", map[string]string{"LEGALDESK_HTTP_DEBUG_ADDR": "127.0.0.1"}, "http.debug_addr"},
		{"unknown file key", bad, nil, "no_such_key"},
		{"missing explicit file", filepath.Join(dir, "none.yaml"), nil, "none.yaml"},
	}
	t.Chdir(dir)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Load(c.path, envOf(c.env))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want an error naming %q", err, c.want)
			}
		})
	}
}

func TestBookingRulesPerTier(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "c.yaml")
	os.WriteFile(path, []byte("booking:\n  min_notice: 1h\n  per_tier:\n    station:\n      min_notice: 24h\n"), 0o600)
	cfg, err := Load(path, envOf(map[string]string{"LEGALDESK_BOOKING_MAX_ACTIVE": "5"}))
	if err != nil {
		t.Fatal(err)
	}
	if got := cfg.Booking.RulesFor("station"); got.MinNotice != 24*time.Hour || got.MaxActive != 5 {
		t.Errorf("station rules %+v", got)
	}
	if got := cfg.Booking.RulesFor("center"); got.MinNotice != time.Hour || got.Horizon != 30*24*time.Hour {
		t.Errorf("centre rules %+v", got)
	}
	os.WriteFile(path, []byte("booking:\n  per_tier:\n    castle:\n      min_notice: 1h\n"), 0o600)
	if _, err := Load(path, envOf(nil)); err == nil || !strings.Contains(err.Error(), "per_tier.castle") {
		t.Fatalf("unknown tier: %v", err)
	}
}

// prodEnv is a complete production environment with some values changed.
func prodEnv(change map[string]string) map[string]string {
	env := map[string]string{"LEGALDESK_ENV": "production", "LEGALDESK_DEMO": "false", "LEGALDESK_KEYS_PII": "a2V5",
		"LEGALDESK_KEYS_PII_INDEX": "a2V5", "LEGALDESK_SESSION_COOKIE_SECURE": "true", "LEGALDESK_HTTP_PUBLIC_ORIGIN": "https://legal.example.gov.cn"}
	for k, v := range change {
		env[k] = v
	}
	return env
}

func TestProductionAcceptsASecureSetup(t *testing.T) {
	t.Chdir(t.TempDir())
	if _, err := Load("", envOf(prodEnv(nil))); err != nil {
		t.Fatalf("a complete production setup was refused: %v", err)
	}
	// A closed network without TLS is allowed only when said out loud.
	if _, err := Load("", envOf(prodEnv(map[string]string{"LEGALDESK_SESSION_COOKIE_SECURE": "false",
		"LEGALDESK_SESSION_ALLOW_INSECURE_COOKIE": "true"}))); err != nil {
		t.Fatalf("the explicit override was refused: %v", err)
	}
}

// Sessions stay out of Redis unless asked for, so a Redis outage does not
// sign everyone out.
func TestSessionBackend(t *testing.T) {
	cases := []struct {
		store string
		redis bool
		want  string
	}{
		{"", false, "memory"},
		{"", true, "database"},
		{"redis", true, "redis"},
		{"memory", true, "memory"},
		{"database", false, "database"},
	}
	for _, c := range cases {
		if got := (Session{Store: c.store}).Backend(c.redis); got != c.want {
			t.Errorf("store %q, redis %v: %s, want %s", c.store, c.redis, got, c.want)
		}
	}
}
