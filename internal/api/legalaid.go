package api

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/legalaid"
	"github.com/legaldesk/legaldesk/internal/letters"
)

const uploadRoute = "/api/v1/legal-aid/applications/:id/attachments"

func aidViewer(c *gin.Context) legalaid.Viewer {
	u, _ := currentUser(c)
	return legalaid.Viewer{ID: u.ID, Role: string(u.Role)}
}

// eligibility explains the economic-status paths before anyone applies.
func (s *Server) eligibility(c *gin.Context) {
	matter, path := legalaid.Matter(c.Query("matter")), legalaid.Path(c.Query("path"))
	if path == "" {
		if _, err := legalaid.Explain(matter, legalaid.Art41); err != nil {
			s.fail(c, err)
			return
		}
		c.JSON(http.StatusOK, gin.H{"items": legalaid.Paths(), "matters": legalaid.Matters, "art31_items": legalaid.Art31Items,
			"criminal_categories": legalaid.MandatoryCriminal, "termination_grounds": legalaid.Art48Grounds,
			"advance_grounds": legalaid.Art44Grounds, "organs": legalaid.Organs, "hardship_standard": s.LegalAid.Hardship,
			"questions": legalaid.Questions(), "art32_grounds": legalaid.Art32Grounds, "art42_groups": legalaid.Art42Groups})
		return
	}
	r, err := legalaid.Explain(matter, path)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, r)
}

func (s *Server) applyForAid(c *gin.Context) {
	var f legalaid.Form
	if err := bindJSON(c, &f); err != nil {
		s.fail(c, err)
		return
	}
	a, err := s.LegalAid.Submit(c.Request.Context(), aidViewer(c), f)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, a)
}

// registerNotice records a criminal defence notified by a court,
// procuratorate or public-security organ (Arts. 25, 28, 36).
func (s *Server) registerNotice(c *gin.Context) {
	var f legalaid.NoticeForm
	if err := bindJSON(c, &f); err != nil {
		s.fail(c, err)
		return
	}
	a, err := s.LegalAid.RegisterNotice(c.Request.Context(), aidViewer(c), f)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, a)
}

func (s *Server) getApplication(c *gin.Context) {
	id, err := pathID(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	v := aidViewer(c)
	a, err := s.LegalAid.Get(c.Request.Context(), v, id)
	if err != nil {
		s.fail(c, err)
		return
	}
	atts, err := s.LegalAid.Attachments(c.Request.Context(), v, id)
	if err != nil {
		s.fail(c, err)
		return
	}
	events, err := s.LegalAid.Timeline(c.Request.Context(), v, id)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"application": a, "attachments": atts, "timeline": events})
}

func (s *Server) myLegalAid(c *gin.Context) {
	list, err := s.LegalAid.Mine(c.Request.Context(), aidViewer(c))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": list})
}

func (s *Server) aidQueue(c *gin.Context) {
	f := legalaid.Filter{Township: c.Query("township"), Matter: legalaid.Matter(c.Query("matter"))}
	if st := c.Query("status"); st != "" {
		for _, x := range strings.SplitN(st, ",", 20) {
			f.Statuses = append(f.Statuses, legalaid.Status(x))
		}
	}
	q, err := s.LegalAid.Queue(c.Request.Context(), aidViewer(c), f)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": q, "today": calendar.DateOf(s.Now())})
}

type actionRequest struct {
	legalaid.Action
	SupplementBy string `json:"supplement_by"`
}

func (s *Server) aidAction(c *gin.Context) {
	var req actionRequest
	id, ok := s.idAndBody(c, &req)
	if !ok {
		return
	}
	if req.SupplementBy != "" {
		f := errs.Fields{}
		d := bodyDate("supplement_by", req.SupplementBy, f)
		if err := f.Err(); err != nil {
			s.fail(c, err)
			return
		}
		req.Action.SupplementBy = &d
	}
	a, err := s.LegalAid.Act(c.Request.Context(), aidViewer(c), id, req.Action)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, a)
}

func (s *Server) lawyerSuggestions(c *gin.Context) {
	id, err := pathID(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	list, err := s.LegalAid.Suggestions(c.Request.Context(), aidViewer(c), id)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": list})
}

// fileObjection: the applicant online, or an officer recording one handed
// in at the window (Art. 49).
func (s *Server) fileObjection(c *gin.Context) {
	var req legalaid.ObjectionForm
	id, ok := s.idAndBody(c, &req)
	if !ok {
		return
	}
	a, err := s.LegalAid.Object(c.Request.Context(), aidViewer(c), id, req)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, a)
}

func (s *Server) openObjections(c *gin.Context) {
	list, err := s.LegalAid.OpenObjections(c.Request.Context(), aidViewer(c))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": list})
}

func (s *Server) decideObjection(c *gin.Context) {
	var req struct {
		Decision string `json:"decision"`
		Reason   string `json:"reason"`
	}
	id, ok := s.idAndBody(c, &req)
	if !ok {
		return
	}
	if req.Decision != "uphold" && req.Decision != "overturn" {
		s.fail(c, errs.New(errs.Invalid, "决定应为 uphold（维持）或 overturn（纠正）", "decision must be uphold or overturn").Field("decision", "应为 uphold 或 overturn", "uphold or overturn"))
		return
	}
	a, err := s.LegalAid.DecideObjection(c.Request.Context(), aidViewer(c), id, req.Decision == "overturn", req.Reason)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, a)
}

// uploadAttachment takes one multipart file ("file").
func (s *Server) uploadAttachment(c *gin.Context) {
	id, err := pathID(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	data, filename, ok := s.uploadedFile(c)
	if !ok {
		return
	}
	att, err := s.LegalAid.Upload(c.Request.Context(), aidViewer(c), id, filename, data)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, att)
}

func (s *Server) downloadAttachment(c *gin.Context) {
	id, err := pathID(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	att, data, err := s.LegalAid.Download(c.Request.Context(), aidViewer(c), id)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Content-Disposition", "attachment; filename*=UTF-8''"+url.PathEscape(att.Name))
	c.Header("Cache-Control", "private, no-store")
	c.Data(http.StatusOK, att.Type, data)
}

func (s *Server) decisionPDF(c *gin.Context) {
	id, err := pathID(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	l, err := s.LegalAid.Letter(c.Request.Context(), aidViewer(c), id, c.Query("kind"))
	if err != nil {
		s.fail(c, err)
		return
	}
	// Dated on the day of the decision, signed by whoever decided it.
	pdf, err := letters.PDF(letters.Letter{Issuer: l.Issuer, Title: l.Title, Number: l.Number, To: l.To, Body: l.Body,
		Closing: []string{l.Issuer, l.Date}})
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Content-Disposition", "inline; filename=decision.pdf")
	c.Header("Cache-Control", "private, no-store")
	c.Data(http.StatusOK, "application/pdf", pdf)
}
