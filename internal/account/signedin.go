package account

import (
	"context"
	"sync"
	"time"
)

// signedIn keeps the accounts of people signed in to this instance for a
// moment, so that a request does not cost a SQL read of its user. An
// account that is deactivated or deleted is refused within UserTTL on every
// instance (at once on the instance that changed it, through Forget).
type signedIn struct {
	mu    sync.Mutex
	users map[int64]seenUser
}

type seenUser struct {
	u  User
	at time.Time
}

// SignedInUser returns the account of a session's user, from the cache
// when it was read less than UserTTL ago.
func (s *Service) SignedInUser(ctx context.Context, id int64) (User, error) {
	now := s.Now()
	if s.UserTTL > 0 {
		s.seen.mu.Lock()
		e, ok := s.seen.users[id]
		s.seen.mu.Unlock()
		if ok && now.Sub(e.at) < s.UserTTL && !now.Before(e.at) {
			return e.u, nil
		}
	}
	u, err := s.Store.User(ctx, id)
	if err != nil || s.UserTTL <= 0 {
		return u, err
	}
	s.seen.mu.Lock()
	defer s.seen.mu.Unlock()
	if s.seen.users == nil || len(s.seen.users) > 100_000 {
		s.seen.users = map[int64]seenUser{} // bounded: start over
	}
	s.seen.users[id] = seenUser{u: u, at: now}
	return u, nil
}

// Forget drops a user from the cache: call it when an account changes.
func (s *Service) Forget(id int64) {
	s.seen.mu.Lock()
	defer s.seen.mu.Unlock()
	delete(s.seen.users, id)
}
