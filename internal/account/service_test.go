package account_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/legaldesk/legaldesk/internal/account"
	"github.com/legaldesk/legaldesk/internal/demo"
	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/pii"
	"github.com/legaldesk/legaldesk/internal/store"
	"github.com/legaldesk/legaldesk/internal/testenv"
)

func newService(t *testing.T) (*account.Service, *store.Store) {
	t.Helper()
	box, err := pii.NewBox("k1", pii.NewKey(), pii.NewKey())
	if err != nil {
		t.Fatal(err)
	}
	st := testenv.NewStore(t, "sqlite")
	return &account.Service{Store: st, Box: box, Now: time.Now}, st
}

// TestCreateRefusesWeakPasswords: the CLI and administrators go through
// Create, so a weak staff password is refused there with a field message.
func TestCreateRefusesWeakPasswords(t *testing.T) {
	s, _ := newService(t)
	ctx := context.Background()
	for _, pw := range []string{"password123", "1234567890", "qwertyuiop", "aaaaaaaaaa", "13900000001", "short-1"} {
		_, err := s.Create(ctx, account.NewUser{Role: account.Admin, Name: "管理员", Phone: "139 0000 0001", Password: pw})
		var e *errs.Error
		if !errs.Is(err, errs.Invalid) || !errors.As(err, &e) || e.Fields["password"].ZH == "" || e.Fields["password"].EN == "" {
			t.Errorf("Create with %q: %v, want a bilingual message on password", pw, err)
		}
	}
	u, err := s.Create(ctx, account.NewUser{Role: account.Admin, Name: "管理员", Phone: "13900000001", Password: demo.Password})
	if err != nil || u.ID == 0 {
		t.Fatalf("Create with the demo password: %v", err)
	}
	// Residents sign in with codes and have no password to check.
	if _, err := s.Create(ctx, account.NewUser{Role: account.Resident, Name: "居民", Phone: "13800000001"}); err != nil {
		t.Fatalf("Create a resident: %v", err)
	}
}

// TestPhoneForAuditsAdministrators: the full number goes to its owner and
// to administrators; an administrator's look at someone else's is audited,
// and everyone else sees it masked.
func TestPhoneForAuditsAdministrators(t *testing.T) {
	s, st := newService(t)
	ctx := context.Background()
	admin, err := s.Create(ctx, account.NewUser{Role: account.Admin, Name: "管理员", Phone: "13900000001", Password: demo.Password})
	if err != nil {
		t.Fatal(err)
	}
	lawyer, _ := s.Create(ctx, account.NewUser{Role: account.Lawyer, Name: "律师", Phone: "13900000101", Password: demo.Password})
	resident, _ := s.Create(ctx, account.NewUser{Role: account.Resident, Name: "居民", Phone: "13800000001"})
	audited := func() int {
		lines, err := st.AuditOf(ctx, "user_phone", resident.ID)
		if err != nil {
			t.Fatal(err)
		}
		return len(lines)
	}
	cases := []struct {
		viewer  account.User
		want    string
		audited int
	}{
		{resident, "13800000001", 0},
		{lawyer, "138****0001", 0},
		{admin, "13800000001", 1},
	}
	for _, tc := range cases {
		got, err := s.PhoneFor(ctx, tc.viewer, resident)
		if err != nil || got != tc.want || audited() != tc.audited {
			t.Errorf("%s sees %q (%v), %d audit lines; want %q, %d", tc.viewer.Role, got, err, audited(), tc.want, tc.audited)
		}
	}
}
