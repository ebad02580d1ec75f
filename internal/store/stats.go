package store

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"strings"

	"github.com/legaldesk/legaldesk/internal/stats"
)

// The statistics are counted where the rows are: each figure is one
// aggregate over an indexed range of the period, the same SQL on both
// engines but for the two expressions in dialect.go.

// period is the WHERE of a time range on col, with the township test on
// townCol when the period names one.
func period(col, townCol string, b stats.Bounds) (string, []any) {
	w, args := col+" >= ? AND "+col+" < ?", []any{b.Start, b.End}
	if b.Township != "" {
		w, args = w+" AND "+townCol+" = ?", append(args, b.Township)
	}
	return w, args
}

// sitesOf joins the sites of fk only when the period names a township: a
// whole-province count never touches the sites.
func sitesOf(fk string, b stats.Bounds) string {
	if b.Township == "" {
		return ""
	}
	return " JOIN sites t ON t.id = " + fk
}

// ConsultationFigures counts bookings by appointment and walk-ins by record.
func (s *Store) ConsultationFigures(ctx context.Context, b stats.Bounds) (stats.Consultations, error) {
	var c stats.Consultations
	w, args := period("b.starts_at", "t.township", b)
	q := `SELECT COALESCE(SUM(CASE WHEN b.status <> 'cancelled' THEN 1 ELSE 0 END), 0) AS booked,
		COALESCE(SUM(CASE WHEN b.status = 'attended' THEN 1 ELSE 0 END), 0) AS attended,
		COALESCE(SUM(CASE WHEN b.status = 'no_show' THEN 1 ELSE 0 END), 0) AS no_show,
		COALESCE(SUM(CASE WHEN b.status = 'cancelled' THEN 1 ELSE 0 END), 0) AS cancelled,
		COUNT(r.booking_id) AS ratings, AVG(r.score) AS average_rating
		FROM bookings b` + sitesOf("b.site_id", b) + ` LEFT JOIN ratings r ON r.booking_id = b.id WHERE ` + w
	if err := s.db.GetContext(ctx, &c, q, args...); err != nil {
		return c, translate(err)
	}
	if c.AverageRating != nil {
		avg := math.Round(*c.AverageRating*100) / 100
		c.AverageRating = &avg
	}
	w, args = period("c.created_at", "t.township", b)
	q = `SELECT COUNT(*) AS recorded, COALESCE(SUM(CASE WHEN c.walk_in = 1 THEN 1 ELSE 0 END), 0) AS walk_ins
		FROM consultations c` + sitesOf("c.site_id", b) + ` WHERE ` + w
	err := s.db.QueryRowxContext(ctx, q, args...).Scan(&c.Recorded, &c.WalkIns)
	return c, translate(err)
}

// LegalAidFigures counts applications received (with each special group),
// applications decided and on time (Art. 43), and the approvals, refusals
// and closings the period's events record (a transition, not a note on an
// unchanged status).
func (s *Store) LegalAidFigures(ctx context.Context, b stats.Bounds, groups []string) (stats.LegalAid, error) {
	la := stats.LegalAid{ByGroup: map[string]int{}}
	cols := []string{"COUNT(*)", "COALESCE(SUM(CASE WHEN origin = 'notified' THEN 1 ELSE 0 END), 0)",
		"COALESCE(SUM(CASE WHEN special_groups <> '' THEN 1 ELSE 0 END), 0)"}
	var args []any
	for _, g := range groups {
		cols, args = append(cols, "COALESCE(SUM(CASE WHEN special_groups LIKE ? THEN 1 ELSE 0 END), 0)"), append(args, "%,"+g+",%")
	}
	w, wargs := period("created_at", "township", b)
	counts := make([]int, len(cols))
	dest := make([]any, len(cols))
	for i := range counts {
		dest[i] = &counts[i]
	}
	q := `SELECT ` + strings.Join(cols, ", ") + ` FROM legal_aid_applications WHERE ` + w
	if err := s.db.QueryRowxContext(ctx, q, append(args, wargs...)...).Scan(dest...); err != nil {
		return la, translate(err)
	}
	la.Received, la.Notified, la.SpecialGroups = counts[0], counts[1], counts[2]
	for i, g := range groups {
		la.ByGroup[g] = counts[3+i]
	}
	w, wargs = period("decided_at", "township", b)
	q = fmt.Sprintf(`SELECT COUNT(*), COALESCE(SUM(CASE WHEN %s <= %d + paused_days THEN 1 ELSE 0 END), 0)
		FROM legal_aid_applications WHERE origin = 'application' AND complete_at IS NOT NULL AND %s`,
		s.chinaDays("decided_at", "complete_at"), 7, w)
	if err := s.db.QueryRowxContext(ctx, q, wargs...).Scan(&la.Decided, &la.DecidedOnTime); err != nil {
		return la, translate(err)
	}
	w, wargs = period("e.at", "a.township", b)
	join := ""
	if b.Township != "" {
		join = " JOIN legal_aid_applications a ON a.id = e.application_id"
	}
	q = `SELECT COUNT(DISTINCT CASE WHEN e.to_status = 'approved' THEN e.application_id END),
		COUNT(DISTINCT CASE WHEN e.to_status = 'refused' THEN e.application_id END),
		COUNT(DISTINCT CASE WHEN e.to_status = 'closed' THEN e.application_id END)
		FROM legal_aid_events e` + join + `
		WHERE e.to_status IN ('approved', 'refused', 'closed') AND e.from_status <> e.to_status AND ` + w
	err := s.db.QueryRowxContext(ctx, q, wargs...).Scan(&la.Approved, &la.Refused, &la.Closed)
	return la, translate(err)
}

// NotaryFigures counts the visits done in the period and their matters.
func (s *Store) NotaryFigures(ctx context.Context, b stats.Bounds) (stats.Notary, error) {
	var n stats.Notary
	w, args := period("v.starts_at", "t.township", b)
	q := `SELECT COUNT(*) AS visits_done, COALESCE(SUM(` + s.jsonLength("v.matter_ids") + `), 0) AS matters_done,
		COALESCE(SUM(CASE WHEN v.kind = 'home' THEN 1 ELSE 0 END), 0) AS home_visits_done
		FROM notary_visits v` + sitesOf("v.site_id", b) + ` WHERE v.status = 'done' AND ` + w
	return n, translate(s.db.GetContext(ctx, &n, q, args...))
}

// AdvisorFigures counts village rooms covered on the period's last day and
// the advisors' logs of the period.
func (s *Store) AdvisorFigures(ctx context.Context, b stats.Bounds) (stats.Advisors, error) {
	var a stats.Advisors
	town, targs := "", []any{b.ToDay, b.ToDay}
	if b.Township != "" {
		town, targs = " AND t.township = ?", append(targs, b.Township)
	}
	q := `SELECT COUNT(*), COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM advisor_assignments x WHERE x.site_id = t.id
		AND x.starts_on <= ? AND COALESCE(x.ended_on, x.ends_on) >= ?) THEN 1 ELSE 0 END), 0)
		FROM sites t WHERE t.tier = 'room' AND t.active = 1` + town
	if err := s.db.QueryRowxContext(ctx, q, targs...).Scan(&a.Villages, &a.Covered); err != nil {
		return a, translate(err)
	}
	args := []any{b.FromDay, b.ToDay}
	if b.Township != "" {
		args = append(args, b.Township)
	}
	q = `SELECT COUNT(*), COALESCE(SUM(l.count), 0), COALESCE(SUM(l.people), 0), COUNT(DISTINCT l.lawyer_id)
		FROM advisor_logs l` + sitesOf("l.site_id", b) + ` WHERE l.date >= ? AND l.date <= ?` + town
	err := s.db.QueryRowxContext(ctx, q, args...).Scan(&a.Logs, &a.Services, &a.People, &a.ActiveAdvisors)
	return a, translate(err)
}

// DisputeFigures counts disputes accepted, and those closed by outcome.
func (s *Store) DisputeFigures(ctx context.Context, b stats.Bounds) (stats.Disputes, error) {
	var d stats.Disputes
	w, args := period("accepted_at", "township", b)
	if err := s.db.QueryRowxContext(ctx, `SELECT COUNT(*) FROM disputes WHERE `+w, args...).Scan(&d.Accepted); err != nil {
		return d, translate(err)
	}
	w, args = period("closed_at", "township", b)
	q := `SELECT COALESCE(SUM(CASE WHEN status = 'resolved' THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN status = 'unresolved' THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN status = 'withdrawn' THEN 1 ELSE 0 END), 0) FROM disputes WHERE ` + w
	err := s.db.QueryRowxContext(ctx, q, args...).Scan(&d.Resolved, &d.Unresolved, &d.Withdrawn)
	return d, translate(err)
}

// DemoRows reports whether the period holds any demo row (legal aid only,
// for a viewer who sees legal aid only).
func (s *Store) DemoRows(ctx context.Context, b stats.Bounds, aidOnly bool) (bool, error) {
	tests := []string{`EXISTS (SELECT 1 FROM legal_aid_applications WHERE demo = 1 AND created_at >= ? AND created_at < ?)`}
	args := []any{b.Start, b.End}
	if !aidOnly {
		for _, t := range []string{"bookings WHERE demo = 1 AND starts_at", "consultations WHERE demo = 1 AND created_at",
			"notary_visits WHERE demo = 1 AND starts_at", "disputes WHERE demo = 1 AND accepted_at"} {
			col := t[strings.LastIndex(t, " ")+1:]
			tests, args = append(tests, `EXISTS (SELECT 1 FROM `+t+` >= ? AND `+col+` < ?)`), append(args, b.Start, b.End)
		}
		tests, args = append(tests, `EXISTS (SELECT 1 FROM advisor_logs WHERE demo = 1 AND date >= ? AND date <= ?)`), append(args, b.FromDay, b.ToDay)
	}
	var n sql.NullInt64
	err := s.db.QueryRowxContext(ctx, `SELECT CASE WHEN `+strings.Join(tests, " OR ")+` THEN 1 ELSE 0 END`, args...).Scan(&n)
	return n.Int64 == 1, translate(err)
}

// LegalAidRows lists the cases received in the period, oldest first.
func (s *Store) LegalAidRows(ctx context.Context, b stats.Bounds, limit int) ([]stats.CaseRow, error) {
	w, args := period("created_at", "township", b)
	q := `SELECT code, created_at, township, name, id_sealed, phone_sealed, matter, origin, status, special_groups,
		CASE WHEN groups_confirmed_at IS NULL THEN 0 ELSE 1 END AS confirmed, decided_at, demo
		FROM legal_aid_applications WHERE ` + w + ` ORDER BY created_at, id LIMIT ?`
	out := []stats.CaseRow{}
	return out, translate(s.db.SelectContext(ctx, &out, q, append(args, limit)...))
}

// DisputeRows lists the disputes accepted in the period, oldest first.
func (s *Store) DisputeRows(ctx context.Context, b stats.Bounds, limit int) ([]stats.DisputeRow, error) {
	w, args := period("accepted_at", "township", b)
	q := `SELECT number, type, township, status, accepted_at, closed_at, demo FROM disputes WHERE ` + w + ` ORDER BY accepted_at, id LIMIT ?`
	out := []stats.DisputeRow{}
	return out, translate(s.db.SelectContext(ctx, &out, q, append(args, limit)...))
}
