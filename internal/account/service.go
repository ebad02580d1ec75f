package account

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/notify"
	"github.com/legaldesk/legaldesk/internal/pii"
)

// Rules are the limits of signing in.
type Rules struct {
	CodeTTL       time.Duration
	MaxAttempts   int
	SMSPerPhone   int
	SMSWindow     time.Duration
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

// RequestCode sends a sign-in code to a resident's phone.
func (s *Service) RequestCode(ctx context.Context, rawPhone, ip string) error {
	phone, err := checkPhone(rawPhone)
	if err != nil {
		return err
	}
	idx := s.PhoneIndex(phone)
	if err := s.limit(ctx, "sms:phone:"+idx, s.Rules.SMSPerPhone, s.Rules.SMSWindow); err != nil {
		return err
	}
	if err := s.limit(ctx, "sms:ip:"+ip, s.Rules.SMSPerPhone*20, s.Rules.SMSWindow*10); err != nil {
		return err
	}
	if u, err := s.Store.UserByPhoneIndex(ctx, idx); err == nil && u.Role.Staff() {
		return errStaffUsePassword
	} else if err != nil && !errs.Is(err, errs.NotFound) {
		return err
	}
	code := randomCode()
	now := s.Now().UTC()
	c := SMSCode{PhoneIndex: idx, CodeHash: s.codeHash(idx, code), ExpiresAt: now.Add(s.Rules.CodeTTL), CreatedAt: now}
	if err := s.Store.CreateSMSCode(ctx, &c); err != nil {
		return err
	}
	body := fmt.Sprintf("【公共法律服务】您的登录验证码是%s，%d分钟内有效，请勿告诉他人。", code, int(s.Rules.CodeTTL.Minutes()))
	return s.Sender.Send(ctx, notify.Message{Phone: phone, Kind: "sms_code", Body: body, Secret: code})
}

var errStaffUsePassword = errs.New(errs.Invalid, "该号码为工作人员账号，请使用密码登录", "this is a staff account: sign in with the password").
	Field("phone", "工作人员请使用密码登录", "staff sign in with a password")

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

func randomCode() string {
	n, _ := rand.Int(rand.Reader, big.NewInt(1_000_000))
	return fmt.Sprintf("%06d", n.Int64())
}

func (s *Service) codeHash(phoneIndex, code string) string {
	// The index key is already secret; the phone index salts per number.
	m := hmac.New(sha256.New, []byte(phoneIndex))
	m.Write([]byte(code))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// Credentials are what a login form sends: a code or a password.
type Credentials struct {
	Phone    string
	Code     string
	Password string
	IP       string
}

var errBadCredentials = errs.New(errs.Unauthenticated, "手机号或密码错误", "wrong phone number or password")

// Login checks the credentials and returns the user; residents are created
// on their first successful code.
func (s *Service) Login(ctx context.Context, c Credentials) (User, error) {
	phone, err := checkPhone(c.Phone)
	if err != nil {
		return User{}, err
	}
	if c.Code == "" && c.Password == "" {
		return User{}, errs.New(errs.Invalid, "请输入验证码或密码", "enter the code or the password").
			Field("code", "请输入验证码", "enter the code")
	}
	idx := s.PhoneIndex(phone)
	if err := s.limit(ctx, "login:phone:"+idx, s.Rules.LoginPerPhone, s.Rules.LoginWindow); err != nil {
		return User{}, err
	}
	if err := s.limit(ctx, "login:ip:"+c.IP, s.Rules.LoginPerPhone*10, s.Rules.LoginWindow); err != nil {
		return User{}, err
	}
	var u User
	if c.Password != "" {
		u, err = s.passwordLogin(ctx, idx, c.Password)
	} else {
		u, err = s.codeLogin(ctx, idx, phone, c.Code)
	}
	if err != nil {
		return User{}, err
	}
	if !u.Active {
		return User{}, errs.New(errs.Forbidden, "账号已停用，请联系管理员", "this account is deactivated")
	}
	return u, nil
}

func (s *Service) passwordLogin(ctx context.Context, idx, password string) (User, error) {
	u, err := s.Store.UserByPhoneIndex(ctx, idx)
	if errs.Is(err, errs.NotFound) || (err == nil && u.PasswordHash == "") {
		CheckPassword(dummyHash, password)
		return User{}, errBadCredentials
	}
	if err != nil {
		return User{}, err
	}
	ok, err := CheckPassword(u.PasswordHash, password)
	if err != nil {
		return User{}, err
	}
	if !ok {
		return User{}, errBadCredentials
	}
	return u, nil
}

func (s *Service) codeLogin(ctx context.Context, idx, phone, code string) (User, error) {
	c, err := s.Store.LatestSMSCode(ctx, idx)
	if errs.Is(err, errs.NotFound) {
		return User{}, codeError("请先获取验证码", "request a code first")
	}
	if err != nil {
		return User{}, err
	}
	now := s.Now().UTC()
	switch {
	case c.UsedAt != nil:
		return User{}, codeError("验证码已使用，请重新获取", "the code was used: request a new one")
	case !now.Before(c.ExpiresAt):
		return User{}, codeError("验证码已过期，请重新获取", "the code has expired: request a new one")
	case c.Attempts >= s.Rules.MaxAttempts:
		return User{}, codeError("验证码错误次数过多，请重新获取", "too many wrong codes: request a new one")
	}
	if !hmac.Equal([]byte(s.codeHash(idx, strings.TrimSpace(code))), []byte(c.CodeHash)) {
		if err := s.Store.CountSMSAttempt(ctx, c.ID); err != nil {
			return User{}, err
		}
		return User{}, codeError("验证码错误", "wrong code")
	}
	if err := s.Store.UseSMSCode(ctx, c.ID, now); err != nil {
		if errs.Is(err, errs.Conflict) {
			return User{}, codeError("验证码已使用，请重新获取", "the code was used: request a new one")
		}
		return User{}, err
	}
	return s.residentFor(ctx, idx, phone)
}

func codeError(zh, en string) error {
	return errs.New(errs.Unauthenticated, zh, en).Field("code", zh, en)
}

// residentFor finds the resident with this phone or registers one.
func (s *Service) residentFor(ctx context.Context, idx, phone string) (User, error) {
	u, err := s.Store.UserByPhoneIndex(ctx, idx)
	if err == nil {
		if u.Role.Staff() {
			return User{}, errStaffUsePassword
		}
		return u, nil
	}
	if !errs.Is(err, errs.NotFound) {
		return User{}, err
	}
	u = User{Role: Resident, Name: "居民" + phone[7:], PhoneSealed: s.Box.Seal(phone), PhoneIndex: idx, Active: true, CreatedAt: s.Now().UTC()}
	if err := s.Store.CreateUser(ctx, &u); errs.Is(err, errs.Conflict) {
		// Two first logins raced; the other one created the account.
		return s.Store.UserByPhoneIndex(ctx, idx)
	} else if err != nil {
		return User{}, err
	}
	return u, nil
}
