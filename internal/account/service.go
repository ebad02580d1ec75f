package account

import (
	"context"
	"fmt"
	"time"

	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/notify"
	"github.com/legaldesk/legaldesk/internal/pii"
)

// Rules are the limits of signing in.
type Rules struct {
	CodeTTL     time.Duration
	MaxAttempts int
	// SMSPerPhone codes per SMSWindow may be asked for one phone from one
	// address; see limits.go for the other keys.
	SMSPerPhone int
	SMSWindow   time.Duration
	// LoginPerPhone attempts per LoginWindow at one phone from one address.
	LoginPerPhone int
	LoginWindow   time.Duration
}

// Service signs people in and creates accounts.
type Service struct {
	Store   Store
	Box     *pii.Box
	Sender  notify.Sender
	Limiter Limiter
	Rules   Rules
	Now     func() time.Time
	// UserTTL keeps a signed-in user's account in memory for that long
	// (0: read it on every request).
	UserTTL time.Duration
	seen    signedIn
}

const phoneKind = "phone"

// PhoneIndex is the lookup key of a phone number.
func (s *Service) PhoneIndex(phone string) string { return s.Box.Index(phoneKind, phone) }

// Phone opens a user's sealed phone number.
func (s *Service) Phone(u User) (string, error) { return s.Box.Open(u.PhoneSealed) }

func checkPhone(raw string) (string, error) {
	p := pii.NormalizePhone(raw)
	if !pii.ValidPhone(p) {
		return "", errs.New(errs.Invalid, "手机号格式不正确", "invalid phone number").
			Field("phone", "请输入11位手机号码", "enter an 11-digit mobile number")
	}
	return p, nil
}

func (s *Service) limit(ctx context.Context, key string, n int, window time.Duration) error {
	ok, retry, err := s.Limiter.Allow(ctx, key, n, window)
	if err != nil {
		return errs.Wrap(err, errs.Unavailable, "服务暂时不可用，请稍后再试", "service temporarily unavailable")
	}
	if !ok {
		secs := int(retry.Seconds() + 0.999)
		return errs.New(errs.RateLimited, fmt.Sprintf("操作过于频繁，请%d秒后再试", secs), fmt.Sprintf("too many requests, try again in %d s", secs))
	}
	return nil
}
