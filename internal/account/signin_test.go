package account_test

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/legaldesk/legaldesk/internal/account"
	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/notify"
	"github.com/legaldesk/legaldesk/internal/ratelimit"
	"github.com/legaldesk/legaldesk/internal/store"
)

// phoneBox is an SMS sender that keeps the last secret sent to each phone.
type phoneBox struct {
	mu   sync.Mutex
	last map[string]string
}

func (p *phoneBox) Send(_ context.Context, m notify.Message) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.last[m.Phone] = m.Secret
	return nil
}

func (p *phoneBox) code(phone string) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.last[phone]
}

// signInService has a clock the test moves and generous limits, so that
// the code rules are what the test sees.
func signInService(t *testing.T) (*account.Service, *phoneBox, *time.Time) {
	s, _ := newService(t)
	now := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	box := &phoneBox{last: map[string]string{}}
	mem := ratelimit.NewMemory()
	mem.Now = func() time.Time { return now }
	s.Now, s.Sender, s.Limiter = func() time.Time { return now }, box, mem
	s.Rules = account.Rules{CodeTTL: 5 * time.Minute, MaxAttempts: 3, SMSPerPhone: 100, SMSWindow: time.Minute,
		LoginPerPhone: 100, LoginWindow: time.Minute}
	return s, box, &now
}

// fieldOf is the error's code and whether it names the field.
func fieldOf(err error, field string) (errs.Code, bool) {
	var e *errs.Error
	if !errors.As(err, &e) {
		return errs.Internal, false
	}
	_, ok := e.Fields[field]
	return e.Code, ok
}

// TestCodeSignIn: a code signs a new resident in once; a wrong, expired,
// reused or over-guessed code is refused as unauthenticated on "code"; a
// code is good only with the challenge of the client that asked for it.
func TestCodeSignIn(t *testing.T) {
	ctx := context.Background()
	s, box, now := signInService(t)
	const phone = "13800000009"
	ask := func(challenge string) string {
		t.Helper()
		if err := s.RequestCode(ctx, phone, "198.51.100.1", func() (string, error) { return challenge, nil }); err != nil {
			t.Fatal(err)
		}
		return box.code(phone)
	}
	login := func(code, challenge string) (account.User, error) {
		return s.Login(ctx, account.Credentials{Phone: phone, Code: code, IP: "198.51.100.1", Challenge: challenge})
	}
	refused := func(what string, err error) {
		t.Helper()
		if code, onField := fieldOf(err, "code"); code != errs.Unauthenticated || !onField {
			t.Errorf("%s: %v, want unauthenticated on code", what, err)
		}
	}

	code := ask("c1")
	_, err := login(wrong(code), "c1")
	refused("a wrong code", err)
	_, err = login(code, "another client")
	refused("the right code from another client", err)
	u, err := login(code, "c1")
	if err != nil || u.Role != account.Resident || u.ID == 0 {
		t.Fatalf("the right code: %+v %v", u, err)
	}
	_, err = login(code, "c1")
	refused("the same code again", err)

	code = ask("c2")
	*now = now.Add(5*time.Minute + time.Second)
	_, err = login(code, "c2")
	refused("an expired code", err)

	code = ask("c3")
	for range 3 {
		login(wrong(code), "c3")
	}
	_, err = login(code, "c3")
	refused("the right code after three wrong ones", err)

	again, err := login(ask("c4"), "c4")
	if err != nil || again.ID != u.ID {
		t.Fatalf("the resident signs in again as the same account: %+v %v", again, err)
	}
}

// TestPasswordSignIn: staff sign in with their password; a wrong one, an
// unknown phone and a code for a staff phone all get the same refusal.
func TestPasswordSignIn(t *testing.T) {
	ctx := context.Background()
	s, box, _ := signInService(t)
	const phone, pw = "13900000002", "correct-horse-battery-9"
	if _, err := s.Create(ctx, account.NewUser{Role: account.AidOfficer, Name: "援助中心", Phone: phone, Password: pw}); err != nil {
		t.Fatal(err)
	}
	login := func(c account.Credentials) error {
		c.IP = "198.51.100.2"
		_, err := s.Login(ctx, c)
		return err
	}
	if err := login(account.Credentials{Phone: phone, Password: pw}); err != nil {
		t.Fatalf("the right password: %v", err)
	}
	wrongPw := login(account.Credentials{Phone: phone, Password: pw + "x"})
	unknown := login(account.Credentials{Phone: "13900000077", Password: pw})
	if errs.CodeOf(wrongPw) != errs.Unauthenticated || errs.CodeOf(unknown) != errs.Unauthenticated || wrongPw.Error() != unknown.Error() {
		t.Errorf("a wrong password (%v) and an unknown phone (%v) must look alike", wrongPw, unknown)
	}
	if err := s.RequestCode(ctx, phone, "198.51.100.2", func() (string, error) { return "c", nil }); err != nil || box.code(phone) != "" {
		t.Fatalf("a code for a staff phone: %v, secret %q", err, box.code(phone))
	}
	if code, _ := fieldOf(login(account.Credentials{Phone: phone, Code: "123456", Challenge: "c"}), "code"); code != errs.Unauthenticated {
		t.Errorf("a code login for a staff phone: %v", code)
	}
}

// wrong is a six-digit code that is not code.
func wrong(code string) string {
	if code == "000000" {
		return "000001"
	}
	return "000000"
}

// TestOnePhoneIsNotFlooded: however many addresses ask, one phone gets at
// most ten texts an hour (a flood costs money and wakes a person).
func TestOnePhoneIsNotFlooded(t *testing.T) {
	ctx := context.Background()
	s, _, now := signInService(t)
	challenge := func() (string, error) { return "c", nil }
	for i := range 10 {
		if err := s.RequestCode(ctx, "13800000008", fmt.Sprintf("198.51.100.%d", i+1), challenge); err != nil {
			t.Fatalf("text %d: %v", i+1, err)
		}
	}
	if err := s.RequestCode(ctx, "13800000008", "198.51.100.99", challenge); !errs.Is(err, errs.RateLimited) {
		t.Fatalf("the eleventh text within the hour: %v, want rate limited", err)
	}
	*now = now.Add(time.Hour)
	if err := s.RequestCode(ctx, "13800000008", "198.51.100.99", challenge); err != nil {
		t.Fatalf("an hour later: %v", err)
	}
}

// TestCodeHashNeedsTheServerKey: the stored hash of a code cannot be
// matched by trying the million codes with what the row itself holds.
func TestCodeHashNeedsTheServerKey(t *testing.T) {
	ctx := context.Background()
	s, box, _ := signInService(t)
	if err := s.RequestCode(ctx, "13800000007", "198.51.100.1", func() (string, error) { return "c", nil }); err != nil {
		t.Fatal(err)
	}
	var row struct {
		Index string `db:"phone_index"`
		Hash  string `db:"code_hash"`
	}
	if err := s.Store.(*store.Store).DB().Get(&row, `SELECT phone_index, code_hash FROM sms_codes`); err != nil {
		t.Fatal(err)
	}
	m := hmac.New(sha256.New, []byte(row.Index))
	m.Write([]byte(box.code("13800000007")))
	if base64.RawURLEncoding.EncodeToString(m.Sum(nil)) == row.Hash {
		t.Fatal("the code's hash is keyed only by the phone index stored beside it")
	}
}

// TestSignedInUserCached: a signed-in user's account is read once per
// UserTTL, not on every request; a deactivation shows within the TTL, and
// at once where Forget is called.
func TestSignedInUserCached(t *testing.T) {
	ctx := context.Background()
	s, _, now := signInService(t)
	s.UserTTL = 5 * time.Second
	u, err := s.Create(ctx, account.NewUser{Role: account.Resident, Name: "居民", Phone: "13800000006"})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := s.SignedInUser(ctx, u.ID); err != nil || !got.Active {
		t.Fatalf("first read: %+v %v", got, err)
	}
	if _, err := s.Store.(*store.Store).DB().Exec(`UPDATE users SET active = 0 WHERE id = ?`, u.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.SignedInUser(ctx, u.ID); !got.Active {
		t.Fatal("the cached account should be served within the TTL")
	}
	*now = now.Add(5 * time.Second)
	if got, _ := s.SignedInUser(ctx, u.ID); got.Active {
		t.Fatal("a deactivation must show once the TTL has passed")
	}
	s.Store.(*store.Store).DB().Exec(`UPDATE users SET active = 1 WHERE id = ?`, u.ID)
	s.Forget(u.ID)
	if got, _ := s.SignedInUser(ctx, u.ID); !got.Active {
		t.Fatal("Forget must make the next read fresh")
	}
}
