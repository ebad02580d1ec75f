package api

import (
	"context"
	"maps"
	"net/http"
	"strings"
	"time"

	"github.com/alexedwards/scs/v2"
	"github.com/gin-gonic/gin"

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
	// The store keys sessions by SHA-256 of the token (scs does the
	// hashing for every store), so a copied sessions table or Redis dump
	// holds nothing a cookie could present.
	m.HashTokenInStore = true
	m.Codec = sessionCodec{}
	m.IdleTimeout = cfg.IdleTimeout
	m.Lifetime = cfg.Lifetime
	m.Cookie.Name = "legaldesk_session"
	if cfg.CookieSecure {
		// The __Host- prefix makes browsers refuse the cookie unless it is
		// Secure, for this host only and for every path (ASVS 3.4.4).
		m.Cookie.Name = "__Host-legaldesk_session"
	}
	m.Cookie.HttpOnly = true
	m.Cookie.SameSite = http.SameSiteLaxMode
	m.Cookie.Secure = cfg.CookieSecure
	m.Cookie.Path = "/"
	return m
}

// sessionState is one request's note that its session needs no more saving.
type sessionState struct {
	// done: the session was saved, or saving failed and that failure is
	// the answer.
	done bool
}

const sessionStateKey ctxKey = 2

// withSessions loads the session before the routes and saves it just
// before the answer starts, as scs's LoadAndSave does. It replaces
// LoadAndSave because that one, when the save fails inside WriteHeader,
// writes its error and then lets the handler's body follow: one response
// carried a 503 error and a user JSON.
func (s *Server) withSessions(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add("Vary", "Cookie")
		var token string
		if ck, err := r.Cookie(s.sessions.Cookie.Name); err == nil {
			token = ck.Value
		}
		ctx, err := s.sessions.Load(r.Context(), token)
		if err != nil {
			s.writeError(w, r, sessionError(err))
			return
		}
		r = r.WithContext(context.WithValue(ctx, sessionStateKey, &sessionState{}))
		sw := &sessionWriter{ResponseWriter: w, s: s, r: r, outer: w.Header().Clone()}
		next.ServeHTTP(sw, r)
		sw.start() // for a handler that wrote nothing
	})
}

// saveSession commits a changed session and sets its cookie, once per
// request. Handlers call it to learn the outcome before they answer.
func (s *Server) saveSession(ctx context.Context, w http.ResponseWriter) error {
	st, _ := ctx.Value(sessionStateKey).(*sessionState)
	if st == nil || st.done {
		return nil
	}
	st.done = true
	switch s.sessions.Status(ctx) {
	case scs.Modified:
		token, expiry, err := s.sessions.Commit(ctx)
		if err != nil {
			return sessionError(err)
		}
		s.sessions.WriteSessionCookie(ctx, w, token, expiry)
		privateCache(w.Header())
	case scs.Destroyed:
		s.sessions.WriteSessionCookie(ctx, w, "", time.Time{})
	}
	return nil
}

// probeKey is what checkSessions writes. The store sees hashed tokens (43
// characters of base64), so no session can have this key.
const probeKey = "probe"

// checkSessions proves the session store takes a write.
func (s *Server) checkSessions(ctx context.Context) error {
	data, expiry := []byte("ok"), time.Now().Add(time.Minute)
	var err error
	if cs, ok := s.sessions.Store.(scs.CtxStore); ok {
		err = cs.CommitCtx(ctx, probeKey, data, expiry)
	} else {
		err = s.sessions.Store.Commit(probeKey, data, expiry)
	}
	if err != nil {
		return sessionError(err)
	}
	return nil
}

// sessionWriter saves the session just before the answer starts. When
// that fails the session error becomes the whole answer, and what the
// handler writes after is dropped.
type sessionWriter struct {
	http.ResponseWriter
	s *Server
	r *http.Request
	// outer are the headers set before the routes ran (request id,
	// security headers), which an error answer keeps.
	outer   http.Header
	started bool
	failed  bool
}

func (w *sessionWriter) WriteHeader(code int) {
	if w.start() {
		w.ResponseWriter.WriteHeader(code)
	}
}

func (w *sessionWriter) Write(b []byte) (int, error) {
	if !w.start() {
		return len(b), nil // the client has its answer already
	}
	return w.ResponseWriter.Write(b)
}

func (w *sessionWriter) Flush() {
	if w.start() {
		http.NewResponseController(w.ResponseWriter).Flush()
	}
}

func (w *sessionWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// start saves the session on the first call and reports whether the
// handler's answer may go out.
func (w *sessionWriter) start() bool {
	if w.started {
		return !w.failed
	}
	w.started = true
	if err := w.s.saveSession(w.r.Context(), w.ResponseWriter); err != nil {
		w.failed = true
		// The handler's headers (length, disposition, caching) belong to
		// the answer that is not sent.
		h := w.Header()
		clear(h)
		maps.Copy(h, w.outer)
		w.s.writeError(w.ResponseWriter, w.r, err)
	}
	return !w.failed
}

// loadUser puts the signed-in user, if any, on the context, from the
// accounts' short cache (no SQL read per request). A deactivated account
// loses its session within that cache's few seconds.
func (s *Server) loadUser(c *gin.Context) {
	ctx := c.Request.Context()
	id := s.sessions.GetInt64(ctx, sessionUserID)
	if id == 0 {
		c.Next()
		return
	}
	u, err := s.Accounts.SignedInUser(ctx, id)
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

// privateCache keeps an answer that sets a session cookie out of shared
// caches: public data (availability, the static files) is still public,
// but this copy of it carries someone's token.
func privateCache(h http.Header) {
	if cc := h.Get("Cache-Control"); strings.Contains(cc, "public") {
		h.Set("Cache-Control", strings.Replace(cc, "public", "private", 1))
	}
}
