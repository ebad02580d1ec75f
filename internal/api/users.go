package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/legaldesk/legaldesk/internal/account"
	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/pii"
)

type userJSON struct {
	ID        int64        `json:"id"`
	Role      account.Role `json:"role"`
	Name      string       `json:"name"`
	Phone     string       `json:"phone"`
	CreatedAt time.Time    `json:"created_at"`
}

// userView shows the full phone only to its owner and administrators.
func (s *Server) userView(u account.User, viewer account.User) userJSON {
	phone, err := s.Accounts.Phone(u)
	if err != nil {
		phone = ""
	}
	if viewer.ID != u.ID && viewer.Role != account.Admin {
		phone = pii.MaskPhone(phone)
	}
	return userJSON{ID: u.ID, Role: u.Role, Name: u.Name, Phone: phone, CreatedAt: u.CreatedAt.In(calendar.Shanghai)}
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
	if err := s.Accounts.RequestCode(c.Request.Context(), req.Phone, c.ClientIP()); err != nil {
		s.fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
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
	u, err := s.Accounts.Login(ctx, account.Credentials{Phone: req.Phone, Code: req.Code, Password: req.Password, IP: c.ClientIP()})
	if err == nil {
		err = s.signIn(c, u)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"user": s.userView(u, u)})
}

// signIn puts the user in the session under a new token (against session
// fixation) and saves it now, so the answer can tell whether it worked.
func (s *Server) signIn(c *gin.Context, u account.User) error {
	ctx := c.Request.Context()
	if err := s.sessions.RenewToken(ctx); err != nil {
		return sessionError(err)
	}
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
	c.JSON(http.StatusOK, gin.H{"user": s.userView(u, u)})
}
