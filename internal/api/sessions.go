package api

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/alexedwards/scs/v2"
	"github.com/gin-gonic/gin"
	"github.com/redis/go-redis/v9"

	"github.com/legaldesk/legaldesk/internal/account"
	"github.com/legaldesk/legaldesk/internal/errs"
)

const (
	sessionUserID = "user_id"
	userIDKey     = "user_id"
	userKey       = "user"
)

func newSessions(cfg Config) *scs.SessionManager {
	m := scs.New()
	if cfg.SessionStore != nil {
		m.Store = cfg.SessionStore
	}
	m.IdleTimeout = cfg.IdleTimeout
	m.Lifetime = cfg.Lifetime
	m.Cookie.Name = "legaldesk_session"
	m.Cookie.HttpOnly = true
	m.Cookie.SameSite = http.SameSiteLaxMode
	m.Cookie.Secure = cfg.CookieSecure
	m.Cookie.Path = "/"
	return m
}

// loadUser puts the signed-in user, if any, on the context. A deactivated
// account loses its session at once.
func (s *Server) loadUser(c *gin.Context) {
	ctx := c.Request.Context()
	id := s.sessions.GetInt64(ctx, sessionUserID)
	if id == 0 {
		c.Next()
		return
	}
	u, err := s.Accounts.Store.User(ctx, id)
	if errs.Is(err, errs.NotFound) || (err == nil && !u.Active) {
		s.sessions.Destroy(ctx)
		c.Next()
		return
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Set(userIDKey, u.ID)
	c.Set(userKey, u)
	c.Next()
}

// currentUser returns the signed-in user.
func currentUser(c *gin.Context) (account.User, bool) {
	u, ok := c.Get(userKey)
	if !ok {
		return account.User{}, false
	}
	return u.(account.User), true
}

// require lets through a signed-in user with one of the roles (any role
// when none is given).
func (s *Server) require(roles ...account.Role) gin.HandlerFunc {
	return func(c *gin.Context) {
		u, ok := currentUser(c)
		if !ok {
			s.fail(c, errNotSignedIn)
			return
		}
		if len(roles) > 0 && !hasRole(u, roles) {
			s.fail(c, errNoRight)
			return
		}
		c.Next()
	}
}

func hasRole(u account.User, roles []account.Role) bool {
	for _, r := range roles {
		if u.Role == r {
			return true
		}
	}
	return false
}

// RedisSessions is an scs store on go-redis, so that sessions survive a
// restart and are shared by every instance.
type RedisSessions struct {
	C      redis.UniversalClient
	Prefix string
}

var _ scs.CtxStore = RedisSessions{}

func (r RedisSessions) key(token string) string { return r.Prefix + "session:" + token }

// FindCtx returns a session's data.
func (r RedisSessions) FindCtx(ctx context.Context, token string) ([]byte, bool, error) {
	b, err := r.C.Get(ctx, r.key(token)).Bytes()
	if errors.Is(err, redis.Nil) {
		return nil, false, nil
	}
	return b, err == nil, err
}

// CommitCtx saves a session until expiry.
func (r RedisSessions) CommitCtx(ctx context.Context, token string, b []byte, expiry time.Time) error {
	return r.C.Set(ctx, r.key(token), b, time.Until(expiry)).Err()
}

// DeleteCtx removes a session.
func (r RedisSessions) DeleteCtx(ctx context.Context, token string) error {
	return r.C.Del(ctx, r.key(token)).Err()
}

// Find implements scs.Store.
func (r RedisSessions) Find(token string) ([]byte, bool, error) {
	return r.FindCtx(context.Background(), token)
}

// Commit implements scs.Store.
func (r RedisSessions) Commit(token string, b []byte, expiry time.Time) error {
	return r.CommitCtx(context.Background(), token, b, expiry)
}

// Delete implements scs.Store.
func (r RedisSessions) Delete(token string) error { return r.DeleteCtx(context.Background(), token) }
