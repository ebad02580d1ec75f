package store

import (
	"context"
	"strings"

	"github.com/jmoiron/sqlx"

	"github.com/legaldesk/legaldesk/internal/advisor"
	"github.com/legaldesk/legaldesk/internal/calendar"
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
		as, err := s.insertAssignments(ctx, tx, actor, cap, on, []advisor.New{*next}, &id)
		if err == nil {
			out = as[0]
		}
		return err
	})
	return out, err
}
