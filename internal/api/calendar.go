package api

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
)

// listDays answers what each day from..to is, for the city or one site.
func (s *Server) listDays(c *gin.Context) {
	f := errs.Fields{}
	from, to := dateRange(c, 400, f)
	site := queryID(c, "site_id", f)
	if err := f.Err(); err != nil {
		s.fail(c, err)
		return
	}
	cal, err := calendar.Load(c.Request.Context(), s.Store, from, to)
	if err != nil {
		s.fail(c, err)
		return
	}
	days, err := cal.Range(from, to, site)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": days, "horizon": calendar.Horizon()})
}

func (s *Server) listOverrides(c *gin.Context) {
	f := errs.Fields{}
	from, to := dateRange(c, 800, f)
	if err := f.Err(); err != nil {
		s.fail(c, err)
		return
	}
	items, err := s.Store.Overrides(c.Request.Context(), from, to)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": items})
}

type overrideRequest struct {
	Date   string `json:"date"`
	SiteID *int64 `json:"site_id"`
	Kind   string `json:"kind"`
	Name   string `json:"name"`
}

func (r overrideRequest) override(f errs.Fields) calendar.Override {
	o := calendar.Override{Date: bodyDate("date", r.Date, f), SiteID: r.SiteID, Kind: calendar.OverrideKind(r.Kind), Name: strings.TrimSpace(r.Name)}
	if o.Kind != calendar.CloseDay && o.Kind != calendar.OpenDay {
		f.Add("kind", "类型应为 closed（休息/闭馆）或 workday（上班）", "kind must be closed or workday")
	}
	if o.Name == "" || len([]rune(o.Name)) > 50 {
		f.Add("name", "请填写说明（不超过50字）", "a name is required (at most 50 characters)")
	}
	return o
}

func (s *Server) createOverride(c *gin.Context) {
	var req overrideRequest
	if err := bindJSON(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	f := errs.Fields{}
	o := req.override(f)
	if err := f.Err(); err != nil {
		s.fail(c, err)
		return
	}
	u, _ := currentUser(c)
	o.CreatedBy = u.ID
	if err := s.Store.AddOverride(c.Request.Context(), &o); err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, o)
}

func (s *Server) deleteOverride(c *gin.Context) {
	id, err := pathID(c, "id")
	if err == nil {
		u, _ := currentUser(c)
		err = s.Store.DeleteOverride(c.Request.Context(), u.ID, id)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

type yearRequest struct {
	Year     int               `json:"year"`
	Holidays []overrideRequest `json:"holidays"`
	Workdays []overrideRequest `json:"workdays"`
}

// loadYear records a year's official holidays and make-up workdays once the
// State Council publishes them, for years past the built-in data.
func (s *Server) loadYear(c *gin.Context) {
	var req yearRequest
	if err := bindJSON(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	f := errs.Fields{}
	if req.Year <= calendar.Horizon() || req.Year > calendar.Horizon()+10 {
		f.Add("year", fmt.Sprintf("只需载入 %d 年以后的年度", calendar.Horizon()), fmt.Sprintf("only years after %d need loading", calendar.Horizon()))
	}
	var days []calendar.Override
	for kind, list := range map[string][]overrideRequest{"closed": req.Holidays, "workday": req.Workdays} {
		for _, d := range list {
			d.Kind, d.SiteID = kind, nil
			o := d.override(f)
			if !o.Date.IsZero() && o.Date.Year() != req.Year {
				f.Add("date", "日期须在所载入的年度内", "dates must fall in the year")
			}
			days = append(days, o)
		}
	}
	if err := f.Err(); err != nil {
		s.fail(c, err)
		return
	}
	u, _ := currentUser(c)
	if err := s.Store.LoadYear(c.Request.Context(), u.ID, req.Year, days); err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, gin.H{"year": req.Year, "days": len(days)})
}
