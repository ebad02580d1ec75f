package store

import (
	"context"
	"strings"

	"github.com/jmoiron/sqlx"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/network"
)

// Overrides lists the calendar overrides from..to.
func (s *Store) Overrides(ctx context.Context, from, to calendar.Date) ([]calendar.Override, error) {
	const q = `SELECT id, date, site_id, kind, name, created_by, created_at FROM calendar_overrides
		WHERE date >= ? AND date <= ? ORDER BY date, id`
	out := []calendar.Override{}
	err := s.db.SelectContext(ctx, &out, q, from, to)
	return out, translate(err)
}

// LoadedYears lists the years an administrator loaded past lunar-go's data.
func (s *Store) LoadedYears(ctx context.Context) ([]int, error) {
	var years []int
	err := s.db.SelectContext(ctx, &years, `SELECT year FROM calendar_years ORDER BY year`)
	return years, translate(err)
}

// AddOverride stores an override; one per date and site.
func (s *Store) AddOverride(ctx context.Context, o *calendar.Override) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		if o.SiteID != nil {
			if _, err := s.findSite(ctx, tx, *o.SiteID); err != nil {
				return network.ErrNoSite
			}
		}
		return s.insertOverride(ctx, tx, o)
	})
}

func (s *Store) insertOverride(ctx context.Context, tx *sqlx.Tx, o *calendar.Override) error {
	o.CreatedAt = s.now()
	const q = `INSERT INTO calendar_overrides (date, site_id, kind, name, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)`
	res, err := tx.ExecContext(ctx, q, o.Date, o.SiteID, o.Kind, o.Name, o.CreatedBy, o.CreatedAt)
	if err != nil {
		if errs.Is(translate(err), errs.Conflict) {
			return errs.New(errs.Conflict, "该日期已有调整，请先删除原有调整", "that date already has an override").
				Field("date", "该日期已有调整", "already overridden")
		}
		return err
	}
	o.ID, err = res.LastInsertId()
	if err != nil {
		return err
	}
	return s.audit(ctx, tx, o.CreatedBy, "create", "calendar_override", o.ID, o.Date.String()+" "+string(o.Kind))
}

// DeleteOverride removes an override.
func (s *Store) DeleteOverride(ctx context.Context, actor, id int64) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		var o calendar.Override
		if err := tx.GetContext(ctx, &o, `SELECT id, date, site_id, kind, name, created_by, created_at FROM calendar_overrides WHERE id = ?`, id); err != nil {
			return err
		}
		if err := execOne(ctx, tx, `DELETE FROM calendar_overrides WHERE id = ?`, id); err != nil {
			return err
		}
		if o.Kind == calendar.CloseDay { // a reopened day takes bookings again
			if err := s.reopenSlots(ctx, tx, o); err != nil {
				return err
			}
		}
		return s.audit(ctx, tx, actor, "delete", "calendar_override", id, "")
	})
}

// LoadYear records a year's official holidays and make-up workdays (for a
// year past lunar-go's data) in one transaction.
func (s *Store) LoadYear(ctx context.Context, actor int64, year int, days []calendar.Override) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO calendar_years (year, loaded_by, loaded_at) VALUES (?, ?, ?)`, year, actor, s.now())
		if errs.Is(translate(err), errs.Conflict) {
			return errs.New(errs.Conflict, "该年度已载入", "that year is already loaded").Field("year", "已载入", "already loaded")
		}
		if err != nil {
			return err
		}
		for i := range days {
			days[i].CreatedBy = actor
			if err := s.insertOverride(ctx, tx, &days[i]); err != nil {
				return err
			}
		}
		return nil
	})
}

// placeholders returns "?, ?, ?" for n values.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

// int64Args turns ids into query arguments.
func int64Args(ids []int64) []any {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return args
}
