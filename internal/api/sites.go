package api

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/legaldesk/legaldesk/internal/account"
	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/network"
)

func (s *Server) listSites(c *gin.Context) {
	f := errs.Fields{}
	filter := network.Filter{
		Tier:       network.Tier(c.Query("tier")),
		Township:   strings.TrimSpace(c.Query("township")),
		ParentID:   queryID(c, "parent_id", f),
		Query:      strings.TrimSpace(c.Query("q")),
		ActiveOnly: true,
	}
	filter.Limit, filter.AfterID = page(c, 100, 500, f)
	if filter.Tier != "" && !filter.Tier.Valid() {
		f.Add("tier", "层级无效，应为 center、station、room、notary、legal_aid 或 mediation", "tier must be center, station, room, notary, legal_aid or mediation")
	}
	if u, ok := currentUser(c); ok && u.Role == account.Admin && c.Query("include_inactive") == "true" {
		filter.ActiveOnly = false
	}
	if err := f.Err(); err != nil {
		s.fail(c, err)
		return
	}
	sites, err := s.Sites.Sites(c.Request.Context(), filter)
	if err != nil {
		s.fail(c, err)
		return
	}
	var last int64
	if len(sites) > 0 {
		last = sites[len(sites)-1].ID
	}
	c.JSON(http.StatusOK, gin.H{"items": sites, "next_cursor": nextCursor(len(sites), filter.Limit, last)})
}

func (s *Server) getSite(c *gin.Context) {
	id, err := pathID(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	site, err := s.Sites.Site(c.Request.Context(), id)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, site)
}

// siteRequest is the body of POST and PATCH; PATCH applies only the fields sent.
type siteRequest struct {
	Name         *string       `json:"name"`
	Tier         *network.Tier `json:"tier"`
	ParentID     *int64        `json:"parent_id"`
	Township     *string       `json:"township"`
	Address      *string       `json:"address"`
	Phone        *string       `json:"phone"`
	OpeningHours *string       `json:"opening_hours"`
	Lat          *float64      `json:"lat"`
	Lng          *float64      `json:"lng"`
	Active       *bool         `json:"active"`
}

// apply copies the sent fields onto site; the tier is fixed after creation.
func (r siteRequest) apply(site *network.Site, creating bool) error {
	if r.Tier != nil && !creating && *r.Tier != site.Tier {
		return errs.New(errs.Invalid, "站点层级创建后不可修改", "a site's tier cannot change").
			Field("tier", "层级不可修改", "the tier cannot change")
	}
	set(&site.Name, r.Name)
	set(&site.Tier, r.Tier)
	set(&site.Township, r.Township)
	set(&site.Address, r.Address)
	set(&site.Phone, r.Phone)
	set(&site.OpeningHours, r.OpeningHours)
	set(&site.Active, r.Active)
	if r.ParentID != nil {
		site.ParentID = r.ParentID
	}
	if r.Lat != nil {
		site.Lat = r.Lat
	}
	if r.Lng != nil {
		site.Lng = r.Lng
	}
	site.Name = strings.TrimSpace(site.Name)
	site.Township = strings.TrimSpace(site.Township)
	return nil
}

func set[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}

func (s *Server) createSite(c *gin.Context) {
	var req siteRequest
	if err := bindJSON(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	site := network.Site{Active: true}
	req.apply(&site, true)
	u, _ := currentUser(c)
	if err := s.Sites.CreateSite(c.Request.Context(), u.ID, &site, network.Check); err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, site)
}

func (s *Server) updateSite(c *gin.Context) {
	var req siteRequest
	id, ok := s.idAndBody(c, &req)
	if !ok {
		return
	}
	u, _ := currentUser(c)
	change := func(site *network.Site) error { return req.apply(site, false) }
	site, err := s.Sites.UpdateSite(c.Request.Context(), u.ID, id, change, network.Check)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, site)
}
