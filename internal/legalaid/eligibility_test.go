package legalaid

import (
	"strings"
	"testing"
)

// TestRulesInEnglish: every path's explanation and requirements have their
// English, line for line, for the criminal matter too.
func TestRulesInEnglish(t *testing.T) {
	for _, m := range []Matter{"", Criminal} {
		for _, r := range Paths() {
			r, err := Explain(m, r.Path)
			if err != nil {
				t.Fatal(err)
			}
			if r.ExplanationEN == "" || len(r.RequirementsEN) != len(r.Requirements) {
				t.Errorf("%s (%s): %d requirements, %d in English; explanation %q", r.Path, m, len(r.Requirements), len(r.RequirementsEN), r.ExplanationEN)
			}
			if m == Criminal && !strings.Contains(r.ExplanationEN, "Art. 25") {
				t.Errorf("%s: the criminal note is missing in English", r.Path)
			}
		}
	}
}
