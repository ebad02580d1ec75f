package api

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"
)

// access says who may call each route: "public", "signed-in", or the roles.
var access = map[string][]string{
	"POST /auth/sms-code": {"public"}, "POST /auth/login": {"public"}, "POST /auth/logout": {"public"},
	"GET /me":           {"signed-in"},
	"GET /admin/outbox": {"admin"},
	"GET /sites":        {"public"}, "GET /sites/:id": {"public"},
	"POST /sites": {"admin"}, "PATCH /sites/:id": {"admin"}, "GET /sites/:id/lawyers": {"admin"}, "PUT /sites/:id/lawyers": {"admin"},
	"GET /lawyers":            {"admin"},
	"GET /calendar/days":      {"public"},
	"GET /calendar/overrides": {"admin"}, "POST /calendar/overrides": {"admin"}, "DELETE /calendar/overrides/:id": {"admin"},
	"POST /calendar/years": {"admin"}, "GET /duty-rules": {"admin"}, "POST /duty-rules": {"admin"}, "PATCH /duty-rules/:id": {"admin"},
	"POST /rosters/preview": {"admin"}, "POST /rosters/publish": {"admin"},
	"GET /shifts": {"public"}, "GET /shifts/:id/changes": {"admin"},
	"GET /me/shifts": {"lawyer"}, "GET /me/calendar-feed": {"lawyer"}, "DELETE /me/calendar-feed": {"lawyer"},
	"GET /calendar-feeds/:token": {"public"},
	"POST /leave":                {"lawyer"}, "GET /shift-swaps": {"lawyer", "admin"}, "POST /shift-swaps": {"lawyer"},
	"GET /shifts/:id/colleagues": {"lawyer"}, "POST /shift-swaps/:id/accept": {"lawyer"}, "POST /shift-swaps/:id/decline": {"lawyer"},
	"GET /slots":  {"public"},
	"POST /holds": {"resident"}, "DELETE /holds/:id": {"resident"}, "POST /bookings": {"resident"},
	"GET /me/bookings": {"resident"}, "GET /bookings/:id": {"signed-in"}, "GET /bookings/:id/qr.png": {"signed-in"}, "GET /bookings/:id/calendar.ics": {"signed-in"},
	"POST /bookings/:id/cancel": {"resident", "admin"}, "POST /bookings/:id/reschedule": {"resident", "admin"},
	"POST /bookings/:id/rating": {"resident"}, "POST /waitlist": {"resident"},
	"GET /shifts/:id/bookings": {"lawyer", "admin"}, "POST /bookings/:id/attendance": {"lawyer", "admin"},
	"POST /consultations": {"lawyer"}, "PATCH /consultations/:id": {"lawyer"}, "GET /consultations/options": {"public"}, "GET /me/referrals": {"resident"},
	"GET /legal-aid/eligibility":                         {"public"},
	"POST /legal-aid/applications":                       {"resident", "aid_officer"},
	"GET /legal-aid/applications/:id":                    {"resident", "aid_officer", "admin", "lawyer"},
	"GET /me/legal-aid":                                  {"resident", "lawyer"},
	"POST /legal-aid/applications/:id/attachments":       {"resident", "aid_officer", "admin", "lawyer"},
	"GET /legal-aid/attachments/:id":                     {"resident", "aid_officer", "admin", "lawyer"},
	"GET /legal-aid/queue":                               {"aid_officer"},
	"POST /legal-aid/applications/:id/actions":           {"resident", "aid_officer", "admin", "lawyer"},
	"GET /legal-aid/applications/:id/lawyer-suggestions": {"aid_officer"},
	"POST /legal-aid/applications/:id/objections":        {"resident", "aid_officer"},
	"POST /legal-aid/notices":                            {"aid_officer"},
	"GET /legal-aid/objections":                          {"admin"},
	"POST /legal-aid/objections/:id/decision":            {"admin"},
	"GET /legal-aid/applications/:id/decision.pdf":       {"resident", "aid_officer", "admin", "lawyer"},
	"POST /legal-aid/progress":                           {"public"},
	"POST /legal-aid/applications/:id/id-number":         {"aid_officer", "admin"},
	"PUT /legal-aid/applications/:id/special-groups":     {"aid_officer"},
	"GET /stats/summary":                                 {"admin", "aid_officer"},
	"GET /stats/annual":                                  {"admin", "aid_officer"},
	"GET /stats/export.xlsx":                             {"admin", "aid_officer"},
	"GET /stats/export.csv":                              {"admin", "aid_officer"},
	"GET /notary/matters":                                {"public"},
	"POST /notary/matters":                               {"notary_clerk", "admin"},
	"PATCH /notary/matters/:id":                          {"notary_clerk", "admin"},
	"GET /notary/slots":                                  {"public"},
	"POST /notary/calendar":                              {"notary_clerk", "admin"},
	"POST /notary/holds":                                 {"resident"},
	"DELETE /notary/holds/:id":                           {"resident"},
	"POST /notary/bookings":                              {"resident"},
	"GET /me/notary-bookings":                            {"resident"},
	"GET /notary/bookings/:id":                           {"resident", "notary_clerk"},
	"POST /notary/bookings/:id/materials":                {"resident", "notary_clerk"},
	"GET /notary/materials/:id":                          {"resident", "notary_clerk"},
	"POST /notary/bookings/:id/materials-check":          {"notary_clerk"},
	"POST /notary/bookings/:id/status":                   {"resident", "notary_clerk"},
	"POST /notary/waitlist":                              {"resident"},
	"GET /notary/day":                                    {"notary_clerk"},
	"GET /notary/stats":                                  {"notary_clerk", "admin"},
	"POST /notary/home-visits":                           {"resident"},
	"GET /notary/home-visits":                            {"notary_clerk"},
	"PATCH /notary/home-visits/:id":                      {"notary_clerk"},
	"GET /advisor-assignments":                           {"admin"},
	"POST /advisor-assignments":                          {"admin"},
	"POST /advisor-assignments/auto":                     {"admin"},
	"POST /advisor-assignments/:id/end":                  {"admin"},
	"POST /advisor-assignments/:id/replace":              {"admin"},
	"POST /advisor-assignments/:id/renew":                {"admin"},
	"GET /advisors/coverage":                             {"admin"},
	"GET /advisors/compliance":                           {"admin"},
	"GET /advisors/compliance.csv":                       {"admin"},
	"GET /advisors/:id/compliance":                       {"lawyer", "admin"},
	"POST /advisor-logs":                                 {"lawyer"},
	"POST /advisor-logs/:id/photo":                       {"lawyer"},
	"GET /advisor-logs/:id/photo":                        {"lawyer", "admin"},
	"GET /me/advisor-villages":                           {"lawyer"},
	"GET /me/advisor-logs":                               {"lawyer"},
	"GET /sites/:id/advisor":                             {"public"},
	"GET /disputes":                                      {"mediator", "admin"},
	"POST /disputes":                                     {"mediator"},
	"GET /disputes/:id":                                  {"mediator", "admin"},
	"PATCH /disputes/:id":                                {"mediator"},
	"GET /mediation/committees":                          {"mediator", "admin"},
	"POST /mediation/committees":                         {"admin"},
	"PATCH /mediation/committees/:id":                    {"admin"},
	"GET /mediation/referrals":                           {"mediator"},
}

// TestEveryRouteEveryRole walks the whole route table as each role (and
// signed out): a role outside the table is refused with 401 or 403, and
// nobody ever gets a 5xx, whatever the (dummy) input.
func TestEveryRouteEveryRole(t *testing.T) {
	e := newEnv(t, "sqlite", manyResidents)
	e.seedDemo()
	engine, err := e.api.routes()
	if err != nil {
		t.Fatal(err)
	}
	clients := map[string]*client{"anonymous": e.client()}
	clients["resident"] = e.resident("13800000001")
	for role, phone := range map[string]string{"lawyer": "13900000101", "aid_officer": "13900000002", "notary_clerk": "13900000003", "mediator": "13900000004", "admin": "13900000001"} {
		clients[role] = e.client()
		clients[role].signIn(phone)
	}
	param := regexp.MustCompile(`:(\w+)`)
	seen := 0
	routes := engine.Routes()
	// Signing out goes last, or the rest would run signed out.
	slices.SortStableFunc(routes, func(a, b gin.RouteInfo) int {
		return boolInt(a.Path == "/api/v1/auth/logout") - boolInt(b.Path == "/api/v1/auth/logout")
	})
	for _, r := range routes {
		if !strings.HasPrefix(r.Path, "/api/v1/") {
			continue
		}
		route := r.Method + " " + strings.TrimPrefix(r.Path, "/api/v1")
		allowed, ok := access[route]
		if !ok {
			t.Errorf("%s is missing from the access table", route)
			continue
		}
		seen++
		path := param.ReplaceAllString(r.Path, "1")
		for role, c := range clients {
			res := c.do(r.Method, path, "{}")
			if res.status >= 500 {
				t.Errorf("%s as %s: %d %s", route, role, res.status, res.body)
			}
			if may(allowed, role) {
				continue
			}
			want := 403
			if role == "anonymous" {
				want = 401
			}
			if res.status != want {
				t.Errorf("%s as %s: %d, want %d", route, role, res.status, want)
			}
		}
	}
	if seen != len(access) {
		t.Errorf("the table names %d routes, the server has %d", len(access), seen)
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func may(allowed []string, role string) bool {
	switch {
	case slices.Contains(allowed, "public"):
		return true
	case slices.Contains(allowed, "signed-in"):
		return role != "anonymous"
	}
	return slices.Contains(allowed, role)
}
