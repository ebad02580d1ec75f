package api

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/legaldesk/legaldesk/internal/account"
	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/notary"
)

func notaryViewer(c *gin.Context) notary.Viewer {
	u, _ := currentUser(c)
	return notary.Viewer{ID: u.ID, Role: string(u.Role)}
}

// listMatters is the public catalogue, searched with q; the editor asks
// for all=true (retired matters too), which only staff of the office get.
func (s *Server) listMatters(c *gin.Context) {
	u, _ := currentUser(c)
	all := c.Query("all") == "true" && (u.Role == account.NotaryClerk || u.Role == account.Admin)
	list, err := s.Notary.Matters(c.Request.Context(), c.Query("q"), all)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": list})
}

func (s *Server) createMatter(c *gin.Context) {
	var m notary.Matter
	if err := bindJSON(c, &m); err != nil {
		s.fail(c, err)
		return
	}
	m.ID, m.Active = 0, true
	if err := s.Notary.SaveMatter(c.Request.Context(), &m); err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, m)
}

func (s *Server) updateMatter(c *gin.Context) {
	var m notary.Matter
	id, ok := s.idAndBody(c, &m)
	if !ok {
		return
	}
	m.ID = id
	if err := s.Notary.SaveMatter(c.Request.Context(), &m); err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, m)
}

// matterIDs reads "1,2,3".
func matterIDs(v string, f errs.Fields) []int64 {
	var out []int64
	for _, p := range strings.Split(v, ",") {
		id, err := strconv.ParseInt(strings.TrimSpace(p), 10, 64)
		if err != nil || id <= 0 {
			f.Add("matter_ids", "事项编号应为逗号分隔的正整数", "matter_ids are comma-separated positive integers")
			return nil
		}
		out = append(out, id)
	}
	return out
}

// notaryStarts lists when the chosen matters fit on consecutive free slots.
func (s *Server) notaryStarts(c *gin.Context) {
	f := errs.Fields{}
	ids := matterIDs(c.Query("matter_ids"), f)
	from, to := dateRange(c, 31, f)
	if err := f.Err(); err != nil {
		s.fail(c, err)
		return
	}
	starts, err := s.Notary.Availability(c.Request.Context(), ids, from.At(0, 0), to.AddDays(1).At(0, 0))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Cache-Control", "public, max-age=5")
	c.JSON(http.StatusOK, gin.H{"items": starts})
}

// openNotaryDays adds the office's slots on the working days of a period.
func (s *Server) openNotaryDays(c *gin.Context) {
	var req struct {
		From     string `json:"from"`
		To       string `json:"to"`
		Capacity int    `json:"capacity"`
	}
	if err := bindJSON(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	f := errs.Fields{}
	from, to := bodyDate("from", req.From, f), bodyDate("to", req.To, f)
	if !from.IsZero() && !to.IsZero() && (to.Before(from) || from.DaysUntil(to) > 92) {
		f.Add("to", "结束日期须不早于开始日期，且相差不超过 93 天", "to must be after from and within 93 days")
	}
	if err := f.Err(); err != nil {
		s.fail(c, err)
		return
	}
	site, err := s.Notary.Office(c.Request.Context())
	if err != nil {
		s.fail(c, err)
		return
	}
	days, err := s.Calendar.Days(c.Request.Context(), from, to, site)
	if err != nil {
		s.fail(c, err)
		return
	}
	n, err := s.Notary.OpenDays(c.Request.Context(), days, req.Capacity)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"created": n})
}

func (s *Server) placeNotaryHold(c *gin.Context) {
	var req struct {
		SlotID int64 `json:"slot_id"`
	}
	if err := bindJSON(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	u, _ := currentUser(c)
	id, expires, err := s.Notary.Hold(c.Request.Context(), u.ID, req.SlotID)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, gin.H{"hold_id": id, "slot_id": req.SlotID, "expires_at": expires.In(calendar.Shanghai)})
}

func (s *Server) releaseNotaryHold(c *gin.Context) {
	u, _ := currentUser(c)
	if err := s.Notary.Release(c.Request.Context(), c.Param("id"), u.ID); err != nil {
		s.fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

type notaryBookingRequest struct {
	HoldID    string         `json:"hold_id"`
	SlotID    int64          `json:"slot_id"`
	MatterIDs []int64        `json:"matter_ids"`
	Parties   []notary.Party `json:"parties"`
	IDNumber  string         `json:"id_number"`
	Group     string         `json:"group"`
}

// hash identifies a request body, so a key reused for another body is caught.
func (r notaryBookingRequest) hash() string {
	b, _ := json.Marshal(r)
	sum := sha256.Sum256(append([]byte("notary:"), b...))
	return hex.EncodeToString(sum[:])
}

func (s *Server) createNotaryBooking(c *gin.Context) {
	var req notaryBookingRequest
	if err := bindJSON(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	u, _ := currentUser(c)
	v, replayed, err := s.Notary.Book(c.Request.Context(), u.ID, notary.Request{HoldID: req.HoldID, SlotID: req.SlotID,
		MatterIDs: req.MatterIDs, Parties: req.Parties, IDNumber: req.IDNumber, Group: req.Group,
		IdemKey: c.GetHeader("Idempotency-Key"), RequestHash: req.hash()})
	if err != nil {
		s.fail(c, err)
		return
	}
	if replayed {
		c.Header("Idempotent-Replayed", "true")
	}
	c.JSON(http.StatusCreated, v)
}
