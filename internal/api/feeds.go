package api

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/gin-gonic/gin"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/roster"
)

// myFeed returns the lawyer's secret feed URL, creating it on first use.
func (s *Server) myFeed(c *gin.Context) {
	u, _ := currentUser(c)
	token, err := s.Roster.FeedToken(c.Request.Context(), u.ID)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"url": s.feedURL(c, token)})
}

// feedURL is built from the configured public origin, so a forged Host or
// X-Forwarded-Proto header cannot make the server hand out a link to
// another site. Without one (development only; production requires it) the
// request's own host is used.
func (s *Server) feedURL(c *gin.Context, token string) string {
	origin := strings.TrimSuffix(s.cfg.PublicOrigin, "/")
	if origin == "" {
		scheme := "http"
		if c.Request.TLS != nil {
			scheme = "https"
		}
		origin = scheme + "://" + c.Request.Host
	}
	return fmt.Sprintf("%s/api/v1/calendar-feeds/%s.ics", origin, token)
}

// revokeFeed stops the old URL; the next GET makes a new one.
func (s *Server) revokeFeed(c *gin.Context) {
	u, _ := currentUser(c)
	if err := s.Roster.RevokeFeed(c.Request.Context(), u.ID); err != nil {
		s.fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

// feed serves a lawyer's shifts as iCalendar for phone calendars: from a
// month back to three months ahead.
func (s *Server) feed(c *gin.Context) {
	views, err := s.Roster.FeedShifts(c.Request.Context(), strings.TrimSuffix(c.Param("token"), ".ics"))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Cache-Control", "private, max-age=900")
	c.Data(http.StatusOK, "text/calendar; charset=utf-8", []byte(icsOf(views, s.Now())))
}

// uidDomain names this service in calendar event ids; never the request's
// Host header, which a client chooses.
const uidDomain = "legaldesk"

func icsOf(views []roster.ShiftView, stamp time.Time) string {
	cal := ics.NewCalendar()
	cal.SetMethod(ics.MethodPublish)
	cal.SetProductId("-//legaldesk//律师值班//ZH")
	cal.SetName("律师值班")
	cal.SetXWRCalName("律师值班")
	cal.SetRefreshInterval("PT1H")
	for _, v := range views {
		e := cal.AddEvent(fmt.Sprintf("shift-%d@%s", v.ID, uidDomain))
		e.SetDtStampTime(stamp.UTC())
		e.SetStartAt(v.Start.UTC())
		e.SetEndAt(v.End.UTC())
		e.SetSummary(fmt.Sprintf("律师值班：%s", v.SiteName))
		e.SetLocation(strings.TrimSpace(v.SiteName + " " + v.SiteAddress))
		e.SetDescription(fmt.Sprintf("%s %s 第%d班 %s–%s", v.SiteName, v.Date, v.Session+1,
			v.Start.In(calendar.Shanghai).Format("15:04"), v.End.In(calendar.Shanghai).Format("15:04")))
	}
	return cal.Serialize()
}

// bookingICS is one booking as a calendar file, for "add to calendar".
func (s *Server) bookingICS(c *gin.Context) {
	id, err := pathID(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	b, err := s.Booking.Get(c.Request.Context(), viewer(c), id)
	if err != nil {
		s.fail(c, err)
		return
	}
	cal := ics.NewCalendar()
	cal.SetMethod(ics.MethodPublish)
	cal.SetProductId("-//legaldesk//法律咨询预约//ZH")
	e := cal.AddEvent(fmt.Sprintf("booking-%d@%s", b.ID, uidDomain))
	e.SetDtStampTime(s.Now().UTC())
	e.SetStartAt(b.Start.UTC())
	e.SetEndAt(b.End.UTC())
	e.SetSummary("免费法律咨询：" + b.SiteName)
	// Where to go, as a map app reads it: the site and its street address.
	where := b.SiteName
	if site, err := s.Sites.Site(c.Request.Context(), b.SiteID); err == nil && site.Address != "" {
		where += "，" + site.Address
	}
	e.SetLocation(where)
	e.SetDescription(fmt.Sprintf("预约码 %s，值班律师 %s。请携带身份证和相关材料，提前10分钟到场。", b.Code, b.LawyerName))
	// A reminder the evening before and one two hours ahead, on the phone.
	for _, before := range []string{"-PT18H", "-PT2H"} {
		a := e.AddAlarm()
		a.SetAction(ics.ActionDisplay)
		a.SetTrigger(before)
		a.SetDescription("免费法律咨询：" + b.SiteName)
	}
	c.Header("Content-Disposition", fmt.Sprintf(`attachment; filename="booking-%s.ics"`, b.Code))
	c.Data(http.StatusOK, "text/calendar; charset=utf-8", []byte(cal.Serialize()))
}
