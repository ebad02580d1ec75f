package api

import (
	"fmt"
	"testing"
)

// TestNotaryAnswersMatchTheSpec walks the notary routes and checks each
// request and answer against static/openapi.yaml (fields, types, enums).
func TestNotaryAnswersMatchTheSpec(t *testing.T) {
	e, clerk := notaryEnv(t, "sqlite")
	k := newConformance(t)
	anon, r := e.client(), e.resident("13800000001")
	k.call(anon, "GET", "/api/v1/notary/matters?q=继承", nil, 200)
	k.call(clerk, "GET", "/api/v1/notary/matters?all=true", nil, 200)
	st := items(k.call(anon, "GET", "/api/v1/notary/slots?matter_ids=1,3&from=2026-12-07&to=2026-12-07", nil, 200).json(t), "items")
	hold := k.call(r, "POST", "/api/v1/notary/holds", map[string]any{"slot_id": st[0]["slot_id"]}, 201).json(t)
	v := k.call(r, "POST", "/api/v1/notary/bookings", map[string]any{"hold_id": hold["hold_id"], "matter_ids": []int{1, 3},
		"parties": []map[string]any{{"name": "王秀兰"}, {"name": "李代理", "agent": true}}, "id_number": idNumber("19800101", "002")}, 201,
		"Idempotency-Key", "spec-1").json(t)
	path := fmt.Sprintf("/api/v1/notary/bookings/%d", id(v))
	k.call(r, "GET", "/api/v1/me/notary-bookings", nil, 200)
	k.call(r, "GET", path, nil, 200)
	k.call(clerk, "POST", path+"/materials-check", map[string]any{"missing": []string{"被继承人死亡证明"}, "note": "请补传"}, 200)
	k.call(clerk, "GET", "/api/v1/notary/day?date=2026-12-07", nil, 200)
	k.callInvalid(clerk, "GET", "/api/v1/notary/day", nil, 400)
	k.call(r, "POST", "/api/v1/notary/waitlist", map[string]any{"date": "2026-12-08", "matter_ids": []int{3}}, 201)
	k.call(r, "POST", "/api/v1/notary/bookings", map[string]any{"slot_id": st[0]["slot_id"], "matter_ids": []int{2},
		"parties": []map[string]any{{"name": "王秀兰"}, {"name": "李代理", "agent": true}}, "id_number": idNumber("19800101", "002")}, 400)
	home := k.call(r, "POST", "/api/v1/notary/home-visits", map[string]any{"matter_ids": []int{2}, "parties": []map[string]any{{"name": "王老汉"}},
		"id_number": idNumber("19450301", "011"), "address": "高平市米山镇米西村3号", "reason": "卧床", "preferred_dates": "下周"}, 201).json(t)
	k.call(clerk, "GET", "/api/v1/notary/home-visits", nil, 200)
	k.call(clerk, "PATCH", fmt.Sprintf("/api/v1/notary/home-visits/%d", id(home)),
		map[string]any{"starts_at": "2026-12-10T15:00:00+08:00", "notary_name": "赵公证员"}, 200)
	k.call(clerk, "POST", path+"/status", map[string]any{"status": "done", "certificate_no": "(2026)晋高证字第1号", "fee_charged": 200}, 200)
	k.call(clerk, "GET", "/api/v1/notary/stats?year=2026", nil, 200)
	m := k.call(clerk, "POST", "/api/v1/notary/matters", map[string]any{"name": "提存公证", "category": "经济", "minutes": 30,
		"materials": []map[string]any{{"name": "身份证"}, {"name": "提存标的说明", "later": true}}}, 201).json(t)
	m["fee_note"] = "按标的额收费"
	k.call(clerk, "PATCH", fmt.Sprintf("/api/v1/notary/matters/%d", id(m)), m, 200)
	k.call(r, "GET", "/api/v1/notary/bookings/999999", nil, 404)
}
