-- +goose Up
CREATE TABLE calendar_overrides (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    date       TEXT    NOT NULL,
    site_id    INTEGER REFERENCES sites (id),
    kind       TEXT    NOT NULL,
    name       TEXT    NOT NULL DEFAULT '',
    created_by INTEGER NOT NULL,
    created_at DATETIME NOT NULL
);
CREATE UNIQUE INDEX calendar_overrides_date_site ON calendar_overrides (date, COALESCE(site_id, 0));

CREATE TABLE calendar_years (
    year      INTEGER PRIMARY KEY,
    loaded_by INTEGER NOT NULL,
    loaded_at DATETIME NOT NULL
);

CREATE TABLE duty_rules (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id             INTEGER NOT NULL REFERENCES sites (id),
    pattern             TEXT    NOT NULL,
    weekdays            TEXT    NOT NULL DEFAULT '',
    nth                 INTEGER NOT NULL DEFAULT 0,
    sessions            TEXT    NOT NULL,
    slot_minutes        INTEGER NOT NULL,
    capacity            INTEGER NOT NULL,
    lawyers_per_session INTEGER NOT NULL,
    holiday_policy      TEXT    NOT NULL,
    effective_from      TEXT    NOT NULL,
    effective_to        TEXT,
    active              INTEGER NOT NULL DEFAULT 1,
    created_at          DATETIME NOT NULL,
    updated_at          DATETIME NOT NULL
);
CREATE INDEX duty_rules_site ON duty_rules (site_id);

CREATE TABLE site_lawyers (
    site_id   INTEGER NOT NULL REFERENCES sites (id),
    lawyer_id INTEGER NOT NULL REFERENCES lawyers (user_id),
    PRIMARY KEY (site_id, lawyer_id)
);
CREATE INDEX site_lawyers_lawyer ON site_lawyers (lawyer_id);

CREATE TABLE absences (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    lawyer_id  INTEGER NOT NULL REFERENCES lawyers (user_id),
    date_from  TEXT    NOT NULL,
    date_to    TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    reason     TEXT    NOT NULL DEFAULT '',
    created_at DATETIME NOT NULL
);
CREATE INDEX absences_lawyer ON absences (lawyer_id, date_from);

CREATE TABLE shifts (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id    INTEGER NOT NULL REFERENCES sites (id),
    rule_id    INTEGER REFERENCES duty_rules (id),
    lawyer_id  INTEGER REFERENCES lawyers (user_id),
    date       TEXT    NOT NULL,
    session    INTEGER NOT NULL,
    seat       INTEGER NOT NULL,
    starts_at  DATETIME NOT NULL,
    ends_at    DATETIME NOT NULL,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL
);
CREATE UNIQUE INDEX shifts_place ON shifts (site_id, date, session, seat);
CREATE INDEX shifts_lawyer_date ON shifts (lawyer_id, date);
CREATE INDEX shifts_date ON shifts (date);

CREATE TABLE slots (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    shift_id  INTEGER NOT NULL REFERENCES shifts (id),
    site_id   INTEGER NOT NULL REFERENCES sites (id),
    lawyer_id INTEGER REFERENCES lawyers (user_id),
    starts_at DATETIME NOT NULL,
    ends_at   DATETIME NOT NULL,
    capacity  INTEGER NOT NULL,
    booked    INTEGER NOT NULL DEFAULT 0,
    CHECK (booked >= 0 AND booked <= capacity)
);
CREATE UNIQUE INDEX slots_shift_start ON slots (shift_id, starts_at);
CREATE INDEX slots_site_start ON slots (site_id, starts_at);

CREATE TABLE shift_changes (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    shift_id    INTEGER NOT NULL,
    from_lawyer INTEGER,
    to_lawyer   INTEGER,
    reason      TEXT    NOT NULL,
    actor       INTEGER,
    at          DATETIME NOT NULL
);
CREATE INDEX shift_changes_shift ON shift_changes (shift_id);

CREATE TABLE shift_swaps (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    shift_id    INTEGER NOT NULL REFERENCES shifts (id),
    from_lawyer INTEGER NOT NULL,
    to_lawyer   INTEGER NOT NULL,
    status      TEXT    NOT NULL,
    created_at  DATETIME NOT NULL,
    decided_at  DATETIME
);
CREATE INDEX shift_swaps_to ON shift_swaps (to_lawyer, status);

CREATE TABLE calendar_feeds (
    lawyer_id    INTEGER PRIMARY KEY REFERENCES lawyers (user_id),
    token_index  TEXT    NOT NULL UNIQUE,
    token_sealed TEXT    NOT NULL,
    created_at   DATETIME NOT NULL
);

-- +goose Down
DROP TABLE calendar_feeds;
DROP TABLE shift_swaps;
DROP TABLE shift_changes;
DROP TABLE slots;
DROP TABLE shifts;
DROP TABLE absences;
DROP TABLE site_lawyers;
DROP TABLE duty_rules;
DROP TABLE calendar_years;
DROP TABLE calendar_overrides;
