package api

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"

	"github.com/gin-gonic/gin"
	qrcode "github.com/skip2/go-qrcode"

	"github.com/legaldesk/legaldesk/internal/booking"
	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
)

// listSlots is public availability: a site's slots and the places left.
func (s *Server) listSlots(c *gin.Context) {
	f := errs.Fields{}
	site := queryID(c, "site_id", f)
	if site == 0 {
		f.Add("site_id", "请选择站点", "site_id is required")
	}
	from, to := dateRange(c, 31, f)
	if err := f.Err(); err != nil {
		s.fail(c, err)
		return
	}
	body, etag, err := s.Booking.AvailabilityJSON(c.Request.Context(), site, from.At(0, 0), to.AddDays(1).At(0, 0))
	if err != nil {
		s.fail(c, err)
		return
	}
	// Safe to cache briefly: places change, and confirming re-checks them.
	// A client that has this answer already gets 304 and no body.
	c.Header("Cache-Control", "public, max-age=5")
	s.writeVersioned(c, "application/json; charset=utf-8", etag, body)
}

func (s *Server) placeHold(c *gin.Context) {
	var req struct {
		SlotID int64 `json:"slot_id"`
	}
	if err := bindJSON(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	u, _ := currentUser(c)
	id, expires, err := s.Booking.Hold(c.Request.Context(), u.ID, req.SlotID)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, gin.H{"hold_id": id, "slot_id": req.SlotID, "expires_at": expires.In(calendar.Shanghai)})
}

func (s *Server) releaseHold(c *gin.Context) {
	u, _ := currentUser(c)
	if err := s.Booking.Release(c.Request.Context(), c.Param("id"), u.ID); err != nil {
		s.fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

type bookingRequest struct {
	HoldID string `json:"hold_id"`
	SlotID int64  `json:"slot_id"`
	Topic  string `json:"topic"`
	Note   string `json:"note"`
}

// hash identifies a request body, so a key reused for another body is caught.
func (r bookingRequest) hash() string {
	b, _ := json.Marshal(r)
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

func (s *Server) createBooking(c *gin.Context) {
	var req bookingRequest
	if err := bindJSON(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	u, _ := currentUser(c)
	b, replayed, err := s.Booking.Confirm(c.Request.Context(), u.ID, booking.Request{HoldID: req.HoldID, SlotID: req.SlotID,
		Topic: req.Topic, Note: req.Note, IdemKey: c.GetHeader("Idempotency-Key"), RequestHash: req.hash()})
	if err != nil {
		s.fail(c, err)
		return
	}
	if replayed {
		c.Header("Idempotent-Replayed", "true")
	}
	c.JSON(http.StatusCreated, b)
}

func viewer(c *gin.Context) booking.Viewer {
	u, _ := currentUser(c)
	return booking.Viewer{ID: u.ID, Role: string(u.Role)}
}

func (s *Server) myBookings(c *gin.Context) {
	u, _ := currentUser(c)
	list, err := s.Booking.Mine(c.Request.Context(), u.ID)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": list})
}

func (s *Server) getBooking(c *gin.Context) {
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
	c.JSON(http.StatusOK, b)
}

// bookingQR shows the booking code as a QR image for the site's desk.
func (s *Server) bookingQR(c *gin.Context) {
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
	png, err := qrcode.Encode("LEGALDESK:"+b.Code, qrcode.Medium, 320)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Data(http.StatusOK, "image/png", png)
}

func (s *Server) cancelBooking(c *gin.Context) {
	id, err := pathID(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	var req struct {
		Reason string `json:"reason"`
	}
	if c.Request.ContentLength != 0 {
		if err := bindJSON(c, &req); err != nil {
			s.fail(c, err)
			return
		}
	}
	b, err := s.Booking.Cancel(c.Request.Context(), viewer(c), id, req.Reason)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, b)
}

func (s *Server) rescheduleBooking(c *gin.Context) {
	var req struct {
		SlotID int64 `json:"slot_id"`
	}
	id, ok := s.idAndBody(c, &req)
	if !ok {
		return
	}
	b, err := s.Booking.Reschedule(c.Request.Context(), viewer(c), id, req.SlotID)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, b)
}
