package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/legaldesk/legaldesk/internal/advisor"
	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
)

// listAssignments is the bureau's register, history included unless
// active=true.
func (s *Server) listAssignments(c *gin.Context) {
	f := errs.Fields{}
	filter := advisor.Filter{SiteID: queryID(c, "site_id", f), LawyerID: queryID(c, "lawyer_id", f),
		Township: c.Query("township"), ActiveOnly: c.Query("active") == "true"}
	if err := f.Err(); err != nil {
		s.fail(c, err)
		return
	}
	as, err := s.Advisors.Assignments(c.Request.Context(), filter)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": as})
}

type assignmentRequest struct {
	SiteID        int64  `json:"site_id"`
	LawyerID      int64  `json:"lawyer_id"`
	StartsOn      string `json:"starts_on"`
	EndsOn        string `json:"ends_on"`
	OnSiteWeek    int    `json:"on_site_week"`
	OnSiteWeekday int    `json:"on_site_weekday"`
}

// optionalDate reads a date a body may leave out.
func optionalDate(name, v string, f errs.Fields) calendar.Date {
	if v == "" {
		return calendar.Date{}
	}
	return bodyDate(name, v, f)
}

func (s *Server) createAssignment(c *gin.Context) {
	var req assignmentRequest
	if err := bindJSON(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	f := errs.Fields{}
	n := advisor.New{SiteID: req.SiteID, LawyerID: req.LawyerID, StartsOn: optionalDate("starts_on", req.StartsOn, f),
		EndsOn: optionalDate("ends_on", req.EndsOn, f), OnSiteWeek: req.OnSiteWeek, OnSiteWeekday: req.OnSiteWeekday}
	if err := f.Err(); err != nil {
		s.fail(c, err)
		return
	}
	u, _ := currentUser(c)
	a, err := s.Advisors.Assign(c.Request.Context(), u.ID, n)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, a)
}

type closeRequest struct {
	Reason   string `json:"reason"`
	LawyerID int64  `json:"lawyer_id"`
	EndsOn   string `json:"ends_on"`
}

func (s *Server) endAssignment(c *gin.Context) {
	var req closeRequest
	id, ok := s.idAndBody(c, &req)
	if !ok {
		return
	}
	u, _ := currentUser(c)
	a, err := s.Advisors.End(c.Request.Context(), u.ID, id, req.Reason)
	s.respondAssignment(c, a, err)
}

func (s *Server) replaceAssignment(c *gin.Context) {
	var req closeRequest
	id, ok := s.idAndBody(c, &req)
	if !ok {
		return
	}
	if req.LawyerID <= 0 {
		s.fail(c, errs.Fields{"lawyer_id": {ZH: "请选择接任的律师", EN: "choose the lawyer who takes over"}}.Err())
		return
	}
	u, _ := currentUser(c)
	a, err := s.Advisors.Replace(c.Request.Context(), u.ID, id, req.LawyerID, req.Reason)
	s.respondAssignment(c, a, err)
}

func (s *Server) renewAssignment(c *gin.Context) {
	var req closeRequest
	id, ok := s.idAndBody(c, &req)
	if !ok {
		return
	}
	f := errs.Fields{}
	if req.EndsOn == "" {
		f.Add("ends_on", "请填写续聘的结束日期", "ends_on is required")
	}
	ends := optionalDate("ends_on", req.EndsOn, f)
	if err := f.Err(); err != nil {
		s.fail(c, err)
		return
	}
	u, _ := currentUser(c)
	a, err := s.Advisors.Renew(c.Request.Context(), u.ID, id, ends)
	s.respondAssignment(c, a, err)
}

func (s *Server) respondAssignment(c *gin.Context, a advisor.Assignment, err error) {
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, a)
}

type autoRequest struct {
	Township string `json:"township"`
	Apply    bool   `json:"apply"`
}

// autoAssign previews (apply false) or applies the balanced auto-assign.
func (s *Server) autoAssign(c *gin.Context) {
	var req autoRequest
	if err := bindJSON(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	var (
		res advisor.AutoResult
		err error
	)
	if req.Apply {
		u, _ := currentUser(c)
		res, err = s.Advisors.AutoApply(c.Request.Context(), u.ID, req.Township)
	} else {
		res, err = s.Advisors.AutoPreview(c.Request.Context(), req.Township)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"applied": req.Apply, "result": res})
}

func (s *Server) advisorCoverage(c *gin.Context) {
	cov, err := s.Advisors.Coverage(c.Request.Context())
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, cov)
}

// siteAdvisor is the public card of a village's advisor.
func (s *Server) siteAdvisor(c *gin.Context) {
	id, err := pathID(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	card, err := s.Advisors.SiteAdvisor(c.Request.Context(), id)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, card)
}

func (s *Server) myAdvisorVillages(c *gin.Context) {
	u, _ := currentUser(c)
	as, err := s.Advisors.MyVillages(c.Request.Context(), u.ID)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": as})
}
