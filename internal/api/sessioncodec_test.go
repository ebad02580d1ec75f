package api

import (
	"bytes"
	"testing"
	"time"

	"github.com/alexedwards/scs/v2"
)

// TestSessionCodec: values come back with their types, the same session
// always encodes to the same bytes, a value of another type is refused, and
// a session saved by scs's gob codec still opens.
func TestSessionCodec(t *testing.T) {
	deadline := time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)
	values := map[string]any{"user_id": int64(42), "challenge": "c1", "z": "last", "a": int64(-1)}
	b, err := sessionCodec{}.Encode(deadline, values)
	if err != nil {
		t.Fatal(err)
	}
	for range 20 { // map order varies; the bytes must not
		again, _ := sessionCodec{}.Encode(deadline, values)
		if !bytes.Equal(again, b) {
			t.Fatalf("not deterministic:\n%s\n%s", b, again)
		}
	}
	d, got, err := sessionCodec{}.Decode(b)
	if err != nil || !d.Equal(deadline) || got["user_id"] != int64(42) || got["challenge"] != "c1" || len(got) != 4 {
		t.Fatalf("round trip: %v %v %#v", err, d, got)
	}
	if _, err := (sessionCodec{}).Encode(deadline, map[string]any{"n": 1}); err == nil {
		t.Fatal("an int (not int64) was accepted")
	}
	old, err := scs.GobCodec{}.Encode(deadline, map[string]any{"user_id": int64(7)})
	if err != nil {
		t.Fatal(err)
	}
	if _, got, err := (sessionCodec{}).Decode(old); err != nil || got["user_id"] != int64(7) {
		t.Fatalf("gob session: %v %#v", err, got)
	}
}
