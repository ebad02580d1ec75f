package store

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/legaldesk/legaldesk/internal/account"
)

const userColumns = `id, role, name, phone_sealed, phone_index, password_hash, active, created_at`

// User returns one account.
func (s *Store) User(ctx context.Context, id int64) (account.User, error) {
	var u account.User
	err := s.db.GetContext(ctx, &u, `SELECT `+userColumns+` FROM users WHERE id = ?`, id)
	return u, translate(err)
}

// UserByPhoneIndex finds the account with this phone.
func (s *Store) UserByPhoneIndex(ctx context.Context, index string) (account.User, error) {
	var u account.User
	err := s.db.GetContext(ctx, &u, `SELECT `+userColumns+` FROM users WHERE phone_index = ?`, index)
	return u, translate(err)
}

// CreateUser inserts an account; a taken phone is a conflict.
func (s *Store) CreateUser(ctx context.Context, u *account.User) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error { return s.insertUser(ctx, tx, u) })
}

func (s *Store) insertUser(ctx context.Context, tx *sqlx.Tx, u *account.User) error {
	if u.CreatedAt.IsZero() {
		u.CreatedAt = s.now()
	}
	const q = `INSERT INTO users (role, name, phone_sealed, phone_index, password_hash, active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`
	res, err := tx.ExecContext(ctx, q, u.Role, u.Name, u.PhoneSealed, u.PhoneIndex, u.PasswordHash, u.Active, u.CreatedAt.UTC())
	if err != nil {
		return err
	}
	u.ID, err = res.LastInsertId()
	return err
}

// CreateSMSCode stores a code's hash.
func (s *Store) CreateSMSCode(ctx context.Context, c *account.SMSCode) error {
	const q = `INSERT INTO sms_codes (phone_index, challenge_hash, code_hash, expires_at, attempts, created_at) VALUES (?, ?, ?, ?, 0, ?)`
	res, err := s.db.ExecContext(ctx, q, c.PhoneIndex, c.ChallengeHash, c.CodeHash, c.ExpiresAt.UTC(), c.CreatedAt.UTC())
	if err != nil {
		return translate(err)
	}
	c.ID, err = res.LastInsertId()
	return err
}

// LatestSMSCode returns the newest code sent to a phone for one challenge.
func (s *Store) LatestSMSCode(ctx context.Context, phoneIndex, challengeHash string) (account.SMSCode, error) {
	const q = `SELECT id, phone_index, challenge_hash, code_hash, expires_at, attempts, used_at, created_at
		FROM sms_codes WHERE phone_index = ? AND challenge_hash = ? ORDER BY id DESC LIMIT 1`
	var c account.SMSCode
	err := s.db.GetContext(ctx, &c, q, phoneIndex, challengeHash)
	return c, translate(err)
}

// CountSMSAttempt adds one wrong attempt.
func (s *Store) CountSMSAttempt(ctx context.Context, id int64) error {
	_, err := s.db.ExecContext(ctx, `UPDATE sms_codes SET attempts = attempts + 1 WHERE id = ?`, id)
	return translate(err)
}

// UseSMSCode marks an unused code used; a second use is a conflict.
func (s *Store) UseSMSCode(ctx context.Context, id int64, at time.Time) error {
	res, err := s.db.ExecContext(ctx, `UPDATE sms_codes SET used_at = ? WHERE id = ? AND used_at IS NULL`, at.UTC(), id)
	if err != nil {
		return translate(err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return errConflict
	}
	return nil
}
