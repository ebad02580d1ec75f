package api

import (
	"fmt"
	"testing"
)

// TestCommittees: the bureau registers a committee, renames and retires it
// (retired ones leave the mediators' list but stay for the bureau); bad
// input is refused field by field and mediators may not manage them.
func TestCommittees(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		e.seedDemo()
		admin, m, k := e.admin(), e.mediator(), newConformance(t)
		c := k.call(admin, "POST", "/api/v1/mediation/committees", map[string]any{"name": "高平市婚姻家庭纠纷人民调解委员会", "kind": "trade"}, 201).json(t)
		if c["active"] != true || c["sample"] != false {
			t.Fatalf("registered: %v", c)
		}
		path := fmt.Sprintf("/api/v1/mediation/committees/%d", id(c))
		if got := k.call(admin, "PATCH", path, map[string]any{"active": false}, 200).json(t); got["name"] != c["name"] || got["active"] != false {
			t.Fatalf("retired: %v", got)
		}
		for _, list := range []struct {
			c    *client
			path string
			want bool
		}{{m, "/api/v1/mediation/committees?all=true", false}, {admin, "/api/v1/mediation/committees?all=true", true}, {admin, "/api/v1/mediation/committees", false}} {
			found := false
			for _, x := range items(list.c.object("GET", list.path, nil, 200), "items") {
				found = found || id(x) == id(c)
			}
			if found != list.want {
				t.Errorf("%s: retired committee listed %v, want %v", list.path, found, list.want)
			}
		}
		for name, body := range map[string]map[string]any{
			"name":     {"name": "委员", "kind": "trade"},
			"kind":     {"name": "某某人民调解委员会", "kind": "county"},
			"township": {"name": "某某村人民调解委员会", "kind": "village"},
			"unknown":  {"name": "某某村人民调解委员会", "kind": "village", "township": "火星镇"},
		} {
			if res := admin.do("POST", "/api/v1/mediation/committees", body); res.status != 400 {
				t.Errorf("%s: %d %s", name, res.status, res.body)
			}
		}
		k.callInvalid(admin, "POST", "/api/v1/mediation/committees", map[string]any{"name": "米山镇人民调解委员会", "kind": "township", "township": "米山镇"}, 409)
		admin.wantStatus(admin.do("PATCH", "/api/v1/mediation/committees/999999", map[string]any{"active": false}), 404)
		m.wantStatus(m.do("POST", "/api/v1/mediation/committees", map[string]any{"name": "某某人民调解委员会", "kind": "trade"}), 403)
		if n := e.count(`SELECT COUNT(*) FROM audit_log WHERE object = 'mediation_committee' AND object_id = ?`, id(c)); n != 2 {
			t.Fatalf("%d audit lines, want 2", n)
		}
	})
}
