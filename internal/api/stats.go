package api

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/legalaid"
	"github.com/legaldesk/legaldesk/internal/stats"
)

func statsViewer(c *gin.Context) stats.Viewer {
	u, _ := currentUser(c)
	return stats.Viewer{ID: u.ID, Role: string(u.Role)}
}

func statsPeriod(c *gin.Context) (stats.Period, error) {
	return stats.ParsePeriod(c.Query("from"), c.Query("to"), c.Query("township"))
}

// statsSummary counts a period's figures (China-time days, inclusive).
func (s *Server) statsSummary(c *gin.Context) {
	p, err := statsPeriod(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	sum, err := s.Stats.Summary(c.Request.Context(), statsViewer(c), p)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, sum)
}

// statsAnnual gives a year's report figures, each with its definition.
func (s *Server) statsAnnual(c *gin.Context) {
	year, err := strconv.Atoi(c.Query("year"))
	if err != nil {
		s.fail(c, errs.New(errs.Invalid, "请填写年份", "year is required").Field("year", "年份无效", "invalid year"))
		return
	}
	a, err := s.Stats.Annual(c.Request.Context(), statsViewer(c), year)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, a)
}

// statsTable builds the export a request asks for (list, period).
func (s *Server) statsTable(c *gin.Context) (stats.Table, stats.Period, bool) {
	p, err := statsPeriod(c)
	if err == nil {
		var t stats.Table
		if t, err = s.Stats.Export(c.Request.Context(), statsViewer(c), c.DefaultQuery("list", stats.ListSummary), p); err == nil {
			return t, p, true
		}
	}
	s.fail(c, err)
	return stats.Table{}, p, false
}

func exportName(c *gin.Context, p stats.Period, ext string) string {
	return fmt.Sprintf(`attachment; filename="stats-%s-%s-%s.%s"`, c.DefaultQuery("list", stats.ListSummary), p.From, p.To, ext)
}

// statsCSV writes an export as CSV with a UTF-8 byte-order mark.
func (s *Server) statsCSV(c *gin.Context) {
	t, p, ok := s.statsTable(c)
	if !ok {
		return
	}
	c.Header("Content-Disposition", exportName(c, p, "csv"))
	c.Header("Cache-Control", "private, no-store")
	c.Header("Content-Type", "text/csv; charset=utf-8")
	c.Status(http.StatusOK)
	if err := stats.WriteCSV(c.Writer, t); err != nil {
		s.log.Error("stats csv", "err", err)
	}
}

// statsXLSX writes an export as an Excel workbook.
func (s *Server) statsXLSX(c *gin.Context) {
	t, p, ok := s.statsTable(c)
	if !ok {
		return
	}
	c.Header("Content-Disposition", exportName(c, p, "xlsx"))
	c.Header("Cache-Control", "private, no-store")
	c.Header("Content-Type", xlsxType)
	c.Status(http.StatusOK)
	if err := writeXLSX(c.Writer, t); err != nil {
		s.log.Error("stats xlsx", "err", err)
	}
}

// confirmGroups records the officer's word on a case's special groups.
func (s *Server) confirmGroups(c *gin.Context) {
	id, err := pathID(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	var req struct {
		Groups []string `json:"groups"`
	}
	if err := bindJSON(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	if req.Groups == nil || len(req.Groups) > len(legalaid.Groups) {
		s.fail(c, errs.New(errs.Invalid, "请选择特殊群体（可为空列表）", "groups: a list, possibly empty").Field("groups", "请选择特殊群体", "a list of groups"))
		return
	}
	a, err := s.LegalAid.ConfirmGroups(c.Request.Context(), aidViewer(c), id, req.Groups)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, a)
}
