package api

import (
	"context"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/legaldesk/legaldesk/internal/account"
	"github.com/legaldesk/legaldesk/internal/calendar"
)

type userJSON struct {
	ID        int64        `json:"id"`
	Role      account.Role `json:"role"`
	Name      string       `json:"name"`
	Phone     string       `json:"phone"`
	CreatedAt time.Time    `json:"created_at"`
}

// userView shows a user as viewer may see them: the phone whole only to
// its owner and administrators (an administrator's look is audited).
func (s *Server) userView(ctx context.Context, u, viewer account.User) (userJSON, error) {
	phone, err := s.Accounts.PhoneFor(ctx, viewer, u)
	if err != nil {
		return userJSON{}, err
	}
	return userJSON{ID: u.ID, Role: u.Role, Name: u.Name, Phone: phone, CreatedAt: u.CreatedAt.In(calendar.Shanghai)}, nil
}

type phoneRequest struct {
	Phone string `json:"phone"`
}

func (s *Server) requestCode(c *gin.Context) {
	var req phoneRequest
	if err := bindJSON(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	challenge := func() (string, error) { return s.challenge(c) }
	if err := s.Accounts.RequestCode(c.Request.Context(), req.Phone, c.ClientIP(), challenge); err != nil {
		s.fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

// sessionChallenge keeps the client's sign-in challenge: the codes it asks
// for are bound to it, so nobody else's guesses can spend them.
const sessionChallenge = "sms_challenge"

// challenge returns this client's challenge. A new one is saved before any
// code is sent: a code whose challenge was lost with a failed save could
// never be used, and would still spend the phone's limits.
func (s *Server) challenge(c *gin.Context) (string, error) {
	ctx := c.Request.Context()
	if ch := s.sessions.GetString(ctx, sessionChallenge); ch != "" {
		return ch, nil
	}
	ch := account.NewChallenge()
	s.sessions.Put(ctx, sessionChallenge, ch)
	return ch, s.saveSession(ctx, c.Writer)
}

type loginRequest struct {
	Phone    string `json:"phone"`
	Code     string `json:"code"`
	Password string `json:"password"`
}

func (s *Server) login(c *gin.Context) {
	var req loginRequest
	if err := bindJSON(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	ctx := c.Request.Context()
	// A code spent without a session to show for it would leave the
	// resident waiting for another: check the store before spending.
	if err := s.checkSessions(ctx); err != nil {
		s.fail(c, err)
		return
	}
	u, err := s.Accounts.Login(ctx, account.Credentials{Phone: req.Phone, Code: req.Code, Password: req.Password,
		IP: c.ClientIP(), Challenge: s.sessions.GetString(ctx, sessionChallenge)})
	if err == nil {
		err = s.signIn(c, u)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	s.respondUser(c, u)
}

// signIn puts the user in the session under a new token (against session
// fixation) and saves it now, so the answer can tell whether it worked.
func (s *Server) signIn(c *gin.Context, u account.User) error {
	ctx := c.Request.Context()
	if err := s.sessions.RenewToken(ctx); err != nil {
		return sessionError(err)
	}
	// The challenge has served its code; another code means another request.
	s.sessions.Remove(ctx, sessionChallenge)
	s.sessions.Put(ctx, sessionUserID, u.ID)
	return s.saveSession(ctx, c.Writer)
}

func (s *Server) logout(c *gin.Context) {
	if err := s.sessions.Destroy(c.Request.Context()); err != nil {
		s.fail(c, sessionError(err))
		return
	}
	c.Status(http.StatusNoContent)
}

func (s *Server) me(c *gin.Context) {
	u, _ := currentUser(c)
	s.respondUser(c, u)
}

// respondUser answers with the signed-in user as they see themselves.
func (s *Server) respondUser(c *gin.Context, u account.User) {
	view, err := s.userView(c.Request.Context(), u, u)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"user": view})
}
