package store

import (
	"context"

	"github.com/jmoiron/sqlx"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/roster"
)

// LawyerProfiles lists every lawyer by id.
func (s *Store) LawyerProfiles(ctx context.Context) ([]roster.LawyerProfile, error) {
	const q = `SELECT u.id, u.name, f.name AS firm, l.licensed_since, l.specialties, l.home_township, u.active
		FROM lawyers l JOIN users u ON u.id = l.user_id JOIN firms f ON f.id = l.firm_id ORDER BY u.id`
	out := []roster.LawyerProfile{}
	err := s.db.SelectContext(ctx, &out, q)
	return out, translate(err)
}

// Lawyers returns the active lawyers for rostering.
func (s *Store) Lawyers(ctx context.Context) (map[int64]roster.Lawyer, error) {
	const q = `SELECT u.id, u.name, l.home_township, f.name AS firm FROM lawyers l JOIN users u ON u.id = l.user_id
		JOIN firms f ON f.id = l.firm_id WHERE u.active = ?`
	var rows []struct {
		ID           int64  `db:"id"`
		Name         string `db:"name"`
		HomeTownship string `db:"home_township"`
		Firm         string `db:"firm"`
	}
	if err := s.db.SelectContext(ctx, &rows, q, true); err != nil {
		return nil, translate(err)
	}
	out := make(map[int64]roster.Lawyer, len(rows))
	for _, r := range rows {
		out[r.ID] = roster.Lawyer{ID: r.ID, Name: r.Name, HomeTownship: r.HomeTownship, Firm: r.Firm}
	}
	return out, nil
}

// RosterSites returns the active sites by id.
func (s *Store) RosterSites(ctx context.Context) (map[int64]roster.Site, error) {
	var rows []roster.Site
	err := s.db.SelectContext(ctx, &rows, `SELECT id, name, township FROM sites WHERE active = ?`, true)
	if err != nil {
		return nil, translate(err)
	}
	out := make(map[int64]roster.Site, len(rows))
	for _, r := range rows {
		out[r.ID] = r
	}
	return out, nil
}

// Pools returns each site's lawyers, in id order, active lawyers only.
func (s *Store) Pools(ctx context.Context) (map[int64][]int64, error) {
	const q = `SELECT p.site_id, p.lawyer_id FROM site_lawyers p JOIN users u ON u.id = p.lawyer_id
		WHERE u.active = ? ORDER BY p.site_id, p.lawyer_id`
	var rows []struct {
		SiteID   int64 `db:"site_id"`
		LawyerID int64 `db:"lawyer_id"`
	}
	if err := s.db.SelectContext(ctx, &rows, q, true); err != nil {
		return nil, translate(err)
	}
	out := map[int64][]int64{}
	for _, r := range rows {
		out[r.SiteID] = append(out[r.SiteID], r.LawyerID)
	}
	return out, nil
}

// SetPool replaces a site's pool; every id must be a lawyer.
func (s *Store) SetPool(ctx context.Context, actor, siteID int64, lawyers []int64) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		if err := s.ruleSite(ctx, tx, siteID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM site_lawyers WHERE site_id = ?`, siteID); err != nil {
			return err
		}
		for _, l := range lawyers {
			if _, err := tx.ExecContext(ctx, `INSERT INTO site_lawyers (site_id, lawyer_id) VALUES (?, ?)`, siteID, l); err != nil {
				if errs.Is(translate(err), errs.Invalid) || errs.Is(translate(err), errs.Conflict) {
					return errs.New(errs.Invalid, "律师不存在或重复", "unknown or repeated lawyer").
						Field("lawyer_ids", "包含不存在或重复的律师", "contains an unknown or repeated lawyer")
				}
				return err
			}
		}
		return s.audit(ctx, tx, actor, "update", "site_pool", siteID, "")
	})
}

// Absences lists leave overlapping from..to.
func (s *Store) Absences(ctx context.Context, from, to calendar.Date) ([]roster.Absence, error) {
	const q = `SELECT lawyer_id, date_from, date_to FROM absences WHERE date_to >= ? AND date_from <= ? ORDER BY id`
	var rows []struct {
		LawyerID int64         `db:"lawyer_id"`
		From     calendar.Date `db:"date_from"`
		To       calendar.Date `db:"date_to"`
	}
	if err := s.db.SelectContext(ctx, &rows, q, from, to); err != nil {
		return nil, translate(err)
	}
	out := make([]roster.Absence, len(rows))
	for i, r := range rows {
		out[i] = roster.Absence{LawyerID: r.LawyerID, From: r.From, To: r.To}
	}
	return out, nil
}

// LawyerName is the name of a lawyer's account, active or not.
func (s *Store) LawyerName(ctx context.Context, id int64) (string, error) {
	var name string
	err := s.db.GetContext(ctx, &name, `SELECT name FROM users WHERE id = ?`, id)
	return name, translate(err)
}
