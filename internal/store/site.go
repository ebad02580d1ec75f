package store

import (
	"context"
	"strings"

	"github.com/jmoiron/sqlx"

	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/network"
)

const siteColumns = `id, name, tier, parent_id, township, address, phone, opening_hours, lat, lng, active, sample`

// Site returns one site.
func (s *Store) Site(ctx context.Context, id int64) (network.Site, error) {
	var site network.Site
	err := s.db.GetContext(ctx, &site, `SELECT `+siteColumns+` FROM sites WHERE id = ?`, id)
	return site, translate(err)
}

// Sites lists sites in id order after f.AfterID.
func (s *Store) Sites(ctx context.Context, f network.Filter) ([]network.Site, error) {
	var where []string
	var args []any
	add := func(cond string, arg any) {
		where = append(where, cond)
		args = append(args, arg)
	}
	if f.Tier != "" {
		add("tier = ?", f.Tier)
	}
	if f.Township != "" {
		add("township = ?", f.Township)
	}
	if f.ParentID != 0 {
		add("parent_id = ?", f.ParentID)
	}
	if f.Query != "" {
		add("name LIKE ? ESCAPE '!'", "%"+escapeLike(f.Query)+"%")
	}
	if f.ActiveOnly {
		add("active = ?", true)
	}
	add("id > ?", f.AfterID)
	q := `SELECT ` + siteColumns + ` FROM sites WHERE ` + strings.Join(where, " AND ") + ` ORDER BY id LIMIT ?`
	args = append(args, f.Limit)
	sites := []network.Site{}
	err := s.db.SelectContext(ctx, &sites, q, args...)
	return sites, translate(err)
}

// escapeLike makes s match itself in a LIKE pattern written with
// ESCAPE '!'. A backslash, the usual escape, is spelled '\\' in MySQL's
// strings and '\' in SQLite's, so no one spelling of it serves both.
func escapeLike(s string) string {
	return strings.NewReplacer(`!`, `!!`, `%`, `!%`, `_`, `!_`).Replace(s)
}

func (s *Store) findSite(ctx context.Context, tx *sqlx.Tx, id int64) (network.Site, error) {
	var site network.Site
	err := tx.GetContext(ctx, &site, `SELECT `+siteColumns+` FROM sites WHERE id = ?`+s.forUpdate(), id)
	return site, err
}

// parentOf loads the parent named by a site, as a field error if missing.
func (s *Store) parentOf(ctx context.Context, tx *sqlx.Tx, site network.Site) (*network.Site, error) {
	if site.ParentID == nil {
		return nil, nil
	}
	p, err := s.findSite(ctx, tx, *site.ParentID)
	if errs.Is(translate(err), errs.NotFound) {
		return nil, errs.New(errs.Invalid, "上级站点不存在", "the parent site does not exist").
			Field("parent_id", "上级站点不存在", "no such site")
	}
	return &p, err
}

// CreateSite checks the site against its parent and inserts it.
func (s *Store) CreateSite(ctx context.Context, actor int64, site *network.Site, check func(network.Site, *network.Site) error) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		parent, err := s.parentOf(ctx, tx, *site)
		if err != nil {
			return err
		}
		if err := check(*site, parent); err != nil {
			return err
		}
		if err := s.insertSite(ctx, tx, site); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, "create", "site", site.ID, site.Name)
	})
}

func (s *Store) insertSite(ctx context.Context, tx *sqlx.Tx, site *network.Site) error {
	const q = `INSERT INTO sites (name, tier, parent_id, township, address, phone, opening_hours, lat, lng, active, sample, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	now := s.now()
	res, err := tx.ExecContext(ctx, q, site.Name, site.Tier, site.ParentID, site.Township, site.Address, site.Phone,
		site.OpeningHours, site.Lat, site.Lng, site.Active, site.Sample, now, now)
	if err != nil {
		return err
	}
	site.ID, err = res.LastInsertId()
	return err
}

// UpdateSite applies change, re-checks the tree and saves, in one transaction.
// A site with active children cannot be deactivated.
func (s *Store) UpdateSite(ctx context.Context, actor, id int64, change func(*network.Site) error, check func(network.Site, *network.Site) error) (network.Site, error) {
	var site network.Site
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		var err error
		if site, err = s.findSite(ctx, tx, id); err != nil {
			return err
		}
		wasActive := site.Active
		if err := change(&site); err != nil {
			return err
		}
		parent, err := s.parentOf(ctx, tx, site)
		if err != nil {
			return err
		}
		if err := check(site, parent); err != nil {
			return err
		}
		if wasActive && !site.Active {
			if err := s.noActiveChildren(ctx, tx, id); err != nil {
				return err
			}
		}
		const q = `UPDATE sites SET name = ?, parent_id = ?, township = ?, address = ?, phone = ?, opening_hours = ?,
			lat = ?, lng = ?, active = ?, updated_at = ? WHERE id = ?`
		err = execOne(ctx, tx, q, site.Name, site.ParentID, site.Township, site.Address, site.Phone,
			site.OpeningHours, site.Lat, site.Lng, site.Active, s.now(), id)
		if err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, "update", "site", id, site.Name)
	})
	return site, err
}

func (s *Store) noActiveChildren(ctx context.Context, tx *sqlx.Tx, id int64) error {
	var n int
	if err := tx.GetContext(ctx, &n, `SELECT COUNT(*) FROM sites WHERE parent_id = ? AND active = ?`, id, true); err != nil {
		return err
	}
	if n > 0 {
		return errs.New(errs.Conflict, "该站点下仍有启用的下级站点，请先停用下级站点", "deactivate the site's active children first").
			Field("active", "仍有启用的下级站点", "has active children")
	}
	return nil
}
