package account

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/notify"
)

// NewChallenge returns a random id for one client's sign-in. A code is
// bound to the challenge of the client that asked for it, so that wrong
// guesses from anyone else never touch it (they would otherwise spend its
// MaxAttempts and lock the owner out of their own code).
func NewChallenge() string { return rand.Text() }

// challengeHash is what the database keeps of a challenge, so that reading
// sms_codes does not let anyone act as the client.
func challengeHash(challenge string) string {
	sum := sha256.Sum256([]byte(challenge))
	return base64.RawURLEncoding.EncodeToString(sum[:])
}

var errNoChallenge = errors.New("account: a sign-in code needs the client's challenge")

// RequestCode sends a sign-in code for the client whose challenge the
// challenge func returns; it is asked for only once the phone is valid and
// within its limits, so refused requests leave nothing behind. A staff
// phone gets the same answer and the same work as any other, so that the
// endpoint does not tell which numbers are staff: its code is never sent
// (staff sign in with a password); the phone is told so instead.
func (s *Service) RequestCode(ctx context.Context, rawPhone, ip string, challengeOf func() (string, error)) error {
	phone, err := checkPhone(rawPhone)
	if err != nil {
		return err
	}
	idx := s.PhoneIndex(phone)
	if err := s.limitCodeRequest(ctx, idx, ip); err != nil {
		return err
	}
	challenge, err := challengeOf()
	if err != nil {
		return err
	}
	if challenge == "" {
		return errNoChallenge
	}
	u, err := s.Store.UserByPhoneIndex(ctx, idx)
	if err != nil && !errs.Is(err, errs.NotFound) {
		return err
	}
	staff := err == nil && u.Role.Staff()
	code := randomCode()
	now := s.Now().UTC()
	c := SMSCode{PhoneIndex: idx, ChallengeHash: challengeHash(challenge), CodeHash: s.codeHash(idx, code),
		ExpiresAt: now.Add(s.Rules.CodeTTL), CreatedAt: now}
	if err := s.Store.CreateSMSCode(ctx, &c); err != nil {
		return err
	}
	if staff {
		return s.Sender.Send(ctx, notify.Message{Phone: phone, Kind: "staff_code_refused", Body: staffNotice})
	}
	body := fmt.Sprintf("【公共法律服务】您的登录验证码是%s，%d分钟内有效，请勿告诉他人。", code, int(s.Rules.CodeTTL.Minutes()))
	return s.Sender.Send(ctx, notify.Message{Phone: phone, Kind: "sms_code", Body: body, Secret: code})
}

const staffNotice = "【公共法律服务】有人为本号码申请了登录验证码。工作人员账号请使用密码登录；如非本人操作，请忽略本短信。"

func randomCode() string {
	n, _ := rand.Int(rand.Reader, big.NewInt(1_000_000))
	return fmt.Sprintf("%06d", n.Int64())
}

// codeHash keys the hash with the server's secret index key, salted by the
// phone: a copied sms_codes table (which holds the phone index beside the
// hash) cannot be turned back into the six digits by trying all of them.
func (s *Service) codeHash(phoneIndex, code string) string {
	return s.Box.Index("sms-code", phoneIndex+":"+code)
}

// The refusals of a code sign-in, each on the "code" field.
var (
	ErrNoCode       = codeError("请先获取验证码", "request a code first")
	ErrWrongCode    = codeError("验证码错误", "wrong code")
	ErrCodeUsed     = codeError("验证码已使用，请重新获取", "the code was used: request a new one")
	ErrCodeExpired  = codeError("验证码已过期，请重新获取", "the code has expired: request a new one")
	ErrTooManyWrong = codeError("验证码错误次数过多，请重新获取", "too many wrong codes: request a new one")
)

func codeError(zh, en string) *errs.Error {
	return errs.New(errs.Unauthenticated, zh, en).Field("code", zh, en)
}

// codeLogin checks the code of this client's challenge, the only one its
// guesses can spend.
func (s *Service) codeLogin(ctx context.Context, idx, phone, code, challenge string) (User, error) {
	if challenge == "" {
		return User{}, ErrNoCode
	}
	c, err := s.Store.LatestSMSCode(ctx, idx, challengeHash(challenge))
	if errs.Is(err, errs.NotFound) {
		return User{}, ErrNoCode
	}
	if err != nil {
		return User{}, err
	}
	now := s.Now().UTC()
	switch {
	case c.UsedAt != nil:
		return User{}, ErrCodeUsed
	case !now.Before(c.ExpiresAt):
		return User{}, ErrCodeExpired
	case c.Attempts >= s.Rules.MaxAttempts:
		return User{}, ErrTooManyWrong
	}
	if !hmac.Equal([]byte(s.codeHash(idx, strings.TrimSpace(code))), []byte(c.CodeHash)) {
		if err := s.Store.CountSMSAttempt(ctx, c.ID); err != nil {
			return User{}, err
		}
		return User{}, ErrWrongCode
	}
	if err := s.Store.UseSMSCode(ctx, c.ID, now); err != nil {
		if errs.Is(err, errs.Conflict) {
			return User{}, ErrCodeUsed
		}
		return User{}, err
	}
	return s.residentFor(ctx, idx, phone)
}
