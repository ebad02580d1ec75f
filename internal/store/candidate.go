package store

import (
	"context"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/legalaid"
)

// Candidates are the active lawyers with their firm, practice start,
// specialties and open legal-aid cases.
func (s *Store) Candidates(ctx context.Context) ([]legalaid.Candidate, error) {
	const q = `SELECT u.id AS lawyer_id, u.name, l.firm_id, f.name AS firm, l.licensed_since, l.specialties,
		(SELECT COUNT(*) FROM legal_aid_applications a WHERE a.lawyer_id = u.id AND a.status = 'assigned') AS open_cases
		FROM lawyers l JOIN users u ON u.id = l.user_id JOIN firms f ON f.id = l.firm_id WHERE u.active = ? ORDER BY u.id`
	var rows []struct {
		LawyerID      int64         `db:"lawyer_id"`
		Name          string        `db:"name"`
		FirmID        int64         `db:"firm_id"`
		Firm          string        `db:"firm"`
		LicensedSince calendar.Date `db:"licensed_since"`
		Specialties   string        `db:"specialties"`
		OpenCases     int           `db:"open_cases"`
	}
	if err := s.db.SelectContext(ctx, &rows, q, true); err != nil {
		return nil, translate(err)
	}
	out := make([]legalaid.Candidate, len(rows))
	for i, r := range rows {
		out[i] = legalaid.Candidate{LawyerID: r.LawyerID, Name: r.Name, FirmID: r.FirmID, Firm: r.Firm,
			LicensedSince: r.LicensedSince, Specialties: r.Specialties, OpenCases: r.OpenCases}
	}
	return out, nil
}

// PriorClients are the people lawyers and firms acted for: legal-aid
// applicants of earlier cases, and the firms' own client records.
func (s *Store) PriorClients(ctx context.Context) ([]legalaid.PriorClient, error) {
	const q = `SELECT a.lawyer_id, l.firm_id, a.name AS client FROM legal_aid_applications a JOIN lawyers l ON l.user_id = a.lawyer_id
		WHERE a.lawyer_id IS NOT NULL
		UNION ALL SELECT COALESCE(lawyer_id, 0), firm_id, client FROM firm_clients`
	var rows []struct {
		LawyerID int64  `db:"lawyer_id"`
		FirmID   int64  `db:"firm_id"`
		Client   string `db:"client"`
	}
	if err := s.db.SelectContext(ctx, &rows, q); err != nil {
		return nil, translate(err)
	}
	out := make([]legalaid.PriorClient, len(rows))
	for i, r := range rows {
		out[i] = legalaid.PriorClient{LawyerID: r.LawyerID, FirmID: r.FirmID, Client: r.Client}
	}
	return out, nil
}

// AddFirmClient records that a firm (or one of its lawyers) acted for a client.
func (s *Store) AddFirmClient(ctx context.Context, firmID, lawyerID int64, client string) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO firm_clients (firm_id, lawyer_id, client) VALUES (?, ?, ?)`, firmID, nullID(lawyerID), client)
	return translate(err)
}
