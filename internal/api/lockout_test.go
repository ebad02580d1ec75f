package api

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/legaldesk/legaldesk/internal/account"
	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/notify"
)

// The env's rules allow 5 sign-in tries per phone and address per minute,
// and 3 wrong tries per code.

// TestNoLockoutByWrongPasswords: wrong passwords for the administrator's
// phone from one address stop that address, not the administrator at
// another.
func TestNoLockoutByWrongPasswords(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		const phone = "13900000041"
		if _, err := e.api.Accounts.Create(context.Background(), account.NewUser{Role: account.Admin, Name: "管理员", Phone: phone, Password: "correct-horse-1"}); err != nil {
			t.Fatal(err)
		}
		attacker := e.clientAt("203.0.113.7")
		statuses := map[int]int{}
		for range 15 {
			statuses[attacker.do("POST", "/api/v1/auth/login", map[string]string{"phone": phone, "password": "guess-guess-1"}).status]++
		}
		if statuses[401] != 5 || statuses[429] != 10 {
			t.Fatalf("attacker's statuses %v, want 5×401 then 10×429", statuses)
		}
		admin := e.clientAt("198.51.100.20")
		admin.wantStatus(admin.do("POST", "/api/v1/auth/login", map[string]string{"phone": phone, "password": "correct-horse-1"}), 200)
		attacker.wantStatus(attacker.do("POST", "/api/v1/auth/login", map[string]string{"phone": phone, "password": "correct-horse-1"}), 429)

		// Addresses in one IPv6 /64 are one client: rotating them does not
		// buy more tries.
		for i := range 6 {
			want := 401
			if i == 5 {
				want = 429
			}
			c := e.clientAt(fmt.Sprintf("2001:db8:0:1::%x", i+1))
			c.wantStatus(c.do("POST", "/api/v1/auth/login", map[string]string{"phone": phone, "password": "guess-guess-1"}), want)
		}
	}, behindProxy)
}

// TestNoLockoutByWrongCodes: a code belongs to the client that
// asked for it; guesses from another client, with or without a code of its
// own, neither spend it nor lock the owner out.
func TestNoLockoutByWrongCodes(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		const phone = "13800000041"
		login := func(c *client, code string) response {
			return c.do("POST", "/api/v1/auth/login", map[string]string{"phone": phone, "code": code})
		}
		owner := e.clientAt("198.51.100.20")
		owner.wantStatus(owner.do("POST", "/api/v1/auth/sms-code", map[string]string{"phone": phone}), 204)
		code := e.lastCode(phone)
		wrong := fmt.Sprintf("%06d", (atoi(code)+1)%1_000_000)

		attacker := e.clientAt("203.0.113.7")
		for range 2 {
			r := attacker.wantStatus(login(attacker, wrong), 401)
			if code, msg, _ := r.errorOf(t); code != string(errs.Unauthenticated) || msg != account.ErrNoCode.Message.ZH {
				t.Fatalf("a guess without a code of its own: %s", msg)
			}
		}
		// With a code of its own (sent to the owner's phone), the attacker
		// spends that code's tries, then its address's.
		attacker.wantStatus(attacker.do("POST", "/api/v1/auth/sms-code", map[string]string{"phone": phone}), 204)
		for range 3 {
			attacker.wantStatus(login(attacker, wrong), 401)
		}
		attacker.wantStatus(login(attacker, code), 429)

		r := owner.wantStatus(login(owner, code), 200)
		if u := r.json(t)["user"].(map[string]any); u["phone"] != phone {
			t.Fatalf("signed in as %v", u)
		}
	}, behindProxy)
}

// TestStaffPhoneLooksLikeAnyOther: asking for a code, and signing in with
// one, answer the same for a staff phone as for a phone nobody uses, so the
// endpoints do not tell which numbers are staff; the staff phone gets no code.
func TestStaffPhoneLooksLikeAnyOther(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		const staff, unknown = "13900000042", "13800000042"
		if _, err := e.api.Accounts.Create(context.Background(), account.NewUser{Role: account.AidOfficer, Name: "援助专员", Phone: staff, Password: "correct-horse-1"}); err != nil {
			t.Fatal(err)
		}
		a, b := e.clientAt("198.51.100.21"), e.clientAt("198.51.100.22")
		ra := a.do("POST", "/api/v1/auth/sms-code", map[string]string{"phone": staff})
		rb := b.do("POST", "/api/v1/auth/sms-code", map[string]string{"phone": unknown})
		if ra.status != 204 || rb.status != ra.status || len(ra.body) != 0 || len(rb.body) != 0 {
			t.Fatalf("staff phone %d %q, unknown phone %d %q", ra.status, ra.body, rb.status, rb.body)
		}
		sent, err := e.store.Outbox(context.Background(), notify.Filter{RecipientIndex: e.box.Index("phone", staff), Limit: 10})
		if err != nil || len(sent) != 1 || sent[0].Kind == "sms_code" || sixDigits.MatchString(sent[0].Body) {
			t.Fatalf("sent to the staff phone: %+v, %v", sent, err)
		}
		// A code sign-in for the staff phone fails as a wrong code does.
		// (Should the guess hit the never-sent code, the answer is the same.)
		ra = a.wantStatus(a.do("POST", "/api/v1/auth/login", map[string]string{"phone": staff, "code": "123456"}), 401)
		wrong := fmt.Sprintf("%06d", (atoi(e.lastCode(unknown))+1)%1_000_000)
		rb = b.wantStatus(b.do("POST", "/api/v1/auth/login", map[string]string{"phone": unknown, "code": wrong}), 401)
		if ea, eb := errorWithoutID(t, ra), errorWithoutID(t, rb); !reflect.DeepEqual(ea, eb) {
			t.Fatalf("staff phone: %v\nunknown phone: %v", ea, eb)
		}
	}, behindProxy)
}

// errorWithoutID is the error body without its request id.
func errorWithoutID(t *testing.T, r response) map[string]any {
	t.Helper()
	r.errorOf(t)
	e := r.json(t)["error"].(map[string]any)
	delete(e, "request_id")
	return e
}
