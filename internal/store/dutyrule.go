package store

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/jmoiron/sqlx"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/network"
	"github.com/legaldesk/legaldesk/internal/roster"
)

// ruleRow is a duty rule as stored: weekdays "1,3" and sessions as JSON.
type ruleRow struct {
	ID                int64          `db:"id"`
	SiteID            int64          `db:"site_id"`
	Pattern           string         `db:"pattern"`
	Weekdays          string         `db:"weekdays"`
	Nth               int            `db:"nth"`
	Sessions          string         `db:"sessions"`
	SlotMinutes       int            `db:"slot_minutes"`
	Capacity          int            `db:"capacity"`
	LawyersPerSession int            `db:"lawyers_per_session"`
	HolidayPolicy     string         `db:"holiday_policy"`
	EffectiveFrom     calendar.Date  `db:"effective_from"`
	EffectiveTo       *calendar.Date `db:"effective_to"`
	Active            bool           `db:"active"`
}

func (r ruleRow) rule() (roster.Rule, error) {
	out := roster.Rule{ID: r.ID, SiteID: r.SiteID, Pattern: roster.Pattern(r.Pattern), Nth: r.Nth,
		SlotMinutes: r.SlotMinutes, Capacity: r.Capacity, LawyersPerSession: r.LawyersPerSession,
		HolidayPolicy: roster.HolidayPolicy(r.HolidayPolicy), EffectiveFrom: r.EffectiveFrom, EffectiveTo: r.EffectiveTo, Active: r.Active}
	for _, w := range strings.Split(r.Weekdays, ",") {
		if n, err := strconv.Atoi(w); err == nil {
			out.Weekdays = append(out.Weekdays, n)
		}
	}
	return out, json.Unmarshal([]byte(r.Sessions), &out.Sessions)
}

func joinInts(xs []int) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = strconv.Itoa(x)
	}
	return strings.Join(parts, ",")
}

const ruleColumns = `id, site_id, pattern, weekdays, nth, sessions, slot_minutes, capacity, lawyers_per_session,
	holiday_policy, effective_from, effective_to, active`

// DutyRules lists the rules of the sites (all sites when none are given).
func (s *Store) DutyRules(ctx context.Context, siteIDs []int64) ([]roster.Rule, error) {
	q, args := `SELECT `+ruleColumns+` FROM duty_rules`, []any{}
	if len(siteIDs) > 0 {
		q += ` WHERE site_id IN (` + placeholders(len(siteIDs)) + `)`
		args = int64Args(siteIDs)
	}
	var rows []ruleRow
	if err := s.db.SelectContext(ctx, &rows, q+` ORDER BY site_id, id`, args...); err != nil {
		return nil, translate(err)
	}
	rules := make([]roster.Rule, 0, len(rows))
	for _, r := range rows {
		rule, err := r.rule()
		if err != nil {
			return nil, err
		}
		rules = append(rules, rule)
	}
	return rules, nil
}

// DutyRule returns one rule.
func (s *Store) DutyRule(ctx context.Context, id int64) (roster.Rule, error) {
	var row ruleRow
	if err := s.db.GetContext(ctx, &row, `SELECT `+ruleColumns+` FROM duty_rules WHERE id = ?`, id); err != nil {
		return roster.Rule{}, translate(err)
	}
	return row.rule()
}

// ruleSite checks that a rule names an active site that can have duty.
func (s *Store) ruleSite(ctx context.Context, tx *sqlx.Tx, id int64) error {
	site, err := s.findSite(ctx, tx, id)
	if err != nil || !site.Active || site.Tier == network.Mediation {
		return errs.New(errs.Invalid, "站点不存在或已停用", "unknown or deactivated site").
			Field("site_id", "站点不存在或已停用", "unknown or deactivated site")
	}
	return nil
}

// CreateDutyRule stores a checked rule.
func (s *Store) CreateDutyRule(ctx context.Context, actor int64, r *roster.Rule) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		if err := s.ruleSite(ctx, tx, r.SiteID); err != nil {
			return err
		}
		if err := s.oneActiveRule(ctx, tx, *r); err != nil {
			return err
		}
		if err := s.insertRule(ctx, tx, r); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, "create", "duty_rule", r.ID, "")
	})
}

func (s *Store) insertRule(ctx context.Context, tx *sqlx.Tx, r *roster.Rule) error {
	sessions, _ := json.Marshal(r.Sessions)
	now := s.now()
	const q = `INSERT INTO duty_rules (site_id, pattern, weekdays, nth, sessions, slot_minutes, capacity, lawyers_per_session,
		holiday_policy, effective_from, effective_to, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	res, err := tx.ExecContext(ctx, q, r.SiteID, r.Pattern, joinInts(r.Weekdays), r.Nth, string(sessions), r.SlotMinutes,
		r.Capacity, r.LawyersPerSession, r.HolidayPolicy, r.EffectiveFrom, r.EffectiveTo, r.Active, now, now)
	if err != nil {
		return err
	}
	r.ID, err = res.LastInsertId()
	return err
}

// UpdateDutyRule applies change (which validates) and saves, in one transaction.
func (s *Store) UpdateDutyRule(ctx context.Context, actor, id int64, change func(*roster.Rule) error) (roster.Rule, error) {
	var r roster.Rule
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		var row ruleRow
		if err := tx.GetContext(ctx, &row, `SELECT `+ruleColumns+` FROM duty_rules WHERE id = ?`+s.forUpdate(), id); err != nil {
			return err
		}
		var err error
		if r, err = row.rule(); err != nil {
			return err
		}
		if err := change(&r); err != nil {
			return err
		}
		if err := s.ruleSite(ctx, tx, r.SiteID); err != nil {
			return err
		}
		if err := s.oneActiveRule(ctx, tx, r); err != nil {
			return err
		}
		sessions, _ := json.Marshal(r.Sessions)
		const q = `UPDATE duty_rules SET site_id = ?, pattern = ?, weekdays = ?, nth = ?, sessions = ?, slot_minutes = ?, capacity = ?,
			lawyers_per_session = ?, holiday_policy = ?, effective_from = ?, effective_to = ?, active = ?, updated_at = ? WHERE id = ?`
		if err := execOne(ctx, tx, q, r.SiteID, r.Pattern, joinInts(r.Weekdays), r.Nth, string(sessions), r.SlotMinutes, r.Capacity,
			r.LawyersPerSession, r.HolidayPolicy, r.EffectiveFrom, r.EffectiveTo, r.Active, s.now(), id); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, "update", "duty_rule", id, "")
	})
	return r, err
}

// oneActiveRule refuses a second active rule for a site over the same
// dates: their sessions would claim the same duty seats.
func (s *Store) oneActiveRule(ctx context.Context, tx *sqlx.Tx, r roster.Rule) error {
	if !r.Active {
		return nil
	}
	const q = `SELECT effective_from, effective_to FROM duty_rules WHERE site_id = ? AND active = ? AND id <> ?`
	var others []struct {
		From calendar.Date  `db:"effective_from"`
		To   *calendar.Date `db:"effective_to"`
	}
	if err := tx.SelectContext(ctx, &others, q, r.SiteID, true, r.ID); err != nil {
		return err
	}
	for _, o := range others {
		startsBeforeOtherEnds := o.To == nil || !r.EffectiveFrom.After(*o.To)
		endsAfterOtherStarts := r.EffectiveTo == nil || !r.EffectiveTo.Before(o.From)
		if startsBeforeOtherEnds && endsAfterOtherStarts {
			return errs.New(errs.Conflict, "该站点在这段时间已有启用的值班规则，请先停用或修改原规则", "the site already has an active rule for these dates").
				Field("site_id", "已有启用的值班规则", "already has an active rule")
		}
	}
	return nil
}
