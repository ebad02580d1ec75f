// Package internal_test checks the shape ARCHITECTURE.md asks for: feature
// packages depend on the standard library and a few pure helpers only.
package internal_test

import (
	"os/exec"
	"strings"
	"testing"
)

// features are the domain packages; they must not import gin, sqlx, redis,
// drivers or config.
var features = []string{"account", "network", "errs", "pii", "notify", "calendar", "roster", "booking", "legalaid"}

var allowed = []string{
	"github.com/legaldesk/legaldesk/internal/errs",
	"github.com/legaldesk/legaldesk/internal/pii",
	"github.com/legaldesk/legaldesk/internal/notify",
	"github.com/legaldesk/legaldesk/internal/calendar",
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
