package store

import (
	"context"
	"strings"

	"github.com/jmoiron/sqlx"

	"github.com/legaldesk/legaldesk/internal/advisor"
)

// SeedAdvisor is an active advisor contract for Sites[Site], held by Lawyers[Lawyer].
type SeedAdvisor struct {
	Site, Lawyer int
	advisor.New
}

// SeedAdvisorLog is a service entry by Lawyers[Lawyer] in Sites[Site].
type SeedAdvisorLog struct {
	Site, Lawyer int
	Log          advisor.Log
}

func (s *Store) seedAdvisors(ctx context.Context, tx *sqlx.Tx, d Seed, siteIDs []int64) error {
	lawyer := func(i int) int64 { return d.Users[d.Lawyers[i].User].ID }
	now := s.now()
	const q = `INSERT INTO advisor_assignments (site_id, lawyer_id, active_site_id, starts_on, ends_on, status,
		onsite_week, onsite_weekday, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'active', ?, ?, 0, ?, ?)`
	for _, a := range d.Advisors {
		site := siteIDs[a.Site]
		if _, err := tx.ExecContext(ctx, q, site, lawyer(a.Lawyer), site, a.StartsOn, a.EndsOn, a.OnSiteWeek, a.OnSiteWeekday, now, now); err != nil {
			return err
		}
	}
	// Many rows per statement: a round trip per log would slow every test
	// that seeds the demo on a networked database.
	const lq = `INSERT INTO advisor_logs (lawyer_id, site_id, date, kind, count, people, notes, demo, created_at) VALUES `
	for start := 0; start < len(d.AdvisorLogs); start += 200 {
		batch := d.AdvisorLogs[start:min(start+200, len(d.AdvisorLogs))]
		rows, args := make([]string, len(batch)), make([]any, 0, 8*len(batch))
		for i, g := range batch {
			l := g.Log
			rows[i] = "(?, ?, ?, ?, ?, ?, ?, 1, ?)" // the seed is demo data
			args = append(args, lawyer(g.Lawyer), siteIDs[g.Site], l.Date, l.Kind, l.Count, l.People, l.Notes, now)
		}
		if _, err := tx.ExecContext(ctx, lq+strings.Join(rows, ", "), args...); err != nil {
			return err
		}
	}
	return nil
}
