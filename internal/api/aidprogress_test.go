package api

import (
	"fmt"
	"testing"

	"github.com/legaldesk/legaldesk/internal/legalaid"
)

// TestAidProgressLookUp: anyone with the receipt's number and the ID number
// reads where an application stands, without signing in; the answer holds
// the status, the dates and the next step, nothing else.
func TestAidProgressLookUp(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		r := e.resident("13800000001")
		app := r.object("POST", "/api/v1/legal-aid/applications", aidForm(nil), 201)
		anon := e.client()
		got := anon.object("POST", "/api/v1/legal-aid/progress", map[string]any{"number": app["code"], "id_number": "11010519491231002x"}, 200)
		today := e.now().Format("2006-01-02")
		due := e.now().AddDate(0, 0, legalaid.DecideDays).Format("2006-01-02")
		want := map[string]any{"number": app["code"], "status": "received", "received_on": today, "decision_due": due,
			"next_step": "centre_decides", "next_due": due}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("progress = %v, want %v", got, want)
		}
		if app["decision_due"] != due {
			t.Fatalf("the receipt's decision date %v, the lookup's %v", app["decision_due"], due)
		}
		// The officer asks for materials: the next step is the applicant's.
		officer := e.officer(false)
		path := fmt.Sprintf("/api/v1/legal-aid/applications/%d", id(app))
		by := e.now().AddDate(0, 0, 10).Format("2006-01-02")
		officer.object("POST", path+"/actions", map[string]any{"action": "request_materials", "missing": []string{"工资条"}, "supplement_by": by}, 200)
		got = anon.object("POST", "/api/v1/legal-aid/progress", map[string]any{"number": app["code"], "id_number": "11010519491231002X"}, 200)
		if got["next_step"] != "supply_materials" || got["next_due"] != by || got["status"] != "materials_requested" {
			t.Fatalf("after the materials notice: %v", got)
		}
		if _, ok := got["missing_materials"]; ok {
			t.Fatalf("the lookup tells the materials: %v", got)
		}
	})
}

// TestAidProgressSameAnswer: an unknown number and someone else's ID number
// get the same answer, so the lookup tells nobody which numbers exist; a
// malformed ID number is a field error before anything is looked up.
func TestAidProgressSameAnswer(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		r := e.resident("13800000001")
		app := r.object("POST", "/api/v1/legal-aid/applications", aidForm(nil), 201)
		anon := e.client()
		other := fixCheck("140581195001010010")
		wrongPair := anon.wantStatus(anon.do("POST", "/api/v1/legal-aid/progress", map[string]any{"number": app["code"], "id_number": other}), 404)
		missing := anon.wantStatus(anon.do("POST", "/api/v1/legal-aid/progress", map[string]any{"number": "FY000000ABCDEF", "id_number": "11010519491231002X"}), 404)
		c1, m1, _ := wrongPair.errorOf(t)
		c2, m2, _ := missing.errorOf(t)
		if c1 != c2 || m1 != m2 || c1 != "not_found" {
			t.Fatalf("wrong pair %s %q, missing number %s %q", c1, m1, c2, m2)
		}
		res := anon.wantStatus(anon.do("POST", "/api/v1/legal-aid/progress", map[string]any{"number": app["code"], "id_number": "110105194912310021"}), 400)
		if _, _, fields := res.errorOf(t); fields["id_number"] == nil {
			t.Fatalf("a bad check digit: %s", res.body)
		}
		res = anon.wantStatus(anon.do("POST", "/api/v1/legal-aid/progress", map[string]any{"id_number": "11010519491231002X"}), 400)
		if _, _, fields := res.errorOf(t); fields["number"] == nil {
			t.Fatalf("no number: %s", res.body)
		}
	})
}

// TestAidProgressRateLimit: lookups are limited per address, right or
// wrong; another address still gets its answer.
func TestAidProgressRateLimit(t *testing.T) {
	e := newEnv(t, "sqlite", behindProxy)
	r := e.resident("13800000001")
	app := r.object("POST", "/api/v1/legal-aid/applications", aidForm(nil), 201)
	guesser := e.clientAt("203.0.113.7")
	for i := range legalaid.ProgressPerAddr {
		guess := fixCheck(fmt.Sprintf("1405811980010100%d0", i))
		guesser.wantStatus(guesser.do("POST", "/api/v1/legal-aid/progress", map[string]any{"number": app["code"], "id_number": guess}), 404)
	}
	res := guesser.wantStatus(guesser.do("POST", "/api/v1/legal-aid/progress", map[string]any{"number": app["code"], "id_number": "11010519491231002X"}), 429)
	if code, _, _ := res.errorOf(t); code != "rate_limited" {
		t.Fatalf("the eleventh lookup: %s", res.body)
	}
	owner := e.clientAt("198.51.100.20")
	owner.object("POST", "/api/v1/legal-aid/progress", map[string]any{"number": app["code"], "id_number": "11010519491231002X"}, 200)
}
