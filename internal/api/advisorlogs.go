package api

import (
	"encoding/csv"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/legaldesk/legaldesk/internal/account"
	"github.com/legaldesk/legaldesk/internal/advisor"
	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
)

type advisorLogRequest struct {
	SiteID int64  `json:"site_id"`
	Date   string `json:"date"`
	Kind   string `json:"kind"`
	Count  int    `json:"count"`
	People int    `json:"people"`
	Notes  string `json:"notes"`
}

// recordAdvisorLog: an advisor records a day's service in one of their
// villages (404 for a village that is not theirs).
func (s *Server) recordAdvisorLog(c *gin.Context) {
	var req advisorLogRequest
	if err := bindJSON(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	f := errs.Fields{}
	l := advisor.Log{SiteID: req.SiteID, Date: optionalDate("date", req.Date, f), Kind: advisor.Kind(req.Kind),
		Count: req.Count, People: req.People, Notes: req.Notes}
	if err := f.Err(); err != nil {
		s.fail(c, err)
		return
	}
	u, _ := currentUser(c)
	l, err := s.Advisors.RecordLog(c.Request.Context(), u.ID, l)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, l)
}

// queryMonth reads ?month=YYYY-MM, the current month when absent.
func (s *Server) queryMonth(c *gin.Context, f errs.Fields) advisor.Month {
	v := c.Query("month")
	if v == "" {
		return advisor.MonthOf(calendar.DateOf(s.Now()))
	}
	m, err := advisor.ParseMonth(v)
	if err != nil || m.Year < 2000 || m.Year > 2100 {
		f.Add("month", "月份格式应为 YYYY-MM", "month is YYYY-MM")
	}
	return m
}

func (s *Server) myAdvisorLogs(c *gin.Context) {
	f := errs.Fields{}
	m := s.queryMonth(c, f)
	if err := f.Err(); err != nil {
		s.fail(c, err)
		return
	}
	u, _ := currentUser(c)
	logs, err := s.Advisors.MyLogs(c.Request.Context(), u.ID, m)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": logs, "kinds": advisor.Kinds})
}

// compliance is the bureau's monthly report, per advisor and per township.
func (s *Server) compliance(c *gin.Context) {
	s.complianceOf(c, 0)
}

// advisorCompliance is one advisor's month: the advisor themselves or the
// bureau; any other lawyer gets 404.
func (s *Server) advisorCompliance(c *gin.Context) {
	id, err := pathID(c, "id")
	u, _ := currentUser(c)
	if err == nil && u.Role != account.Admin && u.ID != id {
		err = errs.ErrNotFound
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	s.complianceOf(c, id)
}

func (s *Server) complianceOf(c *gin.Context, lawyerID int64) {
	f := errs.Fields{}
	m := s.queryMonth(c, f)
	if err := f.Err(); err != nil {
		s.fail(c, err)
		return
	}
	rep, err := s.Advisors.Compliance(c.Request.Context(), m, lawyerID)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, rep)
}

// complianceCSV exports the month for the subsidy, one row per advisor and
// village, in the client's language.
func (s *Server) complianceCSV(c *gin.Context) {
	f := errs.Fields{}
	m := s.queryMonth(c, f)
	if err := f.Err(); err != nil {
		s.fail(c, err)
		return
	}
	u, _ := currentUser(c)
	rep, err := s.Advisors.Export(c.Request.Context(), u.ID, m)
	if err != nil {
		s.fail(c, err)
		return
	}
	en := english(c.Request)
	head := []string{"月份", "律师", "律师事务所", "村（社区）", "乡镇（街道）", "聘任天数", "驻点天数", "驻点", "本季度讲座", "讲座", "入户", "咨询", "审查", "调解", "结论"}
	if en {
		head = []string{"month", "advisor", "firm", "village", "township", "days served", "on-site days", "on-site", "lectures this quarter", "lecture", "door-to-door", "consultations", "reviews", "mediations", "verdict"}
	}
	c.Header("Content-Disposition", fmt.Sprintf(`attachment; filename="advisor-compliance-%s.csv"`, rep.Month))
	c.Header("Content-Type", "text/csv; charset=utf-8")
	c.Status(http.StatusOK)
	c.Writer.WriteString("\ufeff") // Excel reads UTF-8 with the mark
	w := csv.NewWriter(c.Writer)
	w.Write(head)
	for _, a := range rep.Advisors {
		for _, v := range a.Villages {
			w.Write(cells(rep.Month, a.Name, a.Firm, v.SiteName, v.Township, strconv.Itoa(v.DaysServed), strconv.Itoa(v.OnSiteDays),
				verdictText(v.OnSite, en), strconv.Itoa(v.Lectures), verdictText(v.Lecture, en), strconv.Itoa(v.Counts[advisor.DoorToDoor]),
				strconv.Itoa(v.Counts[advisor.Consultation]), strconv.Itoa(v.Counts[advisor.Review]), strconv.Itoa(v.Counts[advisor.Mediation]),
				verdictText(v.Verdict, en)))
		}
	}
	w.Flush()
}

// cells keeps spreadsheet formulas out of an export: a cell that starts
// like one is quoted with an apostrophe.
func cells(vs ...string) []string {
	for i, v := range vs {
		if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
			vs[i] = "'" + v
		}
	}
	return vs
}

func verdictText(v advisor.Verdict, en bool) string {
	if en {
		return string(v)
	}
	return map[advisor.Verdict]string{advisor.Met: "达标", advisor.Missed: "未达标", advisor.Pending: "进行中", advisor.Exempt: "免考核"}[v]
}

const photoRoute = "/api/v1/advisor-logs/:id/photo"

// uploadLogPhoto adds a photo to one of the lawyer's own entries.
func (s *Server) uploadLogPhoto(c *gin.Context) {
	id, err := pathID(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	data, _, ok := s.uploadedFile(c)
	if !ok {
		return
	}
	u, _ := currentUser(c)
	l, err := s.Advisors.AttachPhoto(c.Request.Context(), u.ID, id, data)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, l)
}

// logPhoto shows an entry's photo to its advisor and to the bureau.
func (s *Server) logPhoto(c *gin.Context) {
	id, err := pathID(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	u, _ := currentUser(c)
	ctype, data, err := s.Advisors.Photo(c.Request.Context(), u.ID, u.Role == account.Admin, id)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Cache-Control", "private, no-store")
	c.Data(http.StatusOK, ctype, data)
}
