package store

import (
	"context"

	"github.com/legaldesk/legaldesk/internal/roster"
)

// ShiftViews lists shifts with site and lawyer names.
func (s *Store) ShiftViews(ctx context.Context, f roster.ShiftFilter) ([]roster.ShiftView, error) {
	shifts, err := s.Shifts(ctx, f)
	if err != nil || len(shifts) == 0 {
		return []roster.ShiftView{}, err
	}
	sites, names, err := s.namesFor(ctx, shifts)
	if err != nil {
		return nil, err
	}
	out := make([]roster.ShiftView, len(shifts))
	for i, sh := range shifts {
		site := sites[sh.SiteID]
		out[i] = roster.ShiftView{Shift: sh, SiteName: site.Name, SiteAddress: site.Address, Township: site.Township, LawyerName: names[sh.LawyerID]}
	}
	return out, nil
}

type siteNames struct {
	ID       int64  `db:"id"`
	Name     string `db:"name"`
	Address  string `db:"address"`
	Township string `db:"township"`
}

// namesFor loads the sites and lawyers the shifts mention, two queries in all.
func (s *Store) namesFor(ctx context.Context, shifts []roster.Shift) (map[int64]siteNames, map[int64]string, error) {
	var siteIDs, lawyerIDs []int64
	seen := map[int64]bool{}
	for _, sh := range shifts {
		if !seen[sh.SiteID] {
			seen[sh.SiteID] = true
			siteIDs = append(siteIDs, sh.SiteID)
		}
		if sh.LawyerID != 0 && !seen[-sh.LawyerID] {
			seen[-sh.LawyerID] = true
			lawyerIDs = append(lawyerIDs, sh.LawyerID)
		}
	}
	var rows []siteNames
	q := `SELECT id, name, address, township FROM sites WHERE id IN (` + placeholders(len(siteIDs)) + `)`
	if err := s.db.SelectContext(ctx, &rows, q, int64Args(siteIDs)...); err != nil {
		return nil, nil, translate(err)
	}
	sites := map[int64]siteNames{}
	for _, r := range rows {
		sites[r.ID] = r
	}
	names := map[int64]string{}
	if len(lawyerIDs) > 0 {
		var users []struct {
			ID   int64  `db:"id"`
			Name string `db:"name"`
		}
		q := `SELECT id, name FROM users WHERE id IN (` + placeholders(len(lawyerIDs)) + `)`
		if err := s.db.SelectContext(ctx, &users, q, int64Args(lawyerIDs)...); err != nil {
			return nil, nil, translate(err)
		}
		for _, u := range users {
			names[u.ID] = u.Name
		}
	}
	return sites, names, nil
}
