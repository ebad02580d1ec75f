package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/notify"
	"github.com/legaldesk/legaldesk/internal/pii"
)

// listOutbox shows administrators what was sent, newest first; ?phone=
// finds one person's messages through the phone index. Every read is
// audited, and sign-in codes are hidden outside the demo.
func (s *Server) listOutbox(c *gin.Context) {
	f := errs.Fields{}
	var filter notify.Filter
	filter.Limit, filter.BeforeID = page(c, 50, 200, f)
	filter.Kind = c.Query("kind")
	if p := c.Query("phone"); p != "" {
		phone := pii.NormalizePhone(p)
		if !pii.ValidPhone(phone) {
			f.Add("phone", "请输入11位手机号码", "enter an 11-digit mobile number")
		}
		filter.RecipientIndex = s.Accounts.PhoneIndex(phone)
	}
	if err := f.Err(); err != nil {
		s.fail(c, err)
		return
	}
	viewer, _ := currentUser(c)
	entries, err := notify.ReadOutbox(c.Request.Context(), s.Outbox, viewer.ID, filter)
	if err != nil {
		s.fail(c, err)
		return
	}
	var last int64
	for i := range entries {
		entries[i].CreatedAt = entries[i].CreatedAt.In(calendar.Shanghai)
		last = entries[i].ID
		if entries[i].RecipientMasked == "" {
			// Written inside a booking's transaction, where the number
			// stays sealed: masked here.
			phone, err := s.Sealer.Open(entries[i].RecipientSealed)
			if err != nil {
				s.fail(c, err)
				return
			}
			entries[i].RecipientMasked = pii.MaskPhone(phone)
		}
	}
	c.JSON(http.StatusOK, gin.H{"items": entries, "next_cursor": nextCursor(len(entries), filter.Limit, last)})
}
