package api

import (
	"net/http"
	"slices"

	"github.com/gin-gonic/gin"

	"github.com/legaldesk/legaldesk/internal/booking"
	"github.com/legaldesk/legaldesk/internal/errs"
)

// shiftBookings is the lawyer's day: the bookings on one of their shifts.
func (s *Server) shiftBookings(c *gin.Context) {
	id, err := pathID(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	list, err := s.Booking.ShiftDay(c.Request.Context(), viewer(c), id)
	if err != nil {
		s.fail(c, err)
		return
	}
	views := make([]gin.H, len(list))
	for i, e := range list {
		views[i] = gin.H{"booking": e.Booking, "resident_name": e.Booking.ResidentName, "record": e.Record}
	}
	c.JSON(http.StatusOK, gin.H{"items": views})
}

// correctConsultation reopens a record: its lawyer corrects the category,
// summary or outcome; what it said before is kept.
func (s *Server) correctConsultation(c *gin.Context) {
	var req struct {
		Category string `json:"category"`
		Summary  string `json:"summary"`
		Outcome  string `json:"outcome"`
	}
	id, ok := s.idAndBody(c, &req)
	if !ok {
		return
	}
	u, _ := currentUser(c)
	rec, err := s.Booking.Correct(c.Request.Context(), u.ID, booking.Consultation{ID: id, Category: req.Category, Summary: req.Summary, Outcome: req.Outcome})
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, rec)
}

func (s *Server) markAttendance(c *gin.Context) {
	var req struct {
		Status booking.Status `json:"status"`
	}
	id, ok := s.idAndBody(c, &req)
	if !ok {
		return
	}
	b, err := s.Booking.Attendance(c.Request.Context(), viewer(c), id, req.Status)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, b)
}

type consultationRequest struct {
	BookingID *int64 `json:"booking_id"`
	SiteID    int64  `json:"site_id"`
	Visitor   string `json:"visitor"`
	Category  string `json:"category"`
	Summary   string `json:"summary"`
	Outcome   string `json:"outcome"`
}

func (s *Server) recordConsultation(c *gin.Context) {
	var req consultationRequest
	if err := bindJSON(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	u, _ := currentUser(c)
	rec, err := s.Booking.Record(c.Request.Context(), u.ID, booking.Consultation{BookingID: req.BookingID, SiteID: req.SiteID,
		Visitor: req.Visitor, Category: req.Category, Summary: req.Summary, Outcome: req.Outcome})
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, rec)
}

// myReferrals lets the next service's form start from the consultation
// that referred the resident ("一件事一次办").
func (s *Server) myReferrals(c *gin.Context) {
	u, _ := currentUser(c)
	list, err := s.Booking.Referrals(c.Request.Context(), u.ID, c.Query("kind"))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": list})
}

func (s *Server) consultationOptions(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"categories": booking.Categories, "outcomes": slices.Clone(booking.Outcomes)})
}

func (s *Server) rateBooking(c *gin.Context) {
	var req struct {
		Score   int    `json:"score"`
		Comment string `json:"comment"`
	}
	id, ok := s.idAndBody(c, &req)
	if !ok {
		return
	}
	u, _ := currentUser(c)
	if err := s.Booking.Rate(c.Request.Context(), u.ID, id, req.Score, req.Comment); err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, gin.H{"booking_id": id, "score": req.Score})
}

func (s *Server) joinWaitlist(c *gin.Context) {
	var req struct {
		SiteID int64  `json:"site_id"`
		Date   string `json:"date"`
	}
	if err := bindJSON(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	f := errs.Fields{}
	d := bodyDate("date", req.Date, f)
	if req.SiteID <= 0 {
		f.Add("site_id", "请选择站点", "choose a site")
	}
	if err := f.Err(); err != nil {
		s.fail(c, err)
		return
	}
	u, _ := currentUser(c)
	w, err := s.Booking.Join(c.Request.Context(), u.ID, req.SiteID, d.At(0, 0))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, w)
}
