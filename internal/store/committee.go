package store

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/legaldesk/legaldesk/internal/mediation"
)

const committeeColumns = `id, name, kind, township, site_id, active, sample`

// MediationCommittees lists the active committees (all: retired ones too):
// township ones first, then villages, then trades, each by township and id.
func (s *Store) MediationCommittees(ctx context.Context, all bool) ([]mediation.Committee, error) {
	q := `SELECT ` + committeeColumns + ` FROM mediation_committees`
	if !all {
		q += ` WHERE active = 1`
	}
	q += ` ORDER BY CASE kind WHEN 'township' THEN 0 WHEN 'village' THEN 1 ELSE 2 END, township, id`
	out := []mediation.Committee{}
	err := s.db.SelectContext(ctx, &out, q)
	return out, translate(err)
}

// AddMediationCommittee registers a committee, audited.
func (s *Store) AddMediationCommittee(ctx context.Context, c *mediation.Committee, actor int64) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		cs := []mediation.Committee{*c}
		if err := insertCommittees(ctx, tx, cs, s.now()); err != nil {
			return err
		}
		c.ID = cs[0].ID
		return s.audit(ctx, tx, actor, "create", "mediation_committee", c.ID, c.Name)
	})
}

// UpdateMediationCommittee changes a committee, audited.
func (s *Store) UpdateMediationCommittee(ctx context.Context, c mediation.Committee, actor int64) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		const q = `UPDATE mediation_committees SET name = ?, kind = ?, township = ?, site_id = ?, active = ?, updated_at = ? WHERE id = ?`
		if err := execOne(ctx, tx, q, c.Name, c.Kind, c.Township, c.SiteID, c.Active, s.now(), c.ID); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, "update", "mediation_committee", c.ID, c.Name)
	})
}

// MediationCommittee returns one committee.
func (s *Store) MediationCommittee(ctx context.Context, id int64) (mediation.Committee, error) {
	var c mediation.Committee
	err := s.db.GetContext(ctx, &c, `SELECT `+committeeColumns+` FROM mediation_committees WHERE id = ?`, id)
	return c, translate(err)
}

// AddMediationCommittees inserts committees (the demo's, or an import).
func (s *Store) AddMediationCommittees(ctx context.Context, cs []mediation.Committee, at time.Time) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error { return insertCommittees(ctx, tx, cs, at) })
}

func insertCommittees(ctx context.Context, tx *sqlx.Tx, cs []mediation.Committee, at time.Time) error {
	const q = `INSERT INTO mediation_committees (name, kind, township, site_id, active, sample, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
	for i := range cs {
		c := &cs[i]
		res, err := tx.ExecContext(ctx, q, c.Name, c.Kind, c.Township, c.SiteID, c.Active, c.Sample, at.UTC(), at.UTC())
		if err != nil {
			return err
		}
		if c.ID, err = res.LastInsertId(); err != nil {
			return err
		}
	}
	return nil
}

// MediationRooms lists the active dispatched mediation rooms.
func (s *Store) MediationRooms(ctx context.Context) ([]mediation.Room, error) {
	out := []mediation.Room{}
	err := s.db.SelectContext(ctx, &out, `SELECT id, name FROM sites WHERE tier = 'mediation' AND active = 1 ORDER BY id`)
	return out, translate(err)
}

// MediationRoom returns an active dispatched mediation room.
func (s *Store) MediationRoom(ctx context.Context, id int64) (mediation.Room, error) {
	var r mediation.Room
	err := s.db.GetContext(ctx, &r, `SELECT id, name FROM sites WHERE id = ? AND tier = 'mediation' AND active = 1`, id)
	return r, translate(err)
}

// KnownTownship reports whether any site lies in the township.
func (s *Store) KnownTownship(ctx context.Context, name string) (bool, error) {
	var n int
	err := s.db.GetContext(ctx, &n, `SELECT COUNT(*) FROM sites WHERE township = ? AND tier = 'station'`, name)
	return n > 0, translate(err)
}

const referralSelect = `SELECT c.id, c.category, c.summary, s.name AS site_name, s.township, COALESCE(l.name, '') AS lawyer_name,
	c.created_at, CASE WHEN r.id IS NULL THEN c.visitor ELSE r.name END AS person_name, COALESCE(r.phone_sealed, '') AS phone_sealed
	FROM consultations c JOIN sites s ON s.id = c.site_id LEFT JOIN users l ON l.id = c.lawyer_id
	LEFT JOIN users r ON r.id = c.resident_id
	WHERE c.referral = 'mediation' AND NOT EXISTS (SELECT 1 FROM disputes d WHERE d.consultation_id = c.id)`

// MediationReferrals lists the consultations referred to mediation that no
// dispute has taken up, newest first.
func (s *Store) MediationReferrals(ctx context.Context) ([]mediation.Referral, error) {
	out := []mediation.Referral{}
	err := s.db.SelectContext(ctx, &out, referralSelect+` ORDER BY c.id DESC LIMIT 200`)
	return out, translate(err)
}

// MediationReferral returns one waiting referral.
func (s *Store) MediationReferral(ctx context.Context, consultationID int64) (mediation.Referral, error) {
	var r mediation.Referral
	err := s.db.GetContext(ctx, &r, referralSelect+` AND c.id = ?`, consultationID)
	return r, translate(err)
}

// DisputeOrigin is the consultation a dispute came from.
func (s *Store) DisputeOrigin(ctx context.Context, consultationID int64) (mediation.Origin, error) {
	const q = `SELECT c.id, c.category, c.summary, s.name AS site_name, s.township, COALESCE(l.name, '') AS lawyer_name, c.created_at
		FROM consultations c JOIN sites s ON s.id = c.site_id LEFT JOIN users l ON l.id = c.lawyer_id WHERE c.id = ?`
	var o mediation.Origin
	err := s.db.GetContext(ctx, &o, q, consultationID)
	return o, translate(err)
}
