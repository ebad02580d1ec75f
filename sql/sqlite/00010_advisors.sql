-- +goose Up
-- Village legal advisors (一村（社区）一法律顾问). active_site_id holds the
-- village's id while the assignment is active and NULL once it is closed:
-- its UNIQUE key lets the database itself refuse a second active advisor
-- for a village (NULLs never collide), on SQLite as on MySQL.
CREATE TABLE advisor_assignments (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id        INTEGER NOT NULL REFERENCES sites (id),
    lawyer_id      INTEGER NOT NULL REFERENCES lawyers (user_id),
    active_site_id INTEGER REFERENCES sites (id),
    starts_on      TEXT    NOT NULL,
    ends_on        TEXT    NOT NULL,
    status         TEXT    NOT NULL,
    ended_on       TEXT,
    end_reason     TEXT    NOT NULL DEFAULT '',
    previous_id    INTEGER REFERENCES advisor_assignments (id),
    onsite_week    INTEGER NOT NULL,
    onsite_weekday INTEGER NOT NULL,
    created_by     INTEGER NOT NULL,
    created_at     DATETIME NOT NULL,
    updated_at     DATETIME NOT NULL,
    CHECK ((status = 'active') = (active_site_id IS NOT NULL)),
    CHECK (active_site_id IS NULL OR active_site_id = site_id)
);
CREATE UNIQUE INDEX advisor_assignments_one_active ON advisor_assignments (active_site_id);
CREATE INDEX advisor_assignments_site ON advisor_assignments (site_id, id);
CREATE INDEX advisor_assignments_lawyer ON advisor_assignments (lawyer_id, status);

CREATE TABLE advisor_logs (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    lawyer_id  INTEGER NOT NULL REFERENCES lawyers (user_id),
    site_id    INTEGER NOT NULL REFERENCES sites (id),
    date       TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    count      INTEGER NOT NULL,
    people     INTEGER NOT NULL DEFAULT 0,
    notes      TEXT    NOT NULL DEFAULT '',
    photo      TEXT    NOT NULL DEFAULT '',
    photo_type TEXT    NOT NULL DEFAULT '',
    created_at DATETIME NOT NULL
);
CREATE INDEX advisor_logs_lawyer_date ON advisor_logs (lawyer_id, date);
CREATE INDEX advisor_logs_date ON advisor_logs (date);

-- One reminder per contract that nears its end, written before it is sent.
CREATE TABLE advisor_reminders (
    assignment_id INTEGER PRIMARY KEY REFERENCES advisor_assignments (id),
    sent_at       DATETIME NOT NULL
);

-- The number residents may call: a work phone, published, not personal data.
ALTER TABLE lawyers ADD COLUMN work_phone TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE lawyers DROP COLUMN work_phone;
DROP TABLE advisor_reminders;
DROP TABLE advisor_logs;
DROP TABLE advisor_assignments;
