package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/legaldesk/legaldesk/internal/account"
	"github.com/legaldesk/legaldesk/internal/legalaid"
)

// aidProgress is the public progress lookup: an application's number and
// the ID number, without signing in; limited per address.
func (s *Server) aidProgress(c *gin.Context) {
	var q legalaid.ProgressQuery
	if err := bindJSON(c, &q); err != nil {
		s.fail(c, err)
		return
	}
	p, err := s.LegalAid.LookUp(c.Request.Context(), account.LimitAddr(c.ClientIP()), q)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusOK, p)
}

// revealAidID shows an application's full ID numbers to an officer (or
// the bureau during an objection); each call is audited.
func (s *Server) revealAidID(c *gin.Context) {
	id, err := pathID(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	full, err := s.LegalAid.RevealID(c.Request.Context(), aidViewer(c), id)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Cache-Control", "private, no-store")
	c.JSON(http.StatusOK, full)
}
