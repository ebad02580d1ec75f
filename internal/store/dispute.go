package store

import (
	"context"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/mediation"
)

const disputeSelect = `SELECT d.id, d.number, d.type, d.summary, d.township, d.status, d.source, d.consultation_id,
	d.committee_id, COALESCE(c.name, '') AS committee_name, d.room_site_id, COALESCE(r.name, '') AS room_name,
	d.accepted_at, d.due_at, d.closed_at, d.agreement_date, d.agreement, d.referred_to, d.close_note, d.created_by,
	d.demo, d.created_at, d.updated_at
	FROM disputes d LEFT JOIN mediation_committees c ON c.id = d.committee_id LEFT JOIN sites r ON r.id = d.room_site_id`

const partyColumns = `dispute_id, role, name_sealed, phone_sealed, id_sealed, position`

// CreateDispute inserts a dispute, its parties and its first events in one
// transaction; a second dispute for one consultation breaks the UNIQUE key.
func (s *Store) CreateDispute(ctx context.Context, d *mediation.Dispute, events []mediation.Event) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		const q = `INSERT INTO disputes (number, type, summary, township, status, source, consultation_id, committee_id,
			room_site_id, accepted_at, due_at, agreement, created_by, demo, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?)`
		res, err := tx.ExecContext(ctx, q, d.Number, d.Type, d.Summary, d.Township, d.Status, d.Source, d.ConsultationID,
			d.CommitteeID, d.RoomSiteID, d.AcceptedAt.UTC(), d.DueAt.UTC(), d.CreatedBy, d.Demo, d.CreatedAt.UTC(), d.UpdatedAt.UTC())
		if err != nil {
			return err
		}
		if d.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		for i := range d.Parties {
			p := &d.Parties[i]
			p.DisputeID = d.ID
			const qp = `INSERT INTO dispute_parties (` + partyColumns + `) VALUES (?, ?, ?, ?, ?, ?)`
			if _, err := tx.ExecContext(ctx, qp, d.ID, p.Role, p.NameSealed, p.PhoneSealed, p.IDSealed, p.Position); err != nil {
				return err
			}
		}
		for _, ev := range events {
			ev.DisputeID = d.ID
			if err := insertDisputeEvent(ctx, tx, ev); err != nil {
				return err
			}
		}
		return nil
	})
}

func insertDisputeEvent(ctx context.Context, tx *sqlx.Tx, ev mediation.Event) error {
	const q = `INSERT INTO dispute_events (dispute_id, actor_id, from_status, to_status, note, at) VALUES (?, ?, ?, ?, ?, ?)`
	_, err := tx.ExecContext(ctx, q, ev.DisputeID, ev.ActorID, ev.From, ev.To, ev.Note, ev.At.UTC())
	return err
}

func localDispute(d *mediation.Dispute) {
	d.AcceptedAt, d.DueAt = d.AcceptedAt.In(calendar.Shanghai), d.DueAt.In(calendar.Shanghai)
	d.CreatedAt, d.UpdatedAt = d.CreatedAt.In(calendar.Shanghai), d.UpdatedAt.In(calendar.Shanghai)
	if d.ClosedAt != nil {
		t := d.ClosedAt.In(calendar.Shanghai)
		d.ClosedAt = &t
	}
}

func (s *Store) findDispute(ctx context.Context, q sqlx.QueryerContext, id int64, lock string) (mediation.Dispute, error) {
	var d mediation.Dispute
	if err := sqlx.GetContext(ctx, q, &d, disputeSelect+` WHERE d.id = ?`+lock, id); err != nil {
		return d, err
	}
	localDispute(&d)
	parties, err := disputeParties(ctx, q, []int64{id})
	d.Parties = parties[id]
	return d, err
}

// disputeParties returns the parties of several disputes, in order.
func disputeParties(ctx context.Context, q sqlx.QueryerContext, ids []int64) (map[int64][]mediation.Party, error) {
	out := map[int64][]mediation.Party{}
	if len(ids) == 0 {
		return out, nil
	}
	var list []mediation.Party
	err := sqlx.SelectContext(ctx, q, &list, `SELECT `+partyColumns+` FROM dispute_parties WHERE dispute_id IN (`+
		placeholders(len(ids))+`) ORDER BY dispute_id, position`, int64Args(ids)...)
	for _, p := range list {
		out[p.DisputeID] = append(out[p.DisputeID], p)
	}
	return out, err
}

// Dispute returns one dispute with its parties (sealed).
func (s *Store) Dispute(ctx context.Context, id int64) (mediation.Dispute, error) {
	d, err := s.findDispute(ctx, s.db, id, "")
	return d, translate(err)
}

// DisputeEvents lists a dispute's history, oldest first, with who acted.
func (s *Store) DisputeEvents(ctx context.Context, id int64) ([]mediation.Event, error) {
	const q = `SELECT e.id, e.dispute_id, e.actor_id, COALESCE(u.name, '') AS actor_name, e.from_status, e.to_status, e.note, e.at
		FROM dispute_events e LEFT JOIN users u ON u.id = e.actor_id WHERE e.dispute_id = ? ORDER BY e.id`
	out := []mediation.Event{}
	err := s.db.SelectContext(ctx, &out, q, id)
	for i := range out {
		out[i].At = out[i].At.In(calendar.Shanghai)
	}
	return out, translate(err)
}

// ActOnDispute runs one step on a locked dispute and writes the dispute,
// the step's event and its notices in the same transaction.
func (s *Store) ActOnDispute(ctx context.Context, id int64, step func(d *mediation.Dispute) (mediation.Event, error)) (mediation.Dispute, error) {
	var d mediation.Dispute
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		var err error
		if d, err = s.findDispute(ctx, tx, id, s.forUpdate()); err != nil {
			return err
		}
		ev, err := step(&d)
		if err != nil {
			return err
		}
		const q = `UPDATE disputes SET status = ?, committee_id = ?, room_site_id = ?, closed_at = ?, agreement_date = ?,
			agreement = ?, referred_to = ?, close_note = ?, updated_at = ? WHERE id = ?`
		var closed *time.Time
		if d.ClosedAt != nil {
			t := d.ClosedAt.UTC()
			closed = &t
		}
		if err := execOne(ctx, tx, q, d.Status, d.CommitteeID, d.RoomSiteID, closed, d.AgreementDate, d.Agreement,
			d.ReferredTo, d.CloseNote, d.UpdatedAt.UTC(), id); err != nil {
			return err
		}
		ev.DisputeID = id
		if err := insertDisputeEvent(ctx, tx, ev); err != nil {
			return err
		}
		return s.disputeNotices(ctx, tx, d.Notice, ev.At)
	})
	return d, translate(err)
}

// disputeNotices writes a step's texts to the outbox (a transactional
// outbox: no change without its notice).
func (s *Store) disputeNotices(ctx context.Context, tx *sqlx.Tx, n *mediation.Notices, at time.Time) error {
	if n == nil {
		return nil
	}
	const q = `INSERT INTO outbox (channel, kind, recipient_sealed, recipient_index, recipient_masked, body, demo_aid, created_at)
		VALUES ('sms', ?, ?, ?, ?, ?, ?, ?)`
	for _, r := range n.Recipients {
		if _, err := tx.ExecContext(ctx, q, n.Kind, r.Sealed, r.Index, r.Masked, n.Body, false, at.UTC()); err != nil {
			return err
		}
	}
	return nil
}

// Disputes lists disputes of the given statuses (and township), with their
// parties: open ones by due date, then closed ones newest first.
func (s *Store) Disputes(ctx context.Context, f mediation.Filter) ([]mediation.Dispute, error) {
	where, args := []string{"1 = 1"}, []any{}
	if len(f.Statuses) > 0 {
		where = append(where, "d.status IN ("+placeholders(len(f.Statuses))+")")
		for _, st := range f.Statuses {
			args = append(args, st)
		}
	}
	if f.Township != "" {
		where, args = append(where, "d.township = ?"), append(args, f.Township)
	}
	out := []mediation.Dispute{}
	q := disputeSelect + ` WHERE ` + strings.Join(where, " AND ") + ` ORDER BY CASE WHEN d.closed_at IS NULL THEN 0 ELSE 1 END,
		CASE WHEN d.closed_at IS NULL THEN d.due_at END, d.id DESC LIMIT ?`
	if err := s.db.SelectContext(ctx, &out, q, append(args, f.Limit)...); err != nil {
		return nil, translate(err)
	}
	ids := make([]int64, len(out))
	for i := range out {
		localDispute(&out[i])
		ids[i] = out[i].ID
	}
	parties, err := disputeParties(ctx, s.db, ids)
	for i := range out {
		out[i].Parties = parties[out[i].ID]
	}
	return out, translate(err)
}

// DisputeCounts counts disputes per status (in one township, if given).
func (s *Store) DisputeCounts(ctx context.Context, township string) (map[mediation.Status]int, error) {
	q, args := `SELECT status, COUNT(*) AS n FROM disputes`, []any{}
	if township != "" {
		q, args = q+` WHERE township = ?`, append(args, township)
	}
	var rows []struct {
		Status mediation.Status `db:"status"`
		N      int              `db:"n"`
	}
	err := s.db.SelectContext(ctx, &rows, q+` GROUP BY status`, args...)
	out := map[mediation.Status]int{}
	for _, r := range rows {
		out[r.Status] = r.N
	}
	return out, translate(err)
}
