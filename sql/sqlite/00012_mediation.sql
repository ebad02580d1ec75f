-- +goose Up
-- People's mediation: committees (village, township, trade), disputes taken
-- in by staff or referred from a consultation, their parties (sealed like
-- every other piece of personal data) and the history of every change.
CREATE TABLE mediation_committees (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT    NOT NULL UNIQUE,
    kind       TEXT    NOT NULL,              -- village, township or trade
    township   TEXT    NOT NULL DEFAULT '',
    site_id    INTEGER REFERENCES sites (id), -- where it sits, if a site
    active     INTEGER NOT NULL DEFAULT 1,
    sample     INTEGER NOT NULL DEFAULT 0,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL
);

CREATE TABLE disputes (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    number          TEXT    NOT NULL UNIQUE,
    type            TEXT    NOT NULL,  -- neighbour, family, labour, land, contract, damages, other
    summary         TEXT    NOT NULL,
    township        TEXT    NOT NULL DEFAULT '',
    status          TEXT    NOT NULL,  -- accepted, mediating, resolved, unresolved, withdrawn
    source          TEXT    NOT NULL,  -- staff or consultation
    consultation_id INTEGER UNIQUE REFERENCES consultations (id),
    committee_id    INTEGER REFERENCES mediation_committees (id),
    room_site_id    INTEGER REFERENCES sites (id), -- a dispatched mediation room
    accepted_at     DATETIME NOT NULL,
    due_at          DATETIME NOT NULL, -- the 30-day mediation clock
    closed_at       DATETIME,          -- resolved, unresolved or withdrawn
    agreement_date  TEXT    NOT NULL DEFAULT '', -- YYYY-MM-DD, China time
    agreement       TEXT    NOT NULL DEFAULT '',
    referred_to     TEXT    NOT NULL DEFAULT '', -- court, arbitration or other, when unresolved
    close_note      TEXT    NOT NULL DEFAULT '',
    created_by      INTEGER NOT NULL REFERENCES users (id),
    demo            INTEGER NOT NULL DEFAULT 0,
    created_at      DATETIME NOT NULL,
    updated_at      DATETIME NOT NULL
);
CREATE INDEX disputes_accepted ON disputes (accepted_at, township);
CREATE INDEX disputes_closed ON disputes (closed_at, status);
CREATE INDEX disputes_status ON disputes (status, due_at);

CREATE TABLE dispute_parties (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    dispute_id   INTEGER NOT NULL REFERENCES disputes (id),
    role         TEXT    NOT NULL,  -- applicant or respondent
    name_sealed  TEXT    NOT NULL,
    phone_sealed TEXT    NOT NULL DEFAULT '',
    id_sealed    TEXT    NOT NULL DEFAULT '',
    position     INTEGER NOT NULL
);
CREATE INDEX dispute_parties_dispute ON dispute_parties (dispute_id, position);

CREATE TABLE dispute_events (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    dispute_id  INTEGER NOT NULL REFERENCES disputes (id),
    actor_id    INTEGER REFERENCES users (id),
    from_status TEXT    NOT NULL,
    to_status   TEXT    NOT NULL,
    note        TEXT    NOT NULL DEFAULT '',
    at          DATETIME NOT NULL
);
CREATE INDEX dispute_events_dispute ON dispute_events (dispute_id, id);

-- +goose Down
DROP TABLE dispute_events;
DROP TABLE dispute_parties;
DROP TABLE disputes;
DROP TABLE mediation_committees;
