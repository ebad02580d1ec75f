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
	"github.com/legaldesk/legaldesk/internal/testenv"
)

func newService(t *testing.T) *account.Service {
	t.Helper()
	box, err := pii.NewBox("k1", pii.NewKey(), pii.NewKey())
	if err != nil {
		t.Fatal(err)
	}
	return &account.Service{Store: testenv.NewStore(t, "sqlite"), Box: box, Now: time.Now}
}

// TestCreateRefusesWeakPasswords: the CLI and administrators go through
// Create, so a weak staff password is refused there with a field message.
func TestCreateRefusesWeakPasswords(t *testing.T) {
	s := newService(t)
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
