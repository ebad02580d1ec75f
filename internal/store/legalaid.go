package store

import (
	"context"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/legalaid"
)

const appColumns = `id, code, applicant_user_id, entered_by, name, id_sealed, id_index, phone_sealed, phone_index, aided_id_sealed,
	aided_id_index, address, township,
	relation, represented_name, matter, criminal_category, art31_item, mandatory, opposing_party, summary, limitation_date,
	urgent_preserve, path, path_detail, household_size, household_income, notable_assets, veteran, pledge_version, pledge_signed_name, sensitive_consent, status, complete_at,
	supplement_by, missing_materials, decided_at, decision_reason, lawyer_id, result, conflict_override, termination_ground,
	origin, notice_organ, notice_case_no, notice_date, materials_notice_at, materials_received_at, materials_to_check,
	paused_days, objection_decided, terminated_from, reported_ground, reported_reason, advance_ground, advance_reason, advance_at,
	special_groups, groups_confirmed_by, groups_confirmed_at, created_at, updated_at`

// CreateApplication inserts an application and its first event together.
func (s *Store) CreateApplication(ctx context.Context, a *legalaid.Application, ev legalaid.Event) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		q := `INSERT INTO legal_aid_applications (` + strings.ReplaceAll(appColumns, "id, code", "code") + `)
			VALUES (:code, :applicant_user_id, :entered_by, :name, :id_sealed, :id_index, :phone_sealed, :phone_index,
			:aided_id_sealed, :aided_id_index, :address,
			:township, :relation, :represented_name, :matter, :criminal_category, :art31_item, :mandatory, :opposing_party, :summary,
			:limitation_date, :urgent_preserve, :path, :path_detail, :household_size, :household_income, :notable_assets, :veteran, :pledge_version, :pledge_signed_name,
			:sensitive_consent, :status, :complete_at, :supplement_by, :missing_materials, :decided_at, :decision_reason,
			:lawyer_id, :result, :conflict_override, :termination_ground, :origin, :notice_organ, :notice_case_no, :notice_date,
			:materials_notice_at, :materials_received_at, :materials_to_check, :paused_days, :objection_decided, :terminated_from,
			:reported_ground, :reported_reason, :advance_ground, :advance_reason, :advance_at,
			:special_groups, :groups_confirmed_by, :groups_confirmed_at, :created_at, :updated_at)`
		res, err := tx.NamedExecContext(ctx, q, a)
		if err != nil {
			return err
		}
		if a.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		ev.AppID = a.ID
		return s.insertEvent(ctx, tx, ev)
	})
}

// insertEvent records an event and, in the same transaction, the text
// message it sends (a transactional outbox: no change without its notice).
func (s *Store) insertEvent(ctx context.Context, tx *sqlx.Tx, ev legalaid.Event) error {
	const q = `INSERT INTO legal_aid_events (application_id, actor, actor_role, from_status, to_status, action, reason, staff_note, at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
	_, err := tx.ExecContext(ctx, q, ev.AppID, ev.Actor, ev.ActorRole, ev.From, ev.To, ev.Action, ev.Reason, ev.StaffNote, ev.At.UTC())
	if err != nil || ev.Notice == nil {
		return err
	}
	const qo = `INSERT INTO outbox (channel, kind, recipient_sealed, recipient_index, recipient_masked, body, demo_aid, created_at)
		VALUES ('sms', ?, ?, ?, ?, ?, ?, ?)`
	n := ev.Notice
	_, err = tx.ExecContext(ctx, qo, n.Kind, n.RecipientSealed, n.RecipientIndex, n.RecipientMasked, n.Body, false, ev.At.UTC())
	return err
}

func localApp(a *legalaid.Application) {
	a.CreatedAt, a.UpdatedAt = a.CreatedAt.In(calendar.Shanghai), a.UpdatedAt.In(calendar.Shanghai)
	for _, p := range []**time.Time{&a.CompleteAt, &a.DecidedAt, &a.MaterialsNoticeAt, &a.MaterialsReceivedAt, &a.AdvanceAt, &a.GroupsConfirmedAt} {
		if *p != nil {
			t := (*p).In(calendar.Shanghai)
			*p = &t
		}
	}
}

func (s *Store) findApp(ctx context.Context, q sqlx.QueryerContext, id int64, lock string) (legalaid.Application, error) {
	var a legalaid.Application
	err := sqlx.GetContext(ctx, q, &a, `SELECT `+appColumns+` FROM legal_aid_applications WHERE id = ?`+lock, id)
	localApp(&a)
	return a, err
}

// Application returns one application.
func (s *Store) Application(ctx context.Context, id int64) (legalaid.Application, error) {
	a, err := s.findApp(ctx, s.db, id, "")
	return a, translate(err)
}

// Applications lists applications, oldest first.
func (s *Store) Applications(ctx context.Context, f legalaid.Filter) ([]legalaid.Application, error) {
	where, args := []string{"1 = 1"}, []any{}
	if f.ApplicantUserID != 0 {
		where, args = append(where, "applicant_user_id = ?"), append(args, f.ApplicantUserID)
	}
	if f.LawyerID != 0 {
		where, args = append(where, "lawyer_id = ?"), append(args, f.LawyerID)
	}
	if len(f.Statuses) > 0 {
		in := "status IN (" + placeholders(len(f.Statuses)) + ")"
		for _, st := range f.Statuses {
			args = append(args, st)
		}
		if f.AdvancePending { // aid given first, the formal decision still due (Art. 44)
			in = "(" + in + " OR (status = 'assigned' AND advance_ground <> '' AND decided_at IS NULL))"
		}
		where = append(where, in)
	}
	if f.Township != "" {
		where, args = append(where, "township = ?"), append(args, f.Township)
	}
	if f.Matter != "" {
		where, args = append(where, "matter = ?"), append(args, f.Matter)
	}
	out := []legalaid.Application{}
	err := s.db.SelectContext(ctx, &out, `SELECT `+appColumns+` FROM legal_aid_applications WHERE `+strings.Join(where, " AND ")+
		` ORDER BY id LIMIT 1000`, args...)
	for i := range out {
		localApp(&out[i])
	}
	return out, translate(err)
}

// Act applies a workflow step in one transaction: the row locked, the
// change, the update, the event and any objection.
func (s *Store) Act(ctx context.Context, id int64, change func(*legalaid.Application) (legalaid.Event, *legalaid.Objection, error)) (legalaid.Application, error) {
	var a legalaid.Application
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		var err error
		if a, err = s.findApp(ctx, tx, id, s.forUpdate()); err != nil {
			return err
		}
		ev, obj, err := change(&a)
		if err != nil {
			return err
		}
		if err := s.updateApp(ctx, tx, a); err != nil {
			return err
		}
		ev.AppID = a.ID
		if err := s.insertEvent(ctx, tx, ev); err != nil {
			return err
		}
		if obj != nil {
			const q = `INSERT INTO legal_aid_objections (application_id, from_status, reason, status, objector, channel, recorded_by, filed_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
			_, err = tx.ExecContext(ctx, q, obj.AppID, obj.FromState, obj.Reason, obj.Status, obj.Objector, obj.Channel, obj.RecordedBy, obj.FiledAt)
		}
		return err
	})
	return a, err
}

func (s *Store) updateApp(ctx context.Context, tx *sqlx.Tx, a legalaid.Application) error {
	const q = `UPDATE legal_aid_applications SET status = :status, complete_at = :complete_at, supplement_by = :supplement_by,
		missing_materials = :missing_materials, decided_at = :decided_at, decision_reason = :decision_reason, lawyer_id = :lawyer_id,
		result = :result, conflict_override = :conflict_override, termination_ground = :termination_ground,
		materials_notice_at = :materials_notice_at, materials_received_at = :materials_received_at,
		materials_to_check = :materials_to_check, paused_days = :paused_days, objection_decided = :objection_decided,
		terminated_from = :terminated_from, reported_ground = :reported_ground, reported_reason = :reported_reason,
		advance_ground = :advance_ground, advance_reason = :advance_reason, advance_at = :advance_at,
		special_groups = :special_groups, groups_confirmed_by = :groups_confirmed_by, groups_confirmed_at = :groups_confirmed_at,
		updated_at = :updated_at WHERE id = :id`
	_, err := tx.NamedExecContext(ctx, q, a)
	return err
}

// Events lists an application's history, oldest first.
func (s *Store) Events(ctx context.Context, id int64) ([]legalaid.Event, error) {
	out := []legalaid.Event{}
	err := s.db.SelectContext(ctx, &out, `SELECT id, application_id, actor, actor_role, from_status, to_status, action, reason, staff_note, at
		FROM legal_aid_events WHERE application_id = ? ORDER BY id`, id)
	for i := range out {
		out[i].At = out[i].At.In(calendar.Shanghai)
	}
	return out, translate(err)
}

const objectionColumns = `id, application_id, from_status, reason, status, objector, channel, recorded_by, filed_at, decided_at,
	decision_reason`

// PendingObjections returns the pending objection of each application.
func (s *Store) PendingObjections(ctx context.Context, appIDs []int64) (map[int64]legalaid.Objection, error) {
	out := map[int64]legalaid.Objection{}
	if len(appIDs) == 0 {
		return out, nil
	}
	var rows []legalaid.Objection
	q := `SELECT ` + objectionColumns + ` FROM legal_aid_objections WHERE status = 'pending' AND application_id IN (` + placeholders(len(appIDs)) + `)`
	if err := s.db.SelectContext(ctx, &rows, q, int64Args(appIDs)...); err != nil {
		return nil, translate(err)
	}
	for _, o := range rows {
		out[o.AppID] = o
	}
	return out, nil
}

// Objection returns one objection.
func (s *Store) Objection(ctx context.Context, id int64) (legalaid.Objection, error) {
	var o legalaid.Objection
	err := s.db.GetContext(ctx, &o, `SELECT `+objectionColumns+` FROM legal_aid_objections WHERE id = ?`, id)
	return o, translate(err)
}

// DecideObjection closes an objection and moves its application together.
func (s *Store) DecideObjection(ctx context.Context, id int64, decide func(*legalaid.Objection, *legalaid.Application) (legalaid.Event, error)) (legalaid.Application, error) {
	var a legalaid.Application
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		var o legalaid.Objection
		if err := tx.GetContext(ctx, &o, `SELECT `+objectionColumns+` FROM legal_aid_objections WHERE id = ?`+s.forUpdate(), id); err != nil {
			return err
		}
		var err error
		if a, err = s.findApp(ctx, tx, o.AppID, s.forUpdate()); err != nil {
			return err
		}
		ev, err := decide(&o, &a)
		if err != nil {
			return err
		}
		const q = `UPDATE legal_aid_objections SET status = ?, decided_at = ?, decided_by = ?, decision_reason = ? WHERE id = ?`
		if _, err := tx.ExecContext(ctx, q, o.Status, o.DecidedAt, ev.Actor, o.Decision, o.ID); err != nil {
			return err
		}
		if err := s.updateApp(ctx, tx, a); err != nil {
			return err
		}
		return s.insertEvent(ctx, tx, ev)
	})
	return a, err
}

// AddAttachment records a file unless the application's files would then
// pass limit bytes.
func (s *Store) AddAttachment(ctx context.Context, att *legalaid.Attachment, limit int64) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		var used int64
		if _, err := s.findApp(ctx, tx, att.AppID, s.forUpdate()); err != nil {
			return err
		}
		if err := tx.GetContext(ctx, &used, `SELECT COALESCE(SUM(size), 0) FROM legal_aid_attachments WHERE application_id = ?`, att.AppID); err != nil {
			return err
		}
		if used+att.Size > limit {
			return errs.New(errs.TooLarge, "该申请的材料总量已达上限", "this application's files reached their size limit").Field("file", "材料总量超限", "over the total limit")
		}
		const q = `INSERT INTO legal_aid_attachments (application_id, name, content_type, size, stored_name, uploaded_by, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`
		res, err := tx.ExecContext(ctx, q, att.AppID, att.Name, att.Type, att.Size, att.Stored, att.Uploaded, att.CreatedAt)
		if err != nil {
			return err
		}
		att.ID, err = res.LastInsertId()
		return err
	})
}

const attachmentColumns = `id, application_id, name, content_type, size, stored_name, uploaded_by, created_at`

// Attachments lists an application's files.
func (s *Store) Attachments(ctx context.Context, appID int64) ([]legalaid.Attachment, error) {
	out := []legalaid.Attachment{}
	err := s.db.SelectContext(ctx, &out, `SELECT `+attachmentColumns+` FROM legal_aid_attachments WHERE application_id = ? ORDER BY id`, appID)
	return out, translate(err)
}

// Attachment returns one file's record.
func (s *Store) Attachment(ctx context.Context, id int64) (legalaid.Attachment, error) {
	var a legalaid.Attachment
	err := s.db.GetContext(ctx, &a, `SELECT `+attachmentColumns+` FROM legal_aid_attachments WHERE id = ?`, id)
	return a, translate(err)
}

// DueWithdrawals lists applications waiting for materials past their deadline.
func (s *Store) DueWithdrawals(ctx context.Context, today calendar.Date) ([]int64, error) {
	var ids []int64
	const q = `SELECT id FROM legal_aid_applications WHERE status = 'materials_requested' AND materials_to_check = ? AND supplement_by < ?`
	err := s.db.SelectContext(ctx, &ids, q, false, today)
	return ids, translate(err)
}

// OpenObjections lists every pending objection with its application's code
// and applicant, oldest first, for the justice bureau.
func (s *Store) OpenObjections(ctx context.Context) ([]legalaid.OpenObjection, error) {
	out := []legalaid.OpenObjection{}
	const q = `SELECT o.id, o.application_id, o.from_status, o.reason, o.status, o.objector, o.channel, o.recorded_by, o.filed_at,
		o.decided_at, o.decision_reason,
		a.code, a.name, a.decision_reason AS decided_reason FROM legal_aid_objections o
		JOIN legal_aid_applications a ON a.id = o.application_id WHERE o.status = 'pending' ORDER BY o.id`
	err := s.db.SelectContext(ctx, &out, q)
	return out, translate(err)
}
