-- +goose Up
-- The notary office's matter catalogue, its own calendar of slots, visits
-- (at the office over consecutive slots, or at home), and pre-checked
-- materials. Lists (materials, matter ids, parties, missing items) are JSON
-- text: they are read and written whole with their row.
CREATE TABLE notary_matters (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    name           TEXT    NOT NULL UNIQUE,
    category       TEXT    NOT NULL,
    materials      TEXT    NOT NULL,
    in_person_only INTEGER NOT NULL DEFAULT 0,
    minutes        INTEGER NOT NULL,
    fee_note       TEXT    NOT NULL DEFAULT '',
    home_visit     INTEGER NOT NULL DEFAULT 0,
    active         INTEGER NOT NULL DEFAULT 1,
    created_at     DATETIME NOT NULL,
    updated_at     DATETIME NOT NULL
);

CREATE TABLE notary_slots (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id   INTEGER NOT NULL REFERENCES sites (id),
    starts_at DATETIME NOT NULL,
    ends_at   DATETIME NOT NULL,
    capacity  INTEGER NOT NULL,
    booked    INTEGER NOT NULL DEFAULT 0,
    CHECK (booked >= 0 AND booked <= capacity)
);
CREATE UNIQUE INDEX notary_slots_site_start ON notary_slots (site_id, starts_at);

CREATE TABLE notary_visits (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    code            TEXT    NOT NULL UNIQUE,
    kind            TEXT    NOT NULL,
    site_id         INTEGER NOT NULL REFERENCES sites (id),
    resident_id     INTEGER NOT NULL REFERENCES users (id),
    status          TEXT    NOT NULL,
    -- the first slot while the visit holds places, NULL after: one active
    -- visit per resident and start, enforced by the unique index
    active_slot     INTEGER,
    matter_ids      TEXT    NOT NULL,
    parties         TEXT    NOT NULL,
    id_sealed       TEXT    NOT NULL DEFAULT '',
    id_index        TEXT    NOT NULL DEFAULT '',
    priority        INTEGER NOT NULL DEFAULT 0,
    priority_reason TEXT    NOT NULL DEFAULT '',
    fee_reduced     INTEGER NOT NULL DEFAULT 0,
    materials_state TEXT    NOT NULL DEFAULT 'pending',
    missing         TEXT    NOT NULL DEFAULT '[]',
    checked_at      DATETIME,
    certificate_no  TEXT    NOT NULL DEFAULT '',
    fee_charged     INTEGER NOT NULL DEFAULT 0,
    fee_waived      INTEGER NOT NULL DEFAULT 0,
    address         TEXT    NOT NULL DEFAULT '',
    reason          TEXT    NOT NULL DEFAULT '',
    preferred_dates TEXT    NOT NULL DEFAULT '',
    notary_name     TEXT    NOT NULL DEFAULT '',
    cancel_reason   TEXT    NOT NULL DEFAULT '',
    starts_at       DATETIME,
    ends_at         DATETIME,
    created_at      DATETIME NOT NULL,
    updated_at      DATETIME NOT NULL
);
CREATE UNIQUE INDEX notary_visits_resident_active ON notary_visits (resident_id, active_slot);
CREATE INDEX notary_visits_resident ON notary_visits (resident_id, created_at);
CREATE INDEX notary_visits_start ON notary_visits (site_id, starts_at);

-- The slots a visit takes (an office visit's package, or the slots a home
-- visit blocks), so that cancelling frees exactly those.
CREATE TABLE notary_visit_slots (
    visit_id INTEGER NOT NULL REFERENCES notary_visits (id),
    slot_id  INTEGER NOT NULL REFERENCES notary_slots (id),
    PRIMARY KEY (visit_id, slot_id)
);
CREATE INDEX notary_visit_slots_slot ON notary_visit_slots (slot_id);

CREATE TABLE notary_materials (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    visit_id    INTEGER NOT NULL REFERENCES notary_visits (id),
    item        TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    type        TEXT    NOT NULL,
    size        INTEGER NOT NULL,
    stored      TEXT    NOT NULL UNIQUE,
    uploaded_by INTEGER NOT NULL REFERENCES users (id),
    created_at  DATETIME NOT NULL
);
CREATE INDEX notary_materials_visit ON notary_materials (visit_id);

CREATE TABLE notary_notices (
    visit_id INTEGER NOT NULL REFERENCES notary_visits (id),
    kind     TEXT    NOT NULL,
    sent_at  DATETIME NOT NULL,
    PRIMARY KEY (visit_id, kind)
);

-- Residents waiting for a freed time on a day; the first is offered it.
CREATE TABLE notary_waitlist (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id     INTEGER NOT NULL REFERENCES sites (id),
    resident_id INTEGER NOT NULL REFERENCES users (id),
    date        TEXT    NOT NULL,
    matter_ids  TEXT    NOT NULL,
    status      TEXT    NOT NULL DEFAULT 'waiting',
    slot_id     INTEGER,
    created_at  DATETIME NOT NULL
);
CREATE UNIQUE INDEX notary_waitlist_once ON notary_waitlist (resident_id, site_id, date);
CREATE INDEX notary_waitlist_queue ON notary_waitlist (site_id, date, status, id);

-- +goose Down
DROP TABLE notary_waitlist;
DROP TABLE notary_notices;
DROP TABLE notary_materials;
DROP TABLE notary_visit_slots;
DROP TABLE notary_visits;
DROP TABLE notary_slots;
DROP TABLE notary_matters;
