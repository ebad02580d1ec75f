package store

import (
	"context"

	"github.com/legaldesk/legaldesk/internal/legalaid"
)

// ApplicationByNumber finds an application by its number and the blind
// index of the applicant's or the aided person's ID number, both in one
// query: a wrong pair and an unknown number are the same not_found.
func (s *Store) ApplicationByNumber(ctx context.Context, code, idIndex string) (legalaid.Application, error) {
	var a legalaid.Application
	err := s.db.GetContext(ctx, &a, `SELECT `+appColumns+` FROM legal_aid_applications
		WHERE code = ? AND (id_index = ? OR aided_id_index = ?)`, code, idIndex, idIndex)
	localApp(&a)
	return a, translate(err)
}
