package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/legaldesk/legaldesk/internal/booking"
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
	days, err := s.Calendar.Days(c.Request.Context(), from, to, site)
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
	items, err := s.Calendar.Overrides(c.Request.Context(), from, to)
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
	// Preview (a closure only) answers what it would do and saves nothing.
	Preview bool `json:"preview"`
}

func (r overrideRequest) override(f errs.Fields) calendar.Override {
	return calendar.Override{Date: bodyDate("date", r.Date, f), SiteID: r.SiteID, Kind: calendar.OverrideKind(r.Kind), Name: r.Name}
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
	if o.Kind != calendar.CloseDay {
		o, err := s.Calendar.AddOverride(c.Request.Context(), o)
		if err != nil {
			s.fail(c, err)
			return
		}
		c.JSON(http.StatusCreated, o)
		return
	}
	// Closing a day cancels its bookings and tells the residents: the
	// administrator previews what it does first.
	o, closure, err := s.Booking.CloseDay(c.Request.Context(), o, req.Preview)
	if err != nil {
		s.fail(c, err)
		return
	}
	if req.Preview {
		c.JSON(http.StatusOK, closure)
		return
	}
	c.JSON(http.StatusCreated, closedDay{Override: o, Closure: closure})
}

// closedDay is a closure with what it did to the day's bookings.
type closedDay struct {
	calendar.Override
	booking.Closure
}

func (s *Server) deleteOverride(c *gin.Context) {
	id, err := pathID(c, "id")
	if err == nil {
		u, _ := currentUser(c)
		err = s.Calendar.DeleteOverride(c.Request.Context(), u.ID, id)
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
	holidays, workdays := overrides(req.Holidays, f), overrides(req.Workdays, f)
	if err := f.Err(); err != nil {
		s.fail(c, err)
		return
	}
	u, _ := currentUser(c)
	n, err := s.Calendar.LoadYear(c.Request.Context(), u.ID, req.Year, holidays, workdays)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, gin.H{"year": req.Year, "days": n})
}

func overrides(list []overrideRequest, f errs.Fields) []calendar.Override {
	out := make([]calendar.Override, len(list))
	for i, r := range list {
		out[i] = r.override(f)
	}
	return out
}
