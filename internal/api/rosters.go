package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/roster"
)

type rosterRequest struct {
	From    string  `json:"from"`
	To      string  `json:"to"`
	SiteIDs []int64 `json:"site_ids"`
}

func (r rosterRequest) period() (calendar.Date, calendar.Date, error) {
	f := errs.Fields{}
	from, to := bodyDate("from", r.From, f), bodyDate("to", r.To, f)
	return from, to, f.Err()
}

// rosterJSON is a proposed roster with the names a grid needs.
type rosterJSON struct {
	Shifts   []roster.Shift    `json:"shifts"`
	Unfilled []roster.Unfilled `json:"unfilled"`
	Fairness []roster.Fairness `json:"fairness"`
	Sites    map[int64]string  `json:"sites"`
	Lawyers  map[int64]string  `json:"lawyers"`
	// Changes (preview only) is what publishing would change.
	Changes []roster.Change `json:"changes,omitempty"`
}

func (s *Server) rosterView(c *gin.Context, res roster.Result) (rosterJSON, error) {
	sites, lawyers, err := s.Roster.Names(c.Request.Context())
	if err != nil {
		return rosterJSON{}, err
	}
	out := rosterJSON{Shifts: res.Shifts, Unfilled: res.Unfilled, Fairness: res.Fairness, Sites: map[int64]string{}, Lawyers: map[int64]string{}}
	for _, sh := range res.Shifts {
		out.Sites[sh.SiteID] = sites[sh.SiteID]
		out.Lawyers[sh.LawyerID] = lawyers[sh.LawyerID]
	}
	for _, u := range res.Unfilled {
		out.Sites[u.SiteID] = sites[u.SiteID]
	}
	for _, f := range res.Fairness {
		for l := range f.Counts {
			out.Lawyers[l] = lawyers[l]
		}
	}
	if out.Shifts == nil {
		out.Shifts = []roster.Shift{}
	}
	if out.Unfilled == nil {
		out.Unfilled = []roster.Unfilled{}
	}
	return out, nil
}

// rosterBody reads a roster request; false when it failed (and answered).
func (s *Server) rosterBody(c *gin.Context) (req rosterRequest, from, to calendar.Date, ok bool) {
	err := bindJSON(c, &req)
	if err == nil {
		from, to, err = req.period()
	}
	if err != nil {
		s.fail(c, err)
		return req, from, to, false
	}
	return req, from, to, true
}

func (s *Server) previewRoster(c *gin.Context) {
	req, from, to, ok := s.rosterBody(c)
	if !ok {
		return
	}
	res, changes, err := s.Roster.PreviewChanges(c.Request.Context(), from, to, req.SiteIDs)
	if err != nil {
		s.fail(c, err)
		return
	}
	view, err := s.rosterView(c, res)
	if err != nil {
		s.fail(c, err)
		return
	}
	view.Changes = changes
	if err := s.nameChanges(c, &view); err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, view)
}

func (s *Server) publishRoster(c *gin.Context) {
	req, from, to, ok := s.rosterBody(c)
	if !ok {
		return
	}
	u, _ := currentUser(c)
	res, rep, err := s.Roster.Publish(c.Request.Context(), u.ID, from, to, req.SiteIDs)
	if err != nil {
		s.fail(c, err)
		return
	}
	view, err := s.rosterView(c, res)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"report": rep, "roster": view})
}

// nameChanges adds the names of the sites and lawyers the changes mention.
func (s *Server) nameChanges(c *gin.Context, view *rosterJSON) error {
	sites, lawyers, err := s.Roster.Names(c.Request.Context())
	if err != nil {
		return err
	}
	for _, ch := range view.Changes {
		view.Sites[ch.SiteID] = sites[ch.SiteID]
		for _, l := range []int64{ch.FromLawyer, ch.ToLawyer} {
			if l != 0 {
				view.Lawyers[l] = lawyers[l]
			}
		}
	}
	return nil
}
