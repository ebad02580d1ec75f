package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/legaldesk/legaldesk/internal/advisor"
	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/network"
)

// CreateAssignments inserts ns in one transaction. The villages' rows are
// locked first (in id order), then the lawyers', so that concurrent changes
// queue instead of deadlocking; the unique key on active_site_id is what
// refuses a second active advisor. A whole auto-assign is a handful of
// statements, not a few per village: on a networked database the round
// trips would otherwise be most of its time.
func (s *Store) CreateAssignments(ctx context.Context, actor int64, cap int, today calendar.Date, ns []advisor.New) ([]advisor.Assignment, error) {
	var out []advisor.Assignment
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		if err := s.lockAdvisorRows(ctx, tx, ns); err != nil {
			return err
		}
		var err error
		out, err = s.insertAssignments(ctx, tx, actor, cap, today, ns, nil)
		return err
	})
	return out, err
}

// inList returns "?, ?, …" for ids and the ids as arguments.
func inList(ids []int64) (string, []any) { return placeholders(len(ids)), int64Args(ids) }

func idsOf(ns []advisor.New) (sites, lawyers []int64) {
	for _, n := range ns {
		sites, lawyers = append(sites, n.SiteID), append(lawyers, n.LawyerID)
	}
	slices.Sort(sites)
	slices.Sort(lawyers)
	return slices.Compact(sites), slices.Compact(lawyers)
}

func (s *Store) lockAdvisorRows(ctx context.Context, tx *sqlx.Tx, ns []advisor.New) error {
	siteIDs, lawyerIDs := idsOf(ns)
	marks, args := inList(siteIDs)
	var sites []network.Site
	q := `SELECT id, tier, active FROM sites WHERE id IN (` + marks + `) ORDER BY id` + s.forUpdate()
	if err := tx.SelectContext(ctx, &sites, q, args...); err != nil {
		return err
	}
	if len(sites) != len(siteIDs) || slices.ContainsFunc(sites, func(x network.Site) bool { return x.Tier != network.Room || !x.Active }) {
		return advisor.ErrNotRoom
	}
	marks, args = inList(lawyerIDs)
	var active []bool
	q = `SELECT u.active FROM lawyers l JOIN users u ON u.id = l.user_id WHERE l.user_id IN (` + marks + `) ORDER BY l.user_id` + s.forUpdate()
	if err := tx.SelectContext(ctx, &active, q, args...); err != nil {
		return err
	}
	if len(active) != len(lawyerIDs) || slices.Contains(active, false) {
		return advisor.ErrNoLawyer
	}
	return nil
}

// insertAssignments closes lapsed contracts of the villages, checks each
// lawyer's cap and inserts; a village with an active advisor is ErrTaken.
func (s *Store) insertAssignments(ctx context.Context, tx *sqlx.Tx, actor int64, cap int, today calendar.Date, ns []advisor.New, prev *int64) ([]advisor.Assignment, error) {
	siteIDs, lawyerIDs := idsOf(ns)
	now := s.now()
	marks, args := inList(siteIDs)
	lapse := `UPDATE advisor_assignments SET status = 'ended', active_site_id = NULL, ended_on = ends_on,
		end_reason = '聘期届满', updated_at = ? WHERE active_site_id IN (` + marks + `) AND ends_on < ?`
	if _, err := tx.ExecContext(ctx, lapse, append(append([]any{now}, args...), today)...); err != nil {
		return nil, err
	}
	if err := s.checkCaps(ctx, tx, cap, today, ns, lawyerIDs); err != nil {
		return nil, err
	}
	for start := 0; start < len(ns); start += 200 {
		batch := ns[start:min(start+200, len(ns))]
		rows, vals := make([]string, len(batch)), make([]any, 0, 11*len(batch))
		for i, n := range batch {
			rows[i] = "(?, ?, ?, ?, ?, 'active', ?, ?, ?, ?, ?, ?)"
			vals = append(vals, n.SiteID, n.LawyerID, n.SiteID, n.StartsOn, n.EndsOn, prev, n.OnSiteWeek, n.OnSiteWeekday, actor, now, now)
		}
		q := `INSERT INTO advisor_assignments (site_id, lawyer_id, active_site_id, starts_on, ends_on, status, previous_id,
			onsite_week, onsite_weekday, created_by, created_at, updated_at) VALUES ` + strings.Join(rows, ", ")
		if _, err := tx.ExecContext(ctx, q, vals...); err != nil {
			if isConflict(translate(err)) {
				return nil, advisor.ErrTaken
			}
			return nil, err
		}
	}
	// The new rows are the villages' active ones: the unique key says so.
	var out []advisor.Assignment
	q := `SELECT ` + assignmentColumns + assignmentFrom + ` WHERE a.active_site_id IN (` + marks + `) ORDER BY a.id`
	if err := tx.SelectContext(ctx, &out, q, args...); err != nil {
		return nil, err
	}
	return out, s.auditAssignments(ctx, tx, actor, now, out)
}

// checkCaps counts each lawyer's active villages once and refuses the
// batch if any lawyer would pass the cap.
func (s *Store) checkCaps(ctx context.Context, tx *sqlx.Tx, cap int, today calendar.Date, ns []advisor.New, lawyerIDs []int64) error {
	if cap <= 0 {
		return nil
	}
	marks, args := inList(lawyerIDs)
	var loads []struct {
		LawyerID int64 `db:"lawyer_id"`
		N        int   `db:"n"`
	}
	q := `SELECT lawyer_id, COUNT(*) AS n FROM advisor_assignments WHERE lawyer_id IN (` + marks + `)
		AND status = 'active' AND ends_on >= ? GROUP BY lawyer_id`
	if err := tx.SelectContext(ctx, &loads, q, append(args, today)...); err != nil {
		return err
	}
	load := map[int64]int{}
	for _, l := range loads {
		load[l.LawyerID] = l.N
	}
	for _, n := range ns {
		if load[n.LawyerID]++; load[n.LawyerID] > cap {
			return advisor.ErrAtCap
		}
	}
	return nil
}

// auditAssignments writes one audit line per new assignment, in batches.
func (s *Store) auditAssignments(ctx context.Context, tx *sqlx.Tx, actor int64, now time.Time, as []advisor.Assignment) error {
	for start := 0; start < len(as); start += 200 {
		batch := as[start:min(start+200, len(as))]
		rows, vals := make([]string, len(batch)), make([]any, 0, 6*len(batch))
		for i, a := range batch {
			rows[i] = "(?, 'create', 'advisor_assignment', ?, ?, ?)"
			vals = append(vals, sql.NullInt64{Int64: actor, Valid: actor != 0}, a.ID, fmt.Sprintf("site=%d lawyer=%d %s..%s", a.SiteID, a.LawyerID, a.StartsOn, a.EndsOn), now)
		}
		q := `INSERT INTO audit_log (user_id, action, object, object_id, detail, at) VALUES ` + strings.Join(rows, ", ")
		if _, err := tx.ExecContext(ctx, q, vals...); err != nil {
			return err
		}
	}
	return nil
}
