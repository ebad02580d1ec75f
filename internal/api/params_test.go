package api

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/legaldesk/legaldesk/internal/account"
	"github.com/legaldesk/legaldesk/internal/calendar"
)

// dateRoute is one route that takes a period, and the first span it refuses.
type dateRoute struct {
	method, path string
	who          account.Role // "" for the public
	body         bool         // from and to in a JSON body, not the query
	refused      int          // days from from to to first refused
	ok           int          // status of the longest period allowed
	okFrom       string       // its start, when 2026-12-01 will not do
}

var dateRoutes = []dateRoute{
	{"GET", "/api/v1/slots?site_id=1", "", false, 31, 200, ""},
	{"GET", "/api/v1/shifts", "", false, 93, 200, ""},
	{"GET", "/api/v1/me/shifts", account.Lawyer, false, 93, 200, ""},
	// The built-in holidays end with 2027: the longest period starts early.
	{"GET", "/api/v1/calendar/days", "", false, 400, 200, "2026-01-01"},
	{"GET", "/api/v1/calendar/overrides", account.Admin, false, 800, 200, ""},
	{"POST", "/api/v1/rosters/preview", account.Admin, true, 93, 200, ""},
	{"POST", "/api/v1/rosters/publish", account.Admin, true, 93, 200, ""},
	{"POST", "/api/v1/leave", account.Lawyer, true, 367, 201, ""},
}

func (rt dateRoute) call(c *client, from, to string) response {
	if rt.body {
		return c.do(rt.method, rt.path, map[string]string{"from": from, "to": to, "reason": "年假"})
	}
	sep := "?"
	if strings.Contains(rt.path, "?") {
		sep = "&"
	}
	return c.do(rt.method, rt.path+sep+"from="+from+"&to="+to, nil)
}

// Every period a client gives is bounded: year 1 (the zero date, which
// used to skip the span check) and far years are refused with a Chinese
// message on the field, and so is a span past the route's maximum.
func TestDateRangesBounded(t *testing.T) {
	e := newEnv(t, "sqlite")
	e.seedDemo() // leave needs a lawyer with a pool
	clients := map[account.Role]*client{"": e.client(), account.Admin: e.client(), account.Lawyer: e.client()}
	clients[account.Admin].signIn("13900000001")
	clients[account.Lawyer].signIn("13900000101")
	start := calendar.NewDate(2026, 12, 1)
	for _, rt := range dateRoutes {
		c := clients[rt.who]
		bad := []struct{ name, from, to, field string }{
			{"whole history", "0001-01-01", "9999-12-31", "from"},
			{"year 1 alone", "0001-01-01", "0001-01-05", "from"},
			{"far future", "9999-12-01", "9999-12-31", "from"},
			{"far end", start.String(), "2101-01-01", "to"},
			{"too long", start.String(), start.AddDays(rt.refused).String(), "to"},
		}
		for _, b := range bad {
			r := rt.call(c, b.from, b.to)
			var body struct {
				Error struct{ Fields map[string]string }
			}
			json.Unmarshal(r.body, &body)
			if msg := body.Error.Fields[b.field]; r.status != 400 || !strings.ContainsAny(msg, "日年天") {
				t.Errorf("%s %s, %s: %d, want 400 with a Chinese message on %s: %s", rt.method, rt.path, b.name, r.status, b.field, r.body)
			}
		}
		from := start
		if rt.okFrom != "" {
			from, _ = calendar.ParseDate(rt.okFrom)
		}
		if r := rt.call(c, from.String(), from.AddDays(rt.refused-1).String()); r.status != rt.ok {
			t.Errorf("%s %s, longest allowed: %d, want %d: %s", rt.method, rt.path, r.status, rt.ok, r.body)
		}
	}
}
