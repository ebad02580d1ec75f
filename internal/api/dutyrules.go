package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/roster"
)

func (s *Server) listDutyRules(c *gin.Context) {
	f := errs.Fields{}
	var sites []int64
	if id := queryID(c, "site_id", f); id != 0 {
		sites = []int64{id}
	}
	if err := f.Err(); err != nil {
		s.fail(c, err)
		return
	}
	rules, err := s.Roster.DutyRules(c.Request.Context(), sites)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": rules})
}

// ruleRequest is the body of POST and PATCH; PATCH applies the fields sent.
type ruleRequest struct {
	SiteID            *int64                `json:"site_id"`
	Pattern           *roster.Pattern       `json:"pattern"`
	Weekdays          *[]int                `json:"weekdays"`
	Nth               *int                  `json:"nth"`
	Sessions          *[]roster.Session     `json:"sessions"`
	SlotMinutes       *int                  `json:"slot_minutes"`
	Capacity          *int                  `json:"capacity"`
	LawyersPerSession *int                  `json:"lawyers_per_session"`
	HolidayPolicy     *roster.HolidayPolicy `json:"holiday_policy"`
	EffectiveFrom     *string               `json:"effective_from"`
	EffectiveTo       *string               `json:"effective_to"`
	Active            *bool                 `json:"active"`
}

// apply copies the sent fields and validates the result.
func (q ruleRequest) apply(r *roster.Rule) error {
	f := errs.Fields{}
	set(&r.SiteID, q.SiteID)
	set(&r.Pattern, q.Pattern)
	set(&r.Weekdays, q.Weekdays)
	set(&r.Nth, q.Nth)
	set(&r.Sessions, q.Sessions)
	set(&r.SlotMinutes, q.SlotMinutes)
	set(&r.Capacity, q.Capacity)
	set(&r.LawyersPerSession, q.LawyersPerSession)
	set(&r.HolidayPolicy, q.HolidayPolicy)
	set(&r.Active, q.Active)
	if q.EffectiveFrom != nil {
		r.EffectiveFrom = bodyDate("effective_from", *q.EffectiveFrom, f)
	}
	if q.EffectiveTo != nil {
		r.EffectiveTo = nil
		if *q.EffectiveTo != "" {
			d := bodyDate("effective_to", *q.EffectiveTo, f)
			r.EffectiveTo = &d
		}
	}
	if r.SiteID == 0 {
		f.Add("site_id", "请选择站点", "choose a site")
	}
	if err := f.Err(); err != nil {
		return err
	}
	return r.Check()
}

func (s *Server) createDutyRule(c *gin.Context) {
	var req ruleRequest
	if err := bindJSON(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	r := roster.Rule{Active: true, HolidayPolicy: roster.Skip, LawyersPerSession: 1, Capacity: 1, SlotMinutes: 30,
		EffectiveFrom: calendar.DateOf(s.Now())}
	if err := req.apply(&r); err != nil {
		s.fail(c, err)
		return
	}
	u, _ := currentUser(c)
	if err := s.Roster.CreateDutyRule(c.Request.Context(), u.ID, &r); err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, r)
}

func (s *Server) updateDutyRule(c *gin.Context) {
	var req ruleRequest
	id, ok := s.idAndBody(c, &req)
	if !ok {
		return
	}
	u, _ := currentUser(c)
	r, err := s.Roster.UpdateDutyRule(c.Request.Context(), u.ID, id, req.apply)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, r)
}

func (s *Server) listLawyers(c *gin.Context) {
	lawyers, err := s.Roster.LawyerProfiles(c.Request.Context())
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": lawyers})
}

func (s *Server) getPool(c *gin.Context) {
	id, err := pathID(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	ids, err := s.Roster.Pool(c.Request.Context(), id)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"site_id": id, "lawyer_ids": ids})
}

func (s *Server) setPool(c *gin.Context) {
	var req struct {
		LawyerIDs []int64 `json:"lawyer_ids"`
	}
	id, ok := s.idAndBody(c, &req)
	if !ok {
		return
	}
	u, _ := currentUser(c)
	if err := s.Roster.SetPool(c.Request.Context(), u.ID, id, req.LawyerIDs); err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"site_id": id, "lawyer_ids": req.LawyerIDs})
}
