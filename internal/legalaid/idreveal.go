package legalaid

import (
	"context"
	"fmt"
)

// FullID is an application's ID numbers in full, shown on request.
type FullID struct {
	IDNumber      string `json:"id_number"`
	AidedIDNumber string `json:"aided_id_number,omitempty"`
}

// RevealID shows an application's full ID numbers to an officer (or to the
// justice bureau while an objection awaits it), and records who asked: the
// case page shows them masked, and each "show" is a read of sensitive
// personal information (PIPL Art. 28) that the audit log keeps.
func (s *Service) RevealID(ctx context.Context, v Viewer, id int64) (FullID, error) {
	if !v.officer() && v.Role != "admin" {
		return FullID{}, errNoApp
	}
	a, err := s.load(ctx, v, id)
	if err != nil {
		return FullID{}, err
	}
	var out FullID
	if out.IDNumber, err = s.Box.Open(a.IDSealed); err != nil {
		return FullID{}, fmt.Errorf("application %d: id number: %w", a.ID, err)
	}
	if a.AidedIDSealed != "" {
		if out.AidedIDNumber, err = s.Box.Open(a.AidedIDSealed); err != nil {
			return FullID{}, fmt.Errorf("application %d: aided person's id number: %w", a.ID, err)
		}
	}
	if err := s.Store.AuditReadDetail(ctx, v.ID, "legal_aid_id_number", id, "shown in full"); err != nil {
		return FullID{}, err
	}
	return out, nil
}
