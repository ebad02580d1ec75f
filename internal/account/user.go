package account

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/notify"
	"github.com/legaldesk/legaldesk/internal/pii"
)

// NewUser is an account an administrator (or the CLI) creates.
type NewUser struct {
	Role     Role
	Name     string
	Phone    string
	Password string
}

// Create validates and stores an account; staff need a password of 10+
// characters that is not common, a pattern or their phone number.
func (s *Service) Create(ctx context.Context, n NewUser) (User, error) {
	f := errs.Fields{}
	phone := pii.NormalizePhone(n.Phone)
	if !pii.ValidPhone(phone) {
		f.Add("phone", "请输入11位手机号码", "enter an 11-digit mobile number")
	}
	if !n.Role.Valid() {
		f.Add("role", "角色无效", "unknown role")
	}
	if l := utf8.RuneCountInString(strings.TrimSpace(n.Name)); l == 0 || l > 50 {
		f.Add("name", "请填写姓名（不超过50字）", "name is required (at most 50 characters)")
	}
	if n.Role.Staff() {
		checkNewPassword(f, n.Password, phone)
	}
	if err := f.Err(); err != nil {
		return User{}, err
	}
	u := User{Role: n.Role, Name: strings.TrimSpace(n.Name), PhoneSealed: s.Box.Seal(phone),
		PhoneIndex: s.PhoneIndex(phone), Active: true, CreatedAt: s.Now().UTC()}
	if n.Role.Staff() {
		u.PasswordHash = HashPassword(n.Password)
	}
	if err := s.Store.CreateUser(ctx, &u); err != nil {
		if errs.Is(err, errs.Conflict) {
			return User{}, errs.New(errs.Conflict, "该手机号已注册", "this phone number is already registered").
				Field("phone", "该手机号已注册", "already registered")
		}
		return User{}, err
	}
	return u, nil
}

// checkNewPassword adds the password's problem, if any, to f.
func checkNewPassword(f errs.Fields, password, phone string) {
	if utf8.RuneCountInString(password) < 10 {
		f.Add("password", "密码至少10位", "the password needs at least 10 characters")
		return
	}
	if zh, en, ok := weakPassword(password, phone); !ok {
		f.Add("password", zh, en)
	}
}

// NotifyUser sends a message to a user's phone (through the outbox).
func (s *Service) NotifyUser(ctx context.Context, userID int64, kind, body string) error {
	u, err := s.Store.User(ctx, userID)
	if err != nil {
		return err
	}
	phone, err := s.Phone(u)
	if err != nil {
		return err
	}
	return s.Sender.Send(ctx, notify.Message{Phone: phone, Kind: kind, Body: body})
}

// PhoneFor is u's phone as viewer may see it: whole for its owner and for
// administrators, masked for everyone else. An administrator's look at
// someone else's number is written to the audit log before it is shown
// (PIPL: who read which personal data).
func (s *Service) PhoneFor(ctx context.Context, viewer, u User) (string, error) {
	phone, err := s.Phone(u)
	if err != nil {
		// A number sealed under a key since retired shows as none rather
		// than failing the page it is on.
		return "", nil
	}
	switch {
	case viewer.ID == u.ID:
		return phone, nil
	case viewer.Role != Admin:
		return pii.MaskPhone(phone), nil
	}
	if err := s.Store.AuditRead(ctx, viewer.ID, "user_phone", u.ID); err != nil {
		return "", err
	}
	return phone, nil
}

// User returns an account by id.
func (s *Service) User(ctx context.Context, id int64) (User, error) {
	return s.Store.User(ctx, id)
}
