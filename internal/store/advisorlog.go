package store

import (
	"context"
	"strings"

	"github.com/jmoiron/sqlx"

	"github.com/legaldesk/legaldesk/internal/account"
	"github.com/legaldesk/legaldesk/internal/advisor"
	"github.com/legaldesk/legaldesk/internal/network"
)

// AdvisorVillages lists the active village rooms.
func (s *Store) AdvisorVillages(ctx context.Context) ([]advisor.Village, error) {
	const q = `SELECT id, name, township FROM sites WHERE tier = ? AND active = ? ORDER BY id`
	out := []advisor.Village{}
	err := s.db.SelectContext(ctx, &out, q, network.Room, true)
	return out, translate(err)
}

// AdvisorLawyers lists the active lawyers with their firms.
func (s *Store) AdvisorLawyers(ctx context.Context) ([]advisor.Lawyer, error) {
	const q = `SELECT u.id, u.name, l.home_township, l.firm_id, f.name AS firm_name, l.work_phone
		FROM lawyers l JOIN users u ON u.id = l.user_id JOIN firms f ON f.id = l.firm_id
		WHERE u.active = ? ORDER BY u.id`
	out := []advisor.Lawyer{}
	err := s.db.SelectContext(ctx, &out, q, true)
	return out, translate(err)
}

// AddLog records one entry of an advisor's service.
func (s *Store) AddLog(ctx context.Context, l *advisor.Log) error {
	const q = `INSERT INTO advisor_logs (lawyer_id, site_id, date, kind, count, people, notes, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
	l.CreatedAt = s.now()
	res, err := s.db.ExecContext(ctx, q, l.LawyerID, l.SiteID, l.Date, l.Kind, l.Count, l.People, l.Notes, l.CreatedAt)
	if err != nil {
		return translate(err)
	}
	l.ID, err = res.LastInsertId()
	return err
}

// Logs lists entries from..to, by date then id.
func (s *Store) Logs(ctx context.Context, f advisor.LogFilter) ([]advisor.Log, error) {
	where, args := []string{"g.date >= ?", "g.date <= ?"}, []any{f.From, f.To}
	if f.LawyerID != 0 {
		where, args = append(where, "g.lawyer_id = ?"), append(args, f.LawyerID)
	}
	if f.SiteID != 0 {
		where, args = append(where, "g.site_id = ?"), append(args, f.SiteID)
	}
	q := `SELECT ` + logColumns + ` FROM advisor_logs g JOIN sites s ON s.id = g.site_id WHERE ` + strings.Join(where, " AND ") + ` ORDER BY g.date, g.id`
	out := []advisor.Log{}
	err := s.db.SelectContext(ctx, &out, q, args...)
	for i := range out {
		out[i].HasPhoto = out[i].Photo != ""
	}
	return out, translate(err)
}

const logColumns = `g.id, g.lawyer_id, g.site_id, s.name AS site_name, s.township, g.date, g.kind, g.count, g.people, g.notes,
	g.photo, g.photo_type, g.created_at`

// Log returns one entry.
func (s *Store) Log(ctx context.Context, id int64) (advisor.Log, error) {
	var l advisor.Log
	err := s.db.GetContext(ctx, &l, `SELECT `+logColumns+` FROM advisor_logs g JOIN sites s ON s.id = g.site_id WHERE g.id = ?`, id)
	l.HasPhoto = l.Photo != ""
	return l, translate(err)
}

// SetLogPhoto records an entry's photo.
func (s *Store) SetLogPhoto(ctx context.Context, id int64, name, ctype string) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		return execOne(ctx, tx, `UPDATE advisor_logs SET photo = ?, photo_type = ? WHERE id = ?`, name, ctype, id)
	})
}

// ClaimReminder records an ending contract's reminder; false when it was
// already recorded.
func (s *Store) ClaimReminder(ctx context.Context, assignmentID int64) (bool, error) {
	_, err := s.db.ExecContext(ctx, `INSERT INTO advisor_reminders (assignment_id, sent_at) VALUES (?, ?)`, assignmentID, s.now())
	if err = translate(err); isConflict(err) {
		return false, nil
	}
	return err == nil, err
}

// BureauUsers are the active administrators: the justice bureau.
func (s *Store) BureauUsers(ctx context.Context) ([]int64, error) {
	var ids []int64
	err := s.db.SelectContext(ctx, &ids, `SELECT id FROM users WHERE role = ? AND active = ? ORDER BY id`, account.Admin, true)
	return ids, translate(err)
}

var _ advisor.Store = (*Store)(nil)
