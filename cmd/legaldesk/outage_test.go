package main

import (
	"fmt"
	"testing"
	"time"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/testenv"
)

// TestRedisOutageDefaultConfig freezes Redis under the program as shipped
// (Redis configured, session.store left empty): residents stay signed in,
// sign in and book by slot; only holds say Redis is away, and they come
// back with it.
func TestRedisOutageDefaultConfig(t *testing.T) {
	rs := testenv.StartRedis(t)
	base := startServer(t, map[string]string{"LEGALDESK_REDIS_ADDR": rs.Addr,
		"LEGALDESK_REDIS_READ_TIMEOUT": "250ms", "LEGALDESK_REDIS_DIAL_TIMEOUT": "250ms"})
	alice := signInResident(t, base, "13800000001")
	slots := bookableSlots(t, alice, 2)
	var hold struct {
		HoldID string `json:"hold_id"`
	}
	if s := alice.call("POST", "/api/v1/holds", map[string]int64{"slot_id": slots[0]}, &hold); s != 201 {
		t.Fatalf("hold before the outage: %d", s)
	}
	alice.wantCall(204, "DELETE", "/api/v1/holds/"+hold.HoldID, nil)

	rs.Freeze()
	alice.wantCall(200, "GET", "/api/v1/me", nil)
	bob := signInResident(t, base, "13800000002")
	bob.wantCall(200, "GET", "/api/v1/me", nil)
	var b struct{ Code string }
	if s := alice.call("POST", "/api/v1/bookings", map[string]int64{"slot_id": slots[1]}, &b); s != 201 || b.Code == "" {
		t.Fatalf("booking by slot during the outage: %d %+v", s, b)
	}
	var mine struct{ Items []struct{ Code string } }
	if s := alice.call("GET", "/api/v1/me/bookings", nil, &mine); s != 200 || len(mine.Items) != 1 || mine.Items[0].Code != b.Code {
		t.Fatalf("my bookings during the outage: %d %+v", s, mine)
	}
	var held struct{ Error struct{ Code string } }
	if s := alice.call("POST", "/api/v1/holds", map[string]int64{"slot_id": slots[0]}, &held); s != 503 || held.Error.Code != "unavailable" {
		t.Fatalf("hold during the outage: %d %+v", s, held)
	}
	bob.wantCall(204, "POST", "/api/v1/auth/logout", nil)
	bob.wantCall(401, "GET", "/api/v1/me", nil)

	rs.Thaw()
	deadline := time.Now().Add(10 * time.Second)
	for alice.call("POST", "/api/v1/holds", map[string]int64{"slot_id": slots[0]}, nil) != 201 {
		if time.Now().After(deadline) {
			t.Fatal("holds did not come back with Redis")
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// wantCall fails the test unless the request answers status.
func (a *apiClient) wantCall(status int, method, path string, body any) {
	a.t.Helper()
	if s := a.call(method, path, body, nil); s != status {
		a.t.Fatalf("%s %s: %d, want %d", method, path, s, status)
	}
}

// signInResident signs a demo resident in with an SMS code.
func signInResident(t *testing.T, base, phone string) *apiClient {
	t.Helper()
	c := newClient(t, base)
	c.wantCall(204, "POST", "/api/v1/auth/sms-code", map[string]string{"phone": phone})
	code := smsCode(t, base, phone)
	c.wantCall(200, "POST", "/api/v1/auth/login", map[string]string{"phone": phone, "code": code})
	return c
}

// bookableSlots finds n bookable slots at the demo stations in the next
// two weeks.
func bookableSlots(t *testing.T, c *apiClient, n int) []int64 {
	t.Helper()
	var sites struct{ Items []struct{ ID int64 } }
	c.call("GET", "/api/v1/sites?tier=station", nil, &sites)
	today := calendar.DateOf(time.Now())
	var ids []int64
	for _, site := range sites.Items {
		var slots struct {
			Items []struct {
				ID       int64
				Bookable bool
			}
		}
		c.call("GET", fmt.Sprintf("/api/v1/slots?site_id=%d&from=%s&to=%s", site.ID, today, today.AddDays(13)), nil, &slots)
		for _, sl := range slots.Items {
			if sl.Bookable {
				ids = append(ids, sl.ID)
			}
			if len(ids) == n {
				return ids
			}
		}
	}
	t.Fatalf("found %d bookable slots, want %d", len(ids), n)
	return nil
}
