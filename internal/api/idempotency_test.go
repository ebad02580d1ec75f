package api

import (
	"bytes"
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/legaldesk/legaldesk/internal/errs"
)

// TestIdempotentAnswersSealed: a stored answer that reveals a phone number
// is sealed at rest, the replay still returns it whole, and a
// day later the sweep forgets it.
func TestIdempotentAnswersSealed(t *testing.T) {
	e := newEnv(t, "sqlite")
	officer := e.client()
	officer.signInStaff("aid_officer", "13900000002")
	first := officer.wantStatus(officer.do("POST", "/api/v1/legal-aid/applications", aidForm(map[string]any{"relation": "self"}), "Idempotency-Key", "walk-in-1"), 201)
	// The officer's answer shows the phone in full (the ID number only
	// through the audited show).
	if !bytes.Contains(first.body, []byte("13800000001")) {
		t.Fatalf("the officer's answer should show the full phone: %s", first.body)
	}
	var stored []byte
	if err := e.store.DB().Get(&stored, `SELECT body FROM idempotent_responses WHERE idem_key = 'walk-in-1'`); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(stored, []byte("11010519491231002X")) || bytes.Contains(stored, []byte("13800000001")) {
		t.Fatalf("the stored answer holds personal data in clear: %s", stored)
	}
	again := officer.wantStatus(officer.do("POST", "/api/v1/legal-aid/applications", aidForm(map[string]any{"relation": "self"}), "Idempotency-Key", "walk-in-1"), 201)
	if !bytes.Equal(again.body, first.body) || again.header.Get("Idempotent-Replayed") != "true" {
		t.Fatalf("the replay differs: %s", again.body)
	}
	if err := e.store.DeleteIdempotencyBefore(context.Background(), time.Now().Add(48*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if n := e.count(`SELECT COUNT(*) FROM idempotent_responses`); n != 0 {
		t.Fatalf("%d answers left after the sweep", n)
	}
}

// TestIdempotencyKeyBoundToThePath: the same key and body sent to another
// object's route is another request, refused, not answered with the first.
func TestIdempotencyKeyBoundToThePath(t *testing.T) {
	e := newEnv(t, "sqlite")
	r := e.resident("13800000001")
	officer := e.client()
	officer.signInStaff("aid_officer", "13900000002")
	var paths []string
	for range 2 {
		app := r.object("POST", "/api/v1/legal-aid/applications", aidForm(nil), 201)
		path := fmt.Sprintf("/api/v1/legal-aid/applications/%d", id(app))
		officer.object("POST", path+"/actions", map[string]any{"action": "reject", "reason": "家庭人均收入高于本市经济困难标准"}, 200)
		paths = append(paths, path)
	}
	body := map[string]any{"reason": "收入计算有误，请复核"}
	r.wantStatus(r.do("POST", paths[0]+"/objections", body, "Idempotency-Key", "obj-1"), 201)
	res := r.do("POST", paths[1]+"/objections", body, "Idempotency-Key", "obj-1")
	res.wantError(t, errs.ErrKeyReused)
}
