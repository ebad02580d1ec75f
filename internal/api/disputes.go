package api

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/legaldesk/legaldesk/internal/mediation"
)

func mediationViewer(c *gin.Context) mediation.Viewer {
	u, _ := currentUser(c)
	return mediation.Viewer{ID: u.ID, Role: string(u.Role)}
}

// disputeBoard is the mediators' board: ?status= (repeated or
// comma-separated; the open columns by default) and ?township=.
func (s *Server) disputeBoard(c *gin.Context) {
	f := mediation.Filter{Township: c.Query("township")}
	for _, v := range c.QueryArray("status") {
		for _, st := range strings.Split(v, ",") {
			if st = strings.TrimSpace(st); st != "" {
				f.Statuses = append(f.Statuses, mediation.Status(st))
			}
		}
	}
	b, err := s.Mediation.Board(c.Request.Context(), mediationViewer(c), f)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, b)
}

func (s *Server) createDispute(c *gin.Context) {
	var in mediation.Intake
	if err := bindJSON(c, &in); err != nil {
		s.fail(c, err)
		return
	}
	d, err := s.Mediation.Create(c.Request.Context(), mediationViewer(c), in)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, d)
}

func (s *Server) getDispute(c *gin.Context) {
	id, err := pathID(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	d, err := s.Mediation.Get(c.Request.Context(), mediationViewer(c), id)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, d)
}

// actOnDispute takes one step: {action: assign|start|resolve|fail|withdraw, …}.
func (s *Server) actOnDispute(c *gin.Context) {
	var act mediation.Action
	id, ok := s.idAndBody(c, &act)
	if !ok {
		return
	}
	d, err := s.Mediation.Act(c.Request.Context(), mediationViewer(c), id, act)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, d)
}

func (s *Server) mediationCommittees(c *gin.Context) {
	cs, rooms, err := s.Mediation.Committees(c.Request.Context(), mediationViewer(c), c.Query("all") == "true")
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": cs, "rooms": rooms})
}

func (s *Server) mediationReferrals(c *gin.Context) {
	list, err := s.Mediation.Referrals(c.Request.Context(), mediationViewer(c))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": list})
}

func (s *Server) createCommittee(c *gin.Context) {
	var m mediation.CommitteeForm
	if err := bindJSON(c, &m); err != nil {
		s.fail(c, err)
		return
	}
	saved, err := s.Mediation.SaveCommittee(c.Request.Context(), mediationViewer(c), 0, m)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, saved)
}

func (s *Server) updateCommittee(c *gin.Context) {
	var m mediation.CommitteeForm
	id, ok := s.idAndBody(c, &m)
	if !ok {
		return
	}
	saved, err := s.Mediation.SaveCommittee(c.Request.Context(), mediationViewer(c), id, m)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, saved)
}
