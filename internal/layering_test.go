// Package internal_test checks the shape ARCHITECTURE.md asks for: feature
// packages depend on the standard library and a few pure helpers only.
package internal_test

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// features are the domain packages; they must not import gin, sqlx, redis,
// drivers or config.
var features = []string{"account", "network", "errs", "pii", "notify", "calendar", "roster", "booking", "legalaid", "notary", "idempotency", "files", "advisor", "mediation", "stats"}

var allowed = []string{
	"github.com/legaldesk/legaldesk/internal/errs",
	"github.com/legaldesk/legaldesk/internal/pii",
	"github.com/legaldesk/legaldesk/internal/notify",
	"github.com/legaldesk/legaldesk/internal/calendar",
	// files: the shared upload rules (sniffed types, sizes, image headers)
	// and the directory outside the web root; standard library only.
	"github.com/legaldesk/legaldesk/internal/files",
	"golang.org/x/crypto/",
	"golang.org/x/sys/",
	"github.com/6tail/lunar-go",
}

func TestFeaturePackagesStayPure(t *testing.T) {
	for _, f := range features {
		pkg := "github.com/legaldesk/legaldesk/internal/" + f
		out, err := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", pkg).Output()
		if err != nil {
			t.Fatalf("go list %s: %v", pkg, err)
		}
		for _, dep := range strings.Fields(string(out)) {
			if dep != pkg && !isAllowed(dep) {
				t.Errorf("%s depends on %s", f, dep)
			}
		}
	}
}

func isAllowed(dep string) bool {
	for _, a := range allowed {
		if dep == a || strings.HasPrefix(dep, a) {
			return true
		}
	}
	return false
}

const module = "github.com/legaldesk/legaldesk/"

// imports lists what each of the module's packages imports itself (not its
// tests, not transitively).
func imports(t *testing.T) map[string][]string {
	t.Helper()
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", "github.com/legaldesk/legaldesk/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	m := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		m[strings.TrimPrefix(f[0], module)] = f[1:]
	}
	return m
}

// TestHandlersCallServicesOnly: the HTTP layer never reaches the store;
// only the program (cmd/) wires the store to the services.
func TestHandlersCallServicesOnly(t *testing.T) {
	for pkg, deps := range imports(t) {
		// demo builds the store's seed data; testenv opens stores for tests.
		wires := strings.HasPrefix(pkg, "cmd/") || pkg == "internal/demo" || pkg == "internal/testenv"
		if !wires && pkg != "internal/store" && slices.Contains(deps, module+"internal/store") {
			t.Errorf("%s imports internal/store; only cmd/ may wire it", pkg)
		}
	}
}

// TestRedisBehindAdapters: one package per external dependency. go-redis
// is imported only by the adapters that keep holds, rate limits and
// sessions, by redisconn that dials it for them, and by the test
// environment.
func TestRedisBehindAdapters(t *testing.T) {
	adapters := []string{"internal/holds", "internal/ratelimit", "internal/sessions", "internal/redisconn", "internal/testenv"}
	for pkg, deps := range imports(t) {
		for _, d := range deps {
			if strings.HasPrefix(d, "github.com/redis/go-redis") && !slices.Contains(adapters, pkg) {
				t.Errorf("%s imports %s; only %v may", pkg, d, adapters)
			}
		}
	}
}
