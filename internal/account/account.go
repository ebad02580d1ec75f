// Package account holds people and signing in: residents with a phone and an
// SMS code, staff with a password. It knows the rules (codes expire, attempts
// are counted, limits apply) but not HTTP, cookies or SQL.
package account

import (
	"context"
	"time"
)

// Role is what a user may do.
type Role string

const (
	Resident    Role = "resident"
	Lawyer      Role = "lawyer"
	AidOfficer  Role = "aid_officer"
	NotaryClerk Role = "notary_clerk"
	// Mediator is a people's mediator (人民调解员) of the justice bureau's
	// mediation desk: takes disputes in and works them.
	Mediator Role = "mediator"
	Admin    Role = "admin"
)

// Roles lists every role.
var Roles = []Role{Resident, Lawyer, AidOfficer, NotaryClerk, Mediator, Admin}

// Valid reports whether r is a known role.
func (r Role) Valid() bool {
	for _, x := range Roles {
		if r == x {
			return true
		}
	}
	return false
}

// Staff reports whether the role signs in with a password.
func (r Role) Staff() bool { return r.Valid() && r != Resident }

// User is an account. The phone is sealed at rest and looked up by index.
type User struct {
	ID           int64     `db:"id"`
	Role         Role      `db:"role"`
	Name         string    `db:"name"`
	PhoneSealed  string    `db:"phone_sealed"`
	PhoneIndex   string    `db:"phone_index"`
	PasswordHash string    `db:"password_hash"`
	Active       bool      `db:"active"`
	CreatedAt    time.Time `db:"created_at"`
}

// SMSCode is a one-time sign-in code; only its keyed hash is stored, with
// the hash of the challenge of the client that asked for it.
type SMSCode struct {
	ID            int64      `db:"id"`
	PhoneIndex    string     `db:"phone_index"`
	ChallengeHash string     `db:"challenge_hash"`
	CodeHash      string     `db:"code_hash"`
	ExpiresAt     time.Time  `db:"expires_at"`
	Attempts      int        `db:"attempts"`
	UsedAt        *time.Time `db:"used_at"`
	CreatedAt     time.Time  `db:"created_at"`
}

// Store is what accounts need from storage.
type Store interface {
	User(ctx context.Context, id int64) (User, error)
	UserByPhoneIndex(ctx context.Context, index string) (User, error)
	CreateUser(ctx context.Context, u *User) error
	CreateSMSCode(ctx context.Context, c *SMSCode) error
	// LatestSMSCode is the newest code sent to a phone for one challenge.
	LatestSMSCode(ctx context.Context, phoneIndex, challengeHash string) (SMSCode, error)
	CountSMSAttempt(ctx context.Context, id int64) error
	// UseSMSCode marks the code used; it fails with conflict if it already was.
	UseSMSCode(ctx context.Context, id int64, at time.Time) error
	// AuditRead records that actor read an object's personal data.
	AuditRead(ctx context.Context, actor int64, object string, id int64) error
}

// Limiter counts events per key within a window (x/time/rate in memory,
// a counter in Redis when several instances share the limits).
type Limiter interface {
	Allow(ctx context.Context, key string, limit int, window time.Duration) (ok bool, retryAfter time.Duration, err error)
}
