package api

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	goical "github.com/emersion/go-ical"
)

// TestBookingCalendarFile: "add to calendar" gives one event at the
// booking's time, at its site, with its code.
func TestBookingCalendarFile(t *testing.T) {
	e := bookingEnv(t, "sqlite")
	a := e.resident("13800000001")
	slot := slotsOn(a, "2026-12-02")[0]
	bk := a.object("POST", "/api/v1/bookings", map[string]any{"slot_id": id(slot)}, 201)
	res := a.wantStatus(a.do("GET", fmt.Sprintf("/api/v1/bookings/%d/calendar.ics", id(bk)), nil), 200)
	cal, err := goical.NewDecoder(bytes.NewReader(res.body)).Decode()
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	events := cal.Events()
	if len(events) != 1 {
		t.Fatalf("%d events", len(events))
	}
	start, err := events[0].DateTimeStart(nil)
	desc, _ := events[0].Props.Text("DESCRIPTION")
	loc, _ := events[0].Props.Text("LOCATION")
	want, _ := time.Parse(time.RFC3339, slot["starts_at"].(string))
	if err != nil || !start.Equal(want) {
		t.Errorf("start %v (%v), want %v", start, err, slot["starts_at"])
	}
	if !strings.Contains(desc, bk["code"].(string)) || !strings.Contains(loc, "高平市") || !strings.Contains(loc, bk["site_name"].(string)) {
		t.Errorf("description %q, location %q (the site and its address)", desc, loc)
	}
	if n := bytes.Count(res.body, []byte("BEGIN:VALARM")); n != 2 {
		t.Errorf("%d reminders, want the evening before and two hours ahead", n)
	}
}
