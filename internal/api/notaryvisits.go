package api

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/notary"
)

const notaryUploadRoute = "/api/v1/notary/bookings/:id/materials"

func (s *Server) myNotaryVisits(c *gin.Context) {
	u, _ := currentUser(c)
	list, err := s.Notary.Mine(c.Request.Context(), u.ID)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": list})
}

func (s *Server) getNotaryVisit(c *gin.Context) {
	id, err := pathID(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	v, err := s.Notary.Get(c.Request.Context(), notaryViewer(c), id)
	if err != nil {
		s.fail(c, err)
		return
	}
	ups, err := s.Notary.Uploads(c.Request.Context(), notaryViewer(c), id)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"visit": v, "uploads": ups})
}

// uploadNotaryMaterial takes one multipart file ("file") for one checklist
// item ("item").
func (s *Server) uploadNotaryMaterial(c *gin.Context) {
	id, err := pathID(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	data, filename, ok := s.uploadedFile(c)
	if !ok {
		return
	}
	u, err := s.Notary.Upload(c.Request.Context(), notaryViewer(c), id, c.PostForm("item"), filename, data)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, u)
}

func (s *Server) downloadNotaryMaterial(c *gin.Context) {
	id, err := pathID(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	u, data, err := s.Notary.Download(c.Request.Context(), notaryViewer(c), id)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Content-Disposition", "attachment; filename*=UTF-8''"+url.PathEscape(u.Name))
	c.Header("Cache-Control", "private, no-store")
	c.Data(http.StatusOK, u.Type, data)
}

func (s *Server) checkNotaryMaterials(c *gin.Context) {
	var req notary.Review
	id, ok := s.idAndBody(c, &req)
	if !ok {
		return
	}
	v, err := s.Notary.CheckMaterials(c.Request.Context(), notaryViewer(c), id, req)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, v)
}

func (s *Server) finishNotaryVisit(c *gin.Context) {
	var req notary.Outcome
	id, ok := s.idAndBody(c, &req)
	if !ok {
		return
	}
	v, err := s.Notary.Finish(c.Request.Context(), notaryViewer(c), id, req)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, v)
}

// notaryDay is the clerk's list for one date, the green channel first.
func (s *Server) notaryDay(c *gin.Context) {
	f := errs.Fields{}
	d := queryDate(c, "date", f)
	if c.Query("date") == "" {
		f.Add("date", "请选择日期", "date is required")
	}
	if err := f.Err(); err != nil {
		s.fail(c, err)
		return
	}
	list, err := s.Notary.Day(c.Request.Context(), notaryViewer(c), d)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": list})
}

func (s *Server) requestHomeVisit(c *gin.Context) {
	var req notary.HomeRequest
	if err := bindJSON(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	u, _ := currentUser(c)
	v, err := s.Notary.RequestHome(c.Request.Context(), u.ID, req)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, v)
}

func (s *Server) homeRequests(c *gin.Context) {
	list, err := s.Notary.HomeRequests(c.Request.Context(), notaryViewer(c))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": list})
}

func (s *Server) scheduleHomeVisit(c *gin.Context) {
	var req notary.Schedule
	id, ok := s.idAndBody(c, &req)
	if !ok {
		return
	}
	v, err := s.Notary.ScheduleHome(c.Request.Context(), notaryViewer(c), id, req)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, v)
}

// notaryStats counts the matters done per month of a year.
func (s *Server) notaryStats(c *gin.Context) {
	year, err := strconv.Atoi(c.Query("year"))
	if err != nil {
		s.fail(c, errs.New(errs.Invalid, "请填写年份", "year is required").Field("year", "年份无效", "invalid year"))
		return
	}
	months, err := s.Notary.DoneByMonth(c.Request.Context(), year)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"year": year, "matters_done": months})
}

func (s *Server) joinNotaryWaitlist(c *gin.Context) {
	var req struct {
		Date      string  `json:"date"`
		MatterIDs []int64 `json:"matter_ids"`
	}
	if err := bindJSON(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	f := errs.Fields{}
	d := bodyDate("date", req.Date, f)
	if err := f.Err(); err != nil {
		s.fail(c, err)
		return
	}
	u, _ := currentUser(c)
	w, err := s.Notary.Join(c.Request.Context(), u.ID, d, req.MatterIDs)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, w)
}
