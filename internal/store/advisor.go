package store

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/jmoiron/sqlx"

	"github.com/legaldesk/legaldesk/internal/advisor"
	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/network"
)

const assignmentColumns = `a.id, a.site_id, s.name AS site_name, s.township, a.lawyer_id, u.name AS lawyer_name,
	a.starts_on, a.ends_on, a.status, a.ended_on, a.end_reason, a.previous_id, a.onsite_week, a.onsite_weekday, a.created_at`

const assignmentFrom = ` FROM advisor_assignments a JOIN sites s ON s.id = a.site_id JOIN users u ON u.id = a.lawyer_id`

// Assignments lists assignments in id order.
func (s *Store) Assignments(ctx context.Context, f advisor.Filter) ([]advisor.Assignment, error) {
	where, args := []string{"1 = 1"}, []any{}
	if f.SiteID != 0 && f.ActiveOnly {
		where, args = append(where, "a.active_site_id = ?"), append(args, f.SiteID)
	} else if f.SiteID != 0 {
		where, args = append(where, "a.site_id = ?"), append(args, f.SiteID)
	}
	if f.LawyerID != 0 {
		where, args = append(where, "a.lawyer_id = ?"), append(args, f.LawyerID)
	}
	if f.Township != "" {
		where, args = append(where, "s.township = ?"), append(args, f.Township)
	}
	if f.ActiveOnly {
		where = append(where, "a.status = 'active'")
	}
	q := `SELECT ` + assignmentColumns + assignmentFrom + ` WHERE ` + strings.Join(where, " AND ") + ` ORDER BY a.id`
	out := []advisor.Assignment{}
	err := s.db.SelectContext(ctx, &out, q, args...)
	return out, translate(err)
}

// Assignment returns one assignment.
func (s *Store) Assignment(ctx context.Context, id int64) (advisor.Assignment, error) {
	var a advisor.Assignment
	err := s.db.GetContext(ctx, &a, `SELECT `+assignmentColumns+assignmentFrom+` WHERE a.id = ?`, id)
	return a, translate(err)
}

func (s *Store) findAssignment(ctx context.Context, tx *sqlx.Tx, id int64) (advisor.Assignment, error) {
	var a advisor.Assignment
	err := tx.GetContext(ctx, &a, `SELECT `+assignmentColumns+assignmentFrom+` WHERE a.id = ?`, id)
	return a, err
}

// CreateAssignments inserts ns in one transaction. The villages' rows are
// locked first (in id order), then the lawyers', so that concurrent changes
// queue instead of deadlocking; the unique key on active_site_id is what
// refuses a second active advisor.
func (s *Store) CreateAssignments(ctx context.Context, actor int64, cap int, today calendar.Date, ns []advisor.New) ([]advisor.Assignment, error) {
	var out []advisor.Assignment
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		if err := s.lockAdvisorRows(ctx, tx, ns); err != nil {
			return err
		}
		for _, n := range ns {
			a, err := s.insertAssignment(ctx, tx, actor, cap, today, n, nil)
			if err != nil {
				return err
			}
			out = append(out, a)
		}
		return nil
	})
	return out, err
}

func (s *Store) lockAdvisorRows(ctx context.Context, tx *sqlx.Tx, ns []advisor.New) error {
	var sites, lawyers []int64
	for _, n := range ns {
		sites, lawyers = append(sites, n.SiteID), append(lawyers, n.LawyerID)
	}
	slices.Sort(sites)
	slices.Sort(lawyers)
	for _, id := range slices.Compact(sites) {
		var site network.Site
		err := tx.GetContext(ctx, &site, `SELECT tier, active FROM sites WHERE id = ?`+s.forUpdate(), id)
		if isNotFound(translate(err)) || (err == nil && (site.Tier != network.Room || !site.Active)) {
			return advisor.ErrNotRoom
		}
		if err != nil {
			return err
		}
	}
	for _, id := range slices.Compact(lawyers) {
		var active bool
		const q = `SELECT u.active FROM lawyers l JOIN users u ON u.id = l.user_id WHERE l.user_id = ?`
		err := tx.GetContext(ctx, &active, q+s.forUpdate(), id)
		if isNotFound(translate(err)) || (err == nil && !active) {
			return advisor.ErrNoLawyer
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// insertAssignment closes a lapsed contract of the village, checks the
// lawyer's cap and inserts; a duplicate active village is ErrTaken.
func (s *Store) insertAssignment(ctx context.Context, tx *sqlx.Tx, actor int64, cap int, today calendar.Date, n advisor.New, prev *int64) (advisor.Assignment, error) {
	now := s.now()
	const lapse = `UPDATE advisor_assignments SET status = 'ended', active_site_id = NULL, ended_on = ends_on,
		end_reason = '聘期届满', updated_at = ? WHERE active_site_id = ? AND ends_on < ?`
	if _, err := tx.ExecContext(ctx, lapse, now, n.SiteID, today); err != nil {
		return advisor.Assignment{}, err
	}
	var load int
	const count = `SELECT COUNT(*) FROM advisor_assignments WHERE lawyer_id = ? AND status = 'active' AND ends_on >= ?`
	if err := tx.GetContext(ctx, &load, count, n.LawyerID, today); err != nil {
		return advisor.Assignment{}, err
	}
	if cap > 0 && load >= cap {
		return advisor.Assignment{}, advisor.ErrAtCap
	}
	const q = `INSERT INTO advisor_assignments (site_id, lawyer_id, active_site_id, starts_on, ends_on, status, previous_id,
		onsite_week, onsite_weekday, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'active', ?, ?, ?, ?, ?, ?)`
	res, err := tx.ExecContext(ctx, q, n.SiteID, n.LawyerID, n.SiteID, n.StartsOn, n.EndsOn, prev, n.OnSiteWeek, n.OnSiteWeekday, actor, now, now)
	if isConflict(translate(err)) {
		return advisor.Assignment{}, advisor.ErrTaken
	}
	if err != nil {
		return advisor.Assignment{}, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return advisor.Assignment{}, err
	}
	detail := fmt.Sprintf("site=%d lawyer=%d %s..%s", n.SiteID, n.LawyerID, n.StartsOn, n.EndsOn)
	if err := s.audit(ctx, tx, actor, "create", "advisor_assignment", id, detail); err != nil {
		return advisor.Assignment{}, err
	}
	return s.findAssignment(ctx, tx, id)
}

// CloseAssignment closes an active assignment and, for a replacement or a
// renewal, opens the next one pointing back to it, in one transaction.
func (s *Store) CloseAssignment(ctx context.Context, actor, id int64, status advisor.Status, on calendar.Date, reason string, cap int, next *advisor.New) (advisor.Assignment, error) {
	var out advisor.Assignment
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		old, err := s.findAssignment(ctx, tx, id)
		if err != nil {
			return err
		}
		// The village is locked as it is: a deactivated room may still
		// end its contract. A next lawyer is checked like any new one.
		var siteID int64
		if err := tx.GetContext(ctx, &siteID, `SELECT id FROM sites WHERE id = ?`+s.forUpdate(), old.SiteID); err != nil {
			return err
		}
		if next != nil {
			if err := s.lockAdvisorRows(ctx, tx, []advisor.New{*next}); err != nil {
				return err
			}
		}
		const q = `UPDATE advisor_assignments SET status = ?, active_site_id = NULL, ended_on = ?, end_reason = ?, updated_at = ?
			WHERE id = ? AND status = 'active'`
		if err := execOne(ctx, tx, q, status, on, reason, s.now(), id); err != nil {
			if isNotFound(translate(err)) {
				return advisor.ErrClosed
			}
			return err
		}
		if err := s.audit(ctx, tx, actor, string(status), "advisor_assignment", id, reason); err != nil {
			return err
		}
		if next == nil {
			out, err = s.findAssignment(ctx, tx, id)
			return err
		}
		out, err = s.insertAssignment(ctx, tx, actor, cap, on, *next, &id)
		return err
	})
	return out, err
}
