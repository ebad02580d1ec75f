-- +goose Up
CREATE TABLE legal_aid_applications (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    code               TEXT    NOT NULL UNIQUE,
    applicant_user_id  INTEGER REFERENCES users (id),
    entered_by         INTEGER NOT NULL REFERENCES users (id),
    name               TEXT    NOT NULL,
    id_sealed          TEXT    NOT NULL,
    id_index           TEXT    NOT NULL,
    phone_sealed       TEXT    NOT NULL,
    phone_index        TEXT    NOT NULL,
    address            TEXT    NOT NULL DEFAULT '',
    township           TEXT    NOT NULL DEFAULT '',
    relation           TEXT    NOT NULL,
    represented_name   TEXT    NOT NULL DEFAULT '',
    matter             TEXT    NOT NULL,
    criminal_category  TEXT    NOT NULL DEFAULT '',
    art31_item         TEXT    NOT NULL DEFAULT '',
    mandatory          INTEGER NOT NULL DEFAULT 0,
    opposing_party     TEXT    NOT NULL DEFAULT '',
    summary            TEXT    NOT NULL,
    limitation_date    TEXT,
    urgent_preserve    INTEGER NOT NULL DEFAULT 0,
    path               TEXT    NOT NULL,
    path_detail        TEXT    NOT NULL DEFAULT '',
    veteran            INTEGER NOT NULL DEFAULT 0,
    pledge_version     TEXT    NOT NULL DEFAULT '',
    pledge_signed_name TEXT    NOT NULL DEFAULT '',
    sensitive_consent  INTEGER NOT NULL,
    status             TEXT    NOT NULL,
    complete_at        DATETIME,
    supplement_by      TEXT,
    missing_materials  TEXT    NOT NULL DEFAULT '',
    decided_at         DATETIME,
    decision_reason    TEXT    NOT NULL DEFAULT '',
    lawyer_id          INTEGER REFERENCES users (id),
    result             TEXT    NOT NULL DEFAULT '',
    conflict_override  TEXT    NOT NULL DEFAULT '',
    termination_ground TEXT    NOT NULL DEFAULT '',
    created_at         DATETIME NOT NULL,
    updated_at         DATETIME NOT NULL
);
CREATE INDEX legal_aid_status ON legal_aid_applications (status);
CREATE INDEX legal_aid_applicant ON legal_aid_applications (applicant_user_id);
CREATE INDEX legal_aid_lawyer ON legal_aid_applications (lawyer_id);
CREATE INDEX legal_aid_id_index ON legal_aid_applications (id_index);

CREATE TABLE legal_aid_events (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id INTEGER NOT NULL REFERENCES legal_aid_applications (id),
    actor          INTEGER NOT NULL,
    actor_role     TEXT    NOT NULL,
    from_status    TEXT    NOT NULL,
    to_status      TEXT    NOT NULL,
    action         TEXT    NOT NULL,
    reason         TEXT    NOT NULL DEFAULT '',
    staff_note     TEXT    NOT NULL DEFAULT '',
    at             DATETIME NOT NULL
);
CREATE INDEX legal_aid_events_app ON legal_aid_events (application_id, id);

CREATE TABLE legal_aid_attachments (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id INTEGER NOT NULL REFERENCES legal_aid_applications (id),
    name           TEXT    NOT NULL,
    content_type   TEXT    NOT NULL,
    size           INTEGER NOT NULL,
    stored_name    TEXT    NOT NULL UNIQUE,
    uploaded_by    INTEGER NOT NULL,
    created_at     DATETIME NOT NULL
);
CREATE INDEX legal_aid_attachments_app ON legal_aid_attachments (application_id);

CREATE TABLE legal_aid_objections (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id  INTEGER NOT NULL REFERENCES legal_aid_applications (id),
    from_status     TEXT    NOT NULL,
    reason          TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    filed_at        DATETIME NOT NULL,
    decided_at      DATETIME,
    decided_by      INTEGER,
    decision_reason TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX legal_aid_objections_app ON legal_aid_objections (application_id, status);

CREATE TABLE firm_clients (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    firm_id   INTEGER NOT NULL REFERENCES firms (id),
    lawyer_id INTEGER REFERENCES users (id),
    client    TEXT    NOT NULL
);

-- +goose Down
DROP TABLE firm_clients;
DROP TABLE legal_aid_objections;
DROP TABLE legal_aid_attachments;
DROP TABLE legal_aid_events;
DROP TABLE legal_aid_applications;
