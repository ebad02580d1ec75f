package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/legaldesk/legaldesk/internal/account"
	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/roster"
)

func shiftFilter(c *gin.Context, f errs.Fields) roster.ShiftFilter {
	from, to := dateRange(c, 93, f)
	filter := roster.ShiftFilter{From: from, To: to, LawyerID: queryID(c, "lawyer_id", f), Unfilled: c.Query("unfilled") == "true"}
	if id := queryID(c, "site_id", f); id != 0 {
		filter.SiteIDs = []int64{id}
	}
	return filter
}

// listShifts is the public duty roster: who is on duty where and when.
func (s *Server) listShifts(c *gin.Context) {
	f := errs.Fields{}
	filter := shiftFilter(c, f)
	if err := f.Err(); err != nil {
		s.fail(c, err)
		return
	}
	views, err := s.Roster.ShiftViews(c.Request.Context(), filter)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": views})
}

func (s *Server) myShifts(c *gin.Context) {
	f := errs.Fields{}
	filter := shiftFilter(c, f)
	if err := f.Err(); err != nil {
		s.fail(c, err)
		return
	}
	u, _ := currentUser(c)
	filter.LawyerID, filter.SiteIDs, filter.Unfilled = u.ID, nil, false
	views, err := s.Roster.ShiftViews(c.Request.Context(), filter)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": views})
}

func (s *Server) shiftChanges(c *gin.Context) {
	id, err := pathID(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	changes, err := s.Roster.ShiftChanges(c.Request.Context(), id)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": changes})
}

type leaveRequest struct {
	From   string `json:"from"`
	To     string `json:"to"`
	Reason string `json:"reason"`
}

func (s *Server) requestLeave(c *gin.Context) {
	var req leaveRequest
	if err := bindJSON(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	f := errs.Fields{}
	l := roster.Leave{From: bodyDate("from", req.From, f), To: bodyDate("to", req.To, f), Reason: req.Reason}
	if err := f.Err(); err != nil {
		s.fail(c, err)
		return
	}
	u, _ := currentUser(c)
	l, moves, err := s.Roster.RequestLeave(c.Request.Context(), u.ID, l)
	if err != nil {
		s.fail(c, err)
		return
	}
	if moves == nil {
		moves = []roster.Move{}
	}
	c.JSON(http.StatusCreated, gin.H{"leave": l, "moves": moves})
}

func (s *Server) listSwaps(c *gin.Context) {
	u, _ := currentUser(c)
	lawyer := u.ID
	if u.Role == account.Admin {
		lawyer = 0
	}
	swaps, err := s.Roster.Swaps(c.Request.Context(), lawyer)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": swaps})
}

func (s *Server) proposeSwap(c *gin.Context) {
	var req struct {
		ShiftID    int64 `json:"shift_id"`
		ToLawyerID int64 `json:"to_lawyer_id"`
	}
	if err := bindJSON(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	u, _ := currentUser(c)
	sw, err := s.Roster.ProposeSwap(c.Request.Context(), u.ID, req.ShiftID, req.ToLawyerID)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, sw)
}

// colleagues lists who may take one of your shifts.
func (s *Server) colleagues(c *gin.Context) {
	id, err := pathID(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	u, _ := currentUser(c)
	list, err := s.Roster.Colleagues(c.Request.Context(), u.ID, id)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": list})
}

func (s *Server) acceptSwap(c *gin.Context)  { s.decideSwap(c, true) }
func (s *Server) declineSwap(c *gin.Context) { s.decideSwap(c, false) }

func (s *Server) decideSwap(c *gin.Context, accept bool) {
	id, err := pathID(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	u, _ := currentUser(c)
	sw, err := s.Roster.DecideSwap(c.Request.Context(), u.ID, id, accept)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, sw)
}
