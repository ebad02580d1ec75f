// Package network is the three-tier network of public legal service sites:
// the city centre, township stations and village rooms, plus the notary
// office, the legal-aid centre and dispatched mediation rooms. It holds the
// types and the rules of the tree; storage and HTTP live elsewhere.
package network

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/legaldesk/legaldesk/internal/errs"
)

// Tier is a site's place in the network.
type Tier string

const (
	Center    Tier = "center"
	Station   Tier = "station"
	Room      Tier = "room"
	Notary    Tier = "notary"
	LegalAid  Tier = "legal_aid"
	Mediation Tier = "mediation"
)

// Tiers lists every tier, in the order pages show them.
// ErrNoSite: a site id that names no site, as a form field's error.
var ErrNoSite = errs.New(errs.Invalid, "站点不存在", "no such site").Field("site_id", "站点不存在", "no such site")

var Tiers = []Tier{Center, Station, Room, Notary, LegalAid, Mediation}

// Valid reports whether t is a known tier.
func (t Tier) Valid() bool {
	for _, k := range Tiers {
		if t == k {
			return true
		}
	}
	return false
}

// Site is one place where residents are served.
type Site struct {
	ID           int64    `json:"id" db:"id"`
	Name         string   `json:"name" db:"name"`
	Tier         Tier     `json:"tier" db:"tier"`
	ParentID     *int64   `json:"parent_id" db:"parent_id"`
	Township     string   `json:"township" db:"township"`
	Address      string   `json:"address" db:"address"`
	Phone        string   `json:"phone" db:"phone"`
	OpeningHours string   `json:"opening_hours" db:"opening_hours"`
	Lat          *float64 `json:"lat" db:"lat"`
	Lng          *float64 `json:"lng" db:"lng"`
	Active       bool     `json:"active" db:"active"`
	// Sample marks demo entries whose names are invented.
	Sample bool `json:"sample" db:"sample"`
}

// Filter selects sites for a list; zero values select everything.
type Filter struct {
	Tier     Tier
	Township string
	ParentID int64
	Query    string
	// ActiveOnly hides deactivated sites (the public default).
	ActiveOnly bool
	AfterID    int64
	Limit      int
}

// Store is what the network needs from storage.
type Store interface {
	Site(ctx context.Context, id int64) (Site, error)
	Sites(ctx context.Context, f Filter) ([]Site, error)
	// CreateSite and UpdateSite call check inside their transaction with the
	// parent as stored, so the tree rules hold under concurrent edits; the
	// actor is written to the audit log in the same transaction.
	CreateSite(ctx context.Context, actor int64, s *Site, check func(s Site, parent *Site) error) error
	UpdateSite(ctx context.Context, actor, id int64, change func(s *Site) error, check func(s Site, parent *Site) error) (Site, error)
}

// Check validates a site's own fields and its place in the tree.
func Check(s Site, parent *Site) error {
	f := errs.Fields{}
	checkFields(s, f)
	if s.Tier.Valid() {
		checkParent(s, parent, f)
	}
	return f.Err()
}

func checkFields(s Site, f errs.Fields) {
	if n := utf8.RuneCountInString(strings.TrimSpace(s.Name)); n == 0 || n > 100 {
		f.Add("name", "请填写名称（不超过100字）", "name is required (at most 100 characters)")
	}
	if !s.Tier.Valid() {
		f.Add("tier", "层级无效，应为 center、station、room、notary、legal_aid 或 mediation", "tier must be center, station, room, notary, legal_aid or mediation")
	}
	if utf8.RuneCountInString(s.Address) > 200 {
		f.Add("address", "地址不超过200字", "address is at most 200 characters")
	}
	if utf8.RuneCountInString(s.OpeningHours) > 100 {
		f.Add("opening_hours", "开放时间不超过100字", "opening hours are at most 100 characters")
	}
	if len(s.Phone) > 30 {
		f.Add("phone", "电话号码过长", "phone is too long")
	}
	if s.Lat != nil && (*s.Lat < -90 || *s.Lat > 90) {
		f.Add("lat", "纬度应在 -90 到 90 之间", "lat must be between -90 and 90")
	}
	if s.Lng != nil && (*s.Lng < -180 || *s.Lng > 180) {
		f.Add("lng", "经度应在 -180 到 180 之间", "lng must be between -180 and 180")
	}
	if (s.Tier == Station || s.Tier == Room) && strings.TrimSpace(s.Township) == "" {
		f.Add("township", "工作站和工作室须填写所属乡镇（街道）", "stations and rooms need a township")
	}
}

// allowedParents says which tiers a site of each tier may hang under: an
// empty list means no parent at all, and "" in the list allows none.
var allowedParents = map[Tier][]Tier{
	Center:    {},
	Station:   {Center},
	Room:      {Station},
	Notary:    {"", Center},
	LegalAid:  {"", Center},
	Mediation: {"", Center, Station},
}

func checkParent(s Site, parent *Site, f errs.Fields) {
	allowed := allowedParents[s.Tier]
	zh, en := parentMessage(s.Tier)
	if parent == nil {
		if len(allowed) > 0 && allowed[0] != "" {
			f.Add("parent_id", zh, en)
		}
		return
	}
	if !contains(allowed, parent.Tier) {
		f.Add("parent_id", zh, en)
		return
	}
	if !parent.Active && s.Active {
		f.Add("parent_id", "上级站点已停用", "the parent site is deactivated")
	}
	if s.Tier == Room && s.Township != parent.Township {
		f.Add("township", "工作室的乡镇须与所属工作站一致", "a room's township must match its station's")
	}
}

func parentMessage(t Tier) (string, string) {
	switch t {
	case Center:
		return "公共法律服务中心不能有上级站点", "a centre has no parent"
	case Station:
		return "工作站的上级必须是公共法律服务中心", "a station's parent must be a centre"
	case Room:
		return "工作室的上级必须是乡镇（街道）工作站", "a room's parent must be a station"
	case Mediation:
		return "调解室的上级只能是中心或工作站", "a mediation room's parent must be a centre or a station"
	default:
		return "该类站点的上级只能是公共法律服务中心", "this site's parent may only be a centre"
	}
}

func contains(ts []Tier, t Tier) bool {
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}
