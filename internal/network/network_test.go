package network

import (
	"testing"

	"github.com/legaldesk/legaldesk/internal/errs"
)

func TestCheckTree(t *testing.T) {
	center := &Site{ID: 1, Tier: Center, Active: true}
	station := &Site{ID: 2, Tier: Station, Township: "米山镇", Active: true}
	room := &Site{ID: 3, Tier: Room, Township: "米山镇", Active: true}
	closed := &Site{ID: 4, Tier: Station, Township: "米山镇", Active: false}
	site := func(tier Tier, township string) Site {
		return Site{Name: "x", Tier: tier, Township: township, Active: true}
	}
	cases := []struct {
		name   string
		s      Site
		parent *Site
		field  string // "" means valid
	}{
		{"centre alone", site(Center, ""), nil, ""},
		{"centre under centre", site(Center, ""), center, "parent_id"},
		{"station under centre", site(Station, "米山镇"), center, ""},
		{"station without parent", site(Station, "米山镇"), nil, "parent_id"},
		{"station under room", site(Station, "米山镇"), room, "parent_id"},
		{"room under station", site(Room, "米山镇"), station, ""},
		{"room under centre", site(Room, "米山镇"), center, "parent_id"},
		{"room in another township", site(Room, "三甲镇"), station, "township"},
		{"room under closed station", site(Room, "米山镇"), closed, "parent_id"},
		{"room without township", site(Room, ""), station, "township"},
		{"notary alone", site(Notary, ""), nil, ""},
		{"notary under station", site(Notary, ""), station, "parent_id"},
		{"mediation under station", site(Mediation, "米山镇"), station, ""},
		{"bad tier", site("castle", ""), nil, "tier"},
		{"no name", Site{Tier: Center}, nil, "name"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := Check(c.s, c.parent)
			if c.field == "" {
				if err != nil {
					t.Fatalf("want valid, got %v", err)
				}
				return
			}
			var e *errs.Error
			if err == nil || !errsAs(err, &e) || e.Code != errs.Invalid {
				t.Fatalf("want invalid, got %v", err)
			}
			if _, ok := e.Fields[c.field]; !ok {
				t.Fatalf("want a message on %q, got %v", c.field, e.Fields)
			}
		})
	}
}

func errsAs(err error, e **errs.Error) bool {
	x, ok := err.(*errs.Error)
	*e = x
	return ok
}
