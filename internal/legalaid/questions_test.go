package legalaid

import (
	"slices"
	"testing"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
)

// TestQuestionsChooseExistingRules: every question leads to a path and a
// detail the form's rules accept; none is a rule of its own.
func TestQuestionsChooseExistingRules(t *testing.T) {
	for _, q := range Questions() {
		r, err := Explain("", q.Path)
		if err != nil {
			t.Fatalf("%s: %v", q.Key, err)
		}
		if _, ok := r.Options[q.Detail]; !ok {
			t.Errorf("%s: detail %q is not one of %s's options", q.Key, q.Detail, q.Path)
		}
		if q.Article != r.Article {
			t.Errorf("%s: article %q, the rule's %q", q.Key, q.Article, r.Article)
		}
		for _, m := range q.Matters {
			if _, ok := Matters[m]; !ok {
				t.Errorf("%s: unknown matter %q", q.Key, m)
			}
		}
		for _, it := range q.Art31Items {
			if _, ok := Art31Items[it]; !ok {
				t.Errorf("%s: unknown Art. 31 item %q", q.Key, it)
			}
		}
		e := errs.Fields{}
		Form{Path: q.Path, PathDetail: q.Detail}.checkPath(e, calendar.NewDate(2026, 11, 20))
		if len(e) != 0 {
			t.Errorf("%s: the form refuses the answer: %v", q.Key, e)
		}
	}
}

// TestChecklist: the materials follow the path and the matter.
func TestChecklist(t *testing.T) {
	migrant := Checklist(Application{Relation: Self, Matter: CivilAdmin, Art31Item: "labour_pay", Path: Art42, PathDetail: "migrant_wages"})
	if !slices.Contains(migrant, groupProofs["migrant_wages"].zh) || !slices.Contains(migrant, itemProofs["labour_pay"].zh) {
		t.Errorf("a migrant worker's wages: %v", migrant)
	}
	relative := Checklist(Application{Relation: CloseRelative, Matter: Criminal, Path: Proofs})
	if !slices.Contains(relative, pathProofs[Proofs].zh) || !slices.Contains(relative, matterProofs[Criminal].zh) || len(relative) != 5 {
		t.Errorf("a relative's criminal case with proofs: %v", relative)
	}
	if dv := Checklist(Application{Relation: Self, Matter: CivilAdmin, Path: Art32, PathDetail: "abuse_violence"}); !slices.Contains(dv, groundProofs["abuse_violence"].zh) {
		t.Errorf("domestic violence: %v", dv)
	}
	// The English list says the same items in the same order.
	en := ChecklistEN(Application{Relation: CloseRelative, Matter: Criminal, Path: Proofs})
	if len(en) != len(relative) || en[2] != pathProofs[Proofs].en || en[3] != matterProofs[Criminal].en {
		t.Errorf("in English: %v", en)
	}
}
