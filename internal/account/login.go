package account

import (
	"context"

	"github.com/legaldesk/legaldesk/internal/errs"
)

// Credentials are what a login form sends: a code or a password, with the
// client's address and sign-in challenge.
type Credentials struct {
	Phone     string
	Code      string
	Password  string
	IP        string
	Challenge string
}

// ErrBadCredentials: a wrong password and an unknown phone look alike.
var ErrBadCredentials = errs.New(errs.Unauthenticated, "手机号或密码错误", "wrong phone number or password")

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
	if err := s.limitLogin(ctx, idx, c.IP); err != nil {
		return User{}, err
	}
	var u User
	if c.Password != "" {
		u, err = s.passwordLogin(ctx, idx, c.Password)
	} else {
		u, err = s.codeLogin(ctx, idx, phone, c.Code, c.Challenge)
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
		return User{}, ErrBadCredentials
	}
	if err != nil {
		return User{}, err
	}
	ok, err := CheckPassword(u.PasswordHash, password)
	if err != nil {
		return User{}, err
	}
	if !ok {
		return User{}, ErrBadCredentials
	}
	return u, nil
}

// residentFor finds the resident with this phone or registers one. A staff
// phone is told its code is wrong, as any wrong code is, so that code
// sign-in does not tell which numbers are staff.
func (s *Service) residentFor(ctx context.Context, idx, phone string) (User, error) {
	u, err := s.Store.UserByPhoneIndex(ctx, idx)
	if err == nil {
		if u.Role.Staff() {
			return User{}, ErrWrongCode
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
