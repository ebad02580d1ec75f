// Package testenv gives tests real engines: SQLite always, MariaDB/MySQL when
// LEGALDESK_TEST_MYSQL_DSN is set, Redis when LEGALDESK_TEST_REDIS_ADDR is
// set. Under CI=true a missing service fails the test instead of skipping.
// Only tests import it.
package testenv

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/go-sql-driver/mysql"
	"github.com/jmoiron/sqlx"
	"github.com/redis/go-redis/v9"

	legaldesk "github.com/legaldesk/legaldesk"
	"github.com/legaldesk/legaldesk/internal/store"
)

// Engines lists the database engines this run covers.
func Engines(t testing.TB) []string {
	engines := []string{"sqlite"}
	if MySQLDSN() != "" {
		engines = append(engines, "mysql")
	} else if os.Getenv("CI") == "true" {
		t.Fatal("CI=true but LEGALDESK_TEST_MYSQL_DSN is not set: the MariaDB suite must run")
	}
	return engines
}

// MySQLDSN is the server DSN tests create their databases on.
func MySQLDSN() string { return os.Getenv("LEGALDESK_TEST_MYSQL_DSN") }

// RedisAddr is the Redis tests use, or "" (fatal under CI=true via RequireRedis).
func RedisAddr() string { return os.Getenv("LEGALDESK_TEST_REDIS_ADDR") }

var announce sync.Once

// NewDB creates an empty database for one test and returns its driver and
// DSN; it is dropped (MySQL) or removed with the temp dir (SQLite) after.
func NewDB(t testing.TB, engine string) (driver, dsn string) {
	t.Helper()
	if engine == "sqlite" {
		return "sqlite", filepath.Join(t.TempDir(), "test.db")
	}
	cfg, err := mysql.ParseDSN(MySQLDSN())
	if err != nil {
		t.Fatalf("LEGALDESK_TEST_MYSQL_DSN: %v", err)
	}
	name := "ldtest_" + randomHex(6)
	admin, err := sqlx.Open("mysql", cfg.FormatDSN())
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.Exec("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"); err != nil {
		t.Fatalf("create test database on %s: %v", cfg.Addr, err)
	}
	announce.Do(func() {
		var v string
		admin.Get(&v, "SELECT VERSION()")
		fmt.Printf("ENGINE: store tests running on MySQL/MariaDB %s at %s\n", v, cfg.Addr)
	})
	t.Cleanup(func() {
		a, err := sqlx.Open("mysql", cfg.FormatDSN())
		if err == nil {
			a.Exec("DROP DATABASE IF EXISTS " + name)
			a.Close()
		}
	})
	cfg.DBName = name
	return "mysql", cfg.FormatDSN()
}

// NewStore opens a migrated store on a fresh database.
func NewStore(t testing.TB, engine string) *store.Store {
	t.Helper()
	driver, dsn := NewDB(t, engine)
	s, err := store.Open(context.Background(), store.Options{Driver: driver, DSN: dsn, MaxOpenConns: 10})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.Migrate(context.Background(), legaldesk.Migrations); err != nil {
		t.Fatal(err)
	}
	return s
}

// RequireRedis returns a client on the test Redis, failing under CI=true
// when none is configured and skipping elsewhere.
func RequireRedis(t testing.TB) *redis.Client {
	t.Helper()
	addr := RedisAddr()
	if addr == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI=true but LEGALDESK_TEST_REDIS_ADDR is not set")
		}
		t.Skip("LEGALDESK_TEST_REDIS_ADDR not set")
	}
	c := redis.NewClient(&redis.Options{Addr: addr, ContextTimeoutEnabled: true})
	t.Cleanup(func() { c.Close() })
	if err := c.Ping(context.Background()).Err(); err != nil {
		t.Fatalf("redis at %s: %v", addr, err)
	}
	return c
}

// RedisPrefix namespaces one test's Redis keys, so runs never collide.
func RedisPrefix() string { return "test:" + randomHex(6) + ":" }

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// PDFText extracts a PDF's text with poppler's pdftotext (installed by make
// test), without white space, so wrapped lines still match.
func PDFText(t testing.TB, pdf []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext (poppler-utils) is not installed")
		}
		t.Skip("pdftotext not installed")
	}
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Join(strings.Fields(string(out)), "")
}
