package legaldesk

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"
)

// TestStringTablesAgree: every Chinese interface string has its English
// (each defined once), and no two string files define the same key — the
// later file would silently replace the earlier one's text.
func TestStringTablesAgree(t *testing.T) {
	files, err := fs.Glob(Static, "static/js/i18n*.js")
	if err != nil || len(files) < 2 {
		t.Fatalf("string files: %v %v", files, err)
	}
	key := regexp.MustCompile(`(?m)(?:^|[{,\s])'([A-Za-z0-9_.\-]+)':\s`)
	owner := map[string]string{}
	for _, f := range files {
		b, err := fs.ReadFile(Static, f)
		if err != nil {
			t.Fatal(err)
		}
		src := string(b)
		// The English table starts at "en: {" (i18n.js) or at "}, {" (extend).
		split := strings.Index(src, "\n  en: {")
		if split < 0 {
			split = strings.Index(src, "}, {")
		}
		if split < 0 {
			t.Fatalf("%s: no English table", f)
		}
		zh, en := keys(key, src[:split]), keys(key, src[split:])
		for k, n := range zh {
			if n > 1 {
				t.Errorf("%s: %q defined %d times in Chinese", f, k, n)
			}
			if en[k] == 0 {
				t.Errorf("%s: %q has no English", f, k)
			}
			if other, ok := owner[k]; ok {
				t.Errorf("%q is defined in %s and in %s", k, other, f)
			}
			owner[k] = f
		}
		// English-only keys translate data the server sends in Chinese
		// (the Legal Aid Law's categories); they need no Chinese here.
		for k, n := range en {
			if other, ok := owner[k]; ok && other != f {
				t.Errorf("%q is defined in %s and in %s", k, other, f)
			}
			owner[k] = f
			if n > 1 {
				t.Errorf("%s: %q defined %d times in English", f, k, n)
			}
		}
	}
}

func keys(re *regexp.Regexp, src string) map[string]int {
	out := map[string]int{}
	for _, m := range re.FindAllStringSubmatch(src, -1) {
		out[m[1]]++
	}
	return out
}
