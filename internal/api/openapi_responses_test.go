package api

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"

	"github.com/legaldesk/legaldesk/internal/demo"
)

// conformance sends requests to the server under test and checks each
// request and answer against static/openapi.yaml with kin-openapi: the
// status must be one the operation lists, the body must match its schema
// (types, enums, formats, nullability), and every field the server sends
// must be documented, since the spec's schemas allow extra properties and
// kin-openapi alone would let an undocumented field through.
type conformance struct {
	t      *testing.T
	doc    *openapi3.T
	router routers.Router
}

func newConformance(t *testing.T) *conformance {
	t.Helper()
	doc := loadSpec(t)
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	return &conformance{t: t, doc: doc, router: router}
}

// call sends method path with body as c and checks both sides against the
// spec; want is the status the test expects.
func (k *conformance) call(c *client, method, path string, body any, want int, header ...string) response {
	k.t.Helper()
	return k.check(c, method, path, body, want, true, header...)
}

// callInvalid is call for a request that breaks the spec on purpose (to
// get an error answer): only the answer is checked.
func (k *conformance) callInvalid(c *client, method, path string, body any, want int) response {
	k.t.Helper()
	return k.check(c, method, path, body, want, false)
}

func (k *conformance) check(c *client, method, path string, body any, want int, checkRequest bool, header ...string) response {
	k.t.Helper()
	var raw []byte
	if body != nil {
		if s, ok := body.(string); ok {
			raw = []byte(s)
		} else {
			var err error
			if raw, err = json.Marshal(body); err != nil {
				k.t.Fatal(err)
			}
		}
	}
	var sent any
	if raw != nil {
		sent = string(raw)
	}
	res := c.wantStatus(c.do(method, path, sent, header...), want)

	req, err := http.NewRequestWithContext(context.Background(), method, c.e.srv.URL+path, bytes.NewReader(raw))
	if err != nil {
		k.t.Fatal(err)
	}
	if raw != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	route, params, err := k.router.FindRoute(req)
	if err != nil {
		k.t.Fatalf("%s %s: not in the spec: %v", method, path, err)
	}
	in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route,
		Options: &openapi3filter.Options{MultiError: true, IncludeResponseStatus: true}}
	if checkRequest {
		if err := openapi3filter.ValidateRequest(context.Background(), in); err != nil {
			k.t.Errorf("%s %s: the request breaks the spec: %v", method, path, err)
		}
	}
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: res.status, Header: res.header,
		Options: in.Options}
	out.SetBodyBytes(res.body)
	if err := openapi3filter.ValidateResponse(context.Background(), out); err != nil {
		k.t.Errorf("%s %s → %d: the answer breaks the spec: %v\nbody: %s", method, path, res.status, err, clip(res.body))
	}
	if rr := route.Operation.Responses.Status(res.status); rr != nil && rr.Value != nil {
		if mt := rr.Value.Content.Get("application/json"); mt != nil && mt.Schema != nil {
			var v any
			if err := json.Unmarshal(res.body, &v); err != nil {
				k.t.Fatalf("%s %s: not JSON: %s", method, path, clip(res.body))
			}
			if extra := undocumented(mt.Schema.Value, v, "body"); len(extra) > 0 {
				sort.Strings(extra)
				extra = slices.Compact(extra)
				k.t.Errorf("%s %s → %d: fields the spec does not document: %s\nbody: %s", method, path, res.status, strings.Join(extra, ", "), clip(res.body))
			}
		}
	}
	return res
}

func clip(b []byte) string {
	if len(b) > 600 {
		return string(b[:600]) + "…"
	}
	return string(b)
}

// undocumented lists the object fields in v that schema s does not declare,
// looking through allOf and into arrays, objects and maps.
func undocumented(s *openapi3.Schema, v any, at string) []string {
	if s == nil {
		return nil
	}
	var out []string
	switch v := v.(type) {
	case map[string]any:
		props, additional, open := properties(s)
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, key := range keys {
			switch p, ok := props[key]; {
			case ok:
				out = append(out, undocumented(p, v[key], at+"."+key)...)
			case additional != nil:
				out = append(out, undocumented(additional, v[key], at+"."+key)...)
			case !open:
				out = append(out, at+"."+key)
			}
		}
	case []any:
		for _, x := range v {
			var items *openapi3.Schema
			if s.Items != nil {
				items = s.Items.Value
			}
			out = append(out, undocumented(items, x, at+"[]")...)
		}
	}
	return out
}

// properties merges the declared properties of s and its allOf parts; open
// is true when s says nothing about its fields (a free-form object) or
// allows any additional property explicitly.
func properties(s *openapi3.Schema) (props map[string]*openapi3.Schema, additional *openapi3.Schema, open bool) {
	props = map[string]*openapi3.Schema{}
	var add func(s *openapi3.Schema)
	add = func(s *openapi3.Schema) {
		for name, p := range s.Properties {
			props[name] = p.Value
		}
		if ap := s.AdditionalProperties; ap.Schema != nil {
			additional = ap.Schema.Value
		} else if ap.Has != nil && *ap.Has {
			open = true
		}
		for _, part := range s.AllOf {
			add(part.Value)
		}
	}
	add(s)
	if len(props) == 0 && additional == nil {
		open = true
	}
	return props, additional, open
}

// TestOpenAPIResponsesMatch checks real answers from a published demo
// against the spec: what a client generated from it would read.
func TestOpenAPIResponsesMatch(t *testing.T) {
	e := bookingEnv(t, "sqlite")
	k := newConformance(t)
	anon := e.client()

	k.call(anon, "GET", "/api/v1/sites", nil, 200)
	k.call(anon, "GET", "/api/v1/sites?tier=station&limit=2", nil, 200)
	k.call(anon, "GET", "/api/v1/sites/1", nil, 200)
	k.call(anon, "GET", "/api/v1/calendar/days?from=2026-12-28&to=2027-01-03&site_id=1", nil, 200)
	k.call(anon, "GET", "/api/v1/shifts?from=2026-12-01&to=2026-12-02&site_id=1", nil, 200)
	slots := items(k.call(anon, "GET", "/api/v1/slots?site_id=1&from=2026-12-02&to=2026-12-02", nil, 200).json(t), "items")
	if len(slots) < 2 {
		t.Fatalf("%d slots", len(slots))
	}

	// Errors: a public 404, an unauthenticated 401, a 400 with fields.
	k.call(anon, "GET", "/api/v1/sites/999999", nil, 404)
	k.call(anon, "GET", "/api/v1/me", nil, 401)
	k.call(anon, "GET", "/api/v1/calendar/days?from=2026-12-31&to=2026-12-01", nil, 400)
	k.callInvalid(anon, "GET", "/api/v1/slots?site_id=1&from=tomorrow&to=2026-12-02", nil, 400)

	r := e.resident("13800000001")
	k.call(r, "GET", "/api/v1/me", nil, 200)
	hold := k.call(r, "POST", "/api/v1/holds", map[string]any{"slot_id": id(slots[0])}, 201).json(t)
	bk := k.call(r, "POST", "/api/v1/bookings", map[string]any{"hold_id": hold["hold_id"], "topic": "劳动合同纠纷"}, 201,
		"Idempotency-Key", "conformance-1").json(t)
	k.call(r, "POST", "/api/v1/bookings", map[string]any{"slot_id": id(slots[0])}, 409)
	path := fmt.Sprintf("/api/v1/bookings/%d", id(bk))
	k.call(r, "GET", "/api/v1/me/bookings", nil, 200)
	k.call(r, "GET", path, nil, 200)
	k.call(r, "POST", path+"/reschedule", map[string]any{"slot_id": id(slots[1])}, 200)
	k.call(r, "POST", path+"/cancel", map[string]any{"reason": "临时有事"}, 200)
	k.call(r, "GET", "/api/v1/bookings/999999", nil, 404)
	k.call(r, "GET", "/api/v1/duty-rules", nil, 403)
	k.call(r, "POST", "/api/v1/legal-aid/applications", aidForm(nil), 201)
	again := k.call(r, "POST", "/api/v1/holds", map[string]any{"slot_id": id(slots[1])}, 201).json(t)
	k.call(r, "DELETE", fmt.Sprintf("/api/v1/holds/%s", again["hold_id"]), nil, 204)

	lawyer := e.client()
	lawyer.signIn("13900000101")
	k.call(lawyer, "GET", "/api/v1/me/shifts?from=2026-12-01&to=2026-12-31", nil, 200)
	k.call(lawyer, "GET", "/api/v1/me/calendar-feed", nil, 200)
	k.call(lawyer, "GET", "/api/v1/lawyers", nil, 403)

	admin := e.client()
	k.call(admin, "POST", "/api/v1/auth/login", map[string]string{"phone": "13900000001", "password": demo.Password}, 200)
	k.call(admin, "GET", "/api/v1/duty-rules?site_id=1", nil, 200)
	k.call(admin, "GET", "/api/v1/lawyers", nil, 200)
	k.call(admin, "GET", "/api/v1/sites/1/lawyers", nil, 200)
	k.call(admin, "GET", "/api/v1/admin/outbox?limit=2", nil, 200)
	k.call(admin, "POST", "/api/v1/calendar/overrides", map[string]any{"date": "2026-12-30", "site_id": 1, "kind": "closed", "name": "内部培训"}, 201)
	k.call(admin, "GET", "/api/v1/calendar/overrides?from=2026-12-01&to=2026-12-31", nil, 200)
	k.call(admin, "POST", "/api/v1/rosters/preview", map[string]any{"from": "2026-12-01", "to": "2026-12-07", "site_ids": []int{1}}, 200)
}
