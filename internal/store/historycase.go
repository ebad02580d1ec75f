package store

import (
	"encoding/json"
	"fmt"
	"time"
)

// PastCase is a legal-aid case with its steps: received (complete) at
// ReceivedAt, decided (approved or refused) at DecidedAt, closed at ClosedAt.
type PastCase struct {
	Code, Name, Township, Matter, Origin string
	IDSealed, IDIndex                    string
	PhoneSealed, PhoneIndex              string
	Path, PathDetail                     string
	SpecialGroups                        string // framed: ",minor,women,"
	ReceivedAt                           time.Time
	Decision                             string // approved, refused or "" (undecided)
	DecidedAt, ClosedAt                  *time.Time
	PausedDays                           int
	EnteredBy                            int64
	LawyerID                             *int64 // the lawyer assigned to an approved case still running
	Demo                                 bool
}

// Case records a legal-aid case and the events of its steps.
func (h *History) Case(c PastCase) error {
	status := "received"
	if c.Decision != "" {
		status = c.Decision
	}
	assigned := c.Decision == "approved" && c.ClosedAt == nil && c.LawyerID != nil
	if assigned {
		status = "assigned"
	}
	if c.ClosedAt != nil {
		status = "closed"
	}
	if c.Origin == "" {
		c.Origin = "application"
	}
	at := c.ReceivedAt.UTC()
	id, err := h.exec(`INSERT INTO legal_aid_applications (code, entered_by, name, id_sealed, id_index, phone_sealed, phone_index, township,
		relation, matter, summary, path, path_detail, sensitive_consent, status, complete_at, decided_at, paused_days, origin,
		special_groups, lawyer_id, demo, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'self', ?, '案情摘要', ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		c.Code, c.EnteredBy, c.Name, c.IDSealed, c.IDIndex, c.PhoneSealed, c.PhoneIndex, c.Township, c.Matter, c.Path, c.PathDetail,
		status, at, utc(c.DecidedAt), c.PausedDays, c.Origin, c.SpecialGroups, c.LawyerID, c.Demo, at, at)
	if err != nil {
		return err
	}
	steps := []struct {
		from, to, action string
		at               *time.Time
	}{{"", "received", "submit", &at}, {"received", c.Decision, "decide", c.DecidedAt}, {c.Decision, "closed", "close", c.ClosedAt}}
	if assigned {
		steps[2].to, steps[2].action = "assigned", "assign"
		steps[2].at = utc(c.DecidedAt)
	}
	for _, st := range steps {
		if st.at == nil || st.to == "" {
			continue
		}
		if _, err := h.exec(`INSERT INTO legal_aid_events (application_id, actor, actor_role, from_status, to_status, action, at)
			VALUES (?, ?, 'officer', ?, ?, ?, ?)`, id, c.EnteredBy, st.from, st.to, st.action, st.at.UTC()); err != nil {
			return err
		}
	}
	return nil
}

func utc(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

// PastVisit is a notary visit finished (or not) at StartsAt.
type PastVisit struct {
	SiteID, ResidentID int64
	Kind, Status       string // office or home; done, cancelled, no_show
	MatterIDs          []int64
	StartsAt           time.Time
	Demo               bool
}

// NotaryVisit records a notary visit.
func (h *History) NotaryVisit(v PastVisit) error {
	h.seq++
	ids, _ := json.Marshal(v.MatterIDs)
	start := v.StartsAt.UTC()
	cert := ""
	if v.Status == "done" {
		cert = fmt.Sprintf("（%d）晋高证字第%d号", start.Year(), h.seq)
	}
	_, err := h.exec(`INSERT INTO notary_visits (code, kind, site_id, resident_id, status, matter_ids, parties, id_sealed, missing, materials_state,
		certificate_no, starts_at, ends_at, demo, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, '[]', '', '[]', 'complete', ?, ?, ?, ?, ?, ?)`,
		fmt.Sprintf("N%d%06d", start.Year(), h.seq), v.Kind, v.SiteID, v.ResidentID, v.Status, string(ids), cert,
		start, start.Add(time.Hour), v.Demo, start.Add(-72*time.Hour), start)
	return err
}

// AdvisorLog records a village advisor's service on a day (YYYY-MM-DD).
func (h *History) AdvisorLog(lawyerID, siteID int64, day, kind string, count, people int, demo bool) error {
	_, err := h.exec(`INSERT INTO advisor_logs (lawyer_id, site_id, date, kind, count, people, demo, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		lawyerID, siteID, day, kind, count, people, demo, time.Now().UTC())
	return err
}

// Assignment records a village advisor's contract from starts to ends
// (YYYY-MM-DD), active when ended is "".
func (h *History) Assignment(siteID, lawyerID, by int64, starts, ends, ended string) error {
	status, active, endedOn := "active", any(siteID), any(nil)
	if ended != "" {
		status, active, endedOn = "ended", nil, ended
	}
	now := time.Now().UTC()
	_, err := h.exec(`INSERT INTO advisor_assignments (site_id, lawyer_id, active_site_id, starts_on, ends_on, status, ended_on,
		onsite_week, onsite_weekday, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, 3, ?, ?, ?)`,
		siteID, lawyerID, active, starts, ends, status, endedOn, by, now, now)
	return err
}

// PastDispute is a dispute accepted at AcceptedAt and closed at ClosedAt.
type PastDispute struct {
	Number, Type, Township, Status string
	AcceptedAt                     time.Time
	ClosedAt                       *time.Time
	CreatedBy                      int64
	Demo                           bool
}

// Dispute records a dispute (the mediation engineer's demo writes its own;
// the statistics tests use this one).
func (h *History) Dispute(d PastDispute) error {
	at := d.AcceptedAt.UTC()
	_, err := h.exec(`INSERT INTO disputes (number, type, summary, township, status, source, accepted_at, due_at, closed_at,
		agreement, created_by, demo, created_at, updated_at) VALUES (?, ?, '纠纷概要', ?, ?, 'staff', ?, ?, ?, '', ?, ?, ?, ?)`,
		d.Number, d.Type, d.Township, d.Status, at, at.Add(30*24*time.Hour), utc(d.ClosedAt), d.CreatedBy, d.Demo, at, at)
	return err
}
