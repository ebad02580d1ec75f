-- +goose Up
CREATE TABLE sites (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    name          TEXT    NOT NULL,
    tier          TEXT    NOT NULL,
    parent_id     INTEGER REFERENCES sites (id),
    township      TEXT    NOT NULL DEFAULT '',
    address       TEXT    NOT NULL DEFAULT '',
    phone         TEXT    NOT NULL DEFAULT '',
    opening_hours TEXT    NOT NULL DEFAULT '',
    lat           REAL,
    lng           REAL,
    active        INTEGER NOT NULL DEFAULT 1,
    sample        INTEGER NOT NULL DEFAULT 0,
    created_at    DATETIME NOT NULL,
    updated_at    DATETIME NOT NULL
);
CREATE INDEX sites_tier_township ON sites (tier, township);
CREATE INDEX sites_parent ON sites (parent_id);

CREATE TABLE users (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    role          TEXT    NOT NULL,
    name          TEXT    NOT NULL,
    phone_sealed  TEXT    NOT NULL,
    phone_index   TEXT    NOT NULL UNIQUE,
    password_hash TEXT    NOT NULL DEFAULT '',
    active        INTEGER NOT NULL DEFAULT 1,
    created_at    DATETIME NOT NULL
);

CREATE TABLE firms (
    id     INTEGER PRIMARY KEY AUTOINCREMENT,
    name   TEXT    NOT NULL UNIQUE,
    sample INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE lawyers (
    user_id        INTEGER PRIMARY KEY REFERENCES users (id),
    firm_id        INTEGER NOT NULL REFERENCES firms (id),
    license_no     TEXT    NOT NULL UNIQUE,
    licensed_since DATE    NOT NULL,
    specialties    TEXT    NOT NULL DEFAULT '',
    home_township  TEXT    NOT NULL DEFAULT ''
);

CREATE TABLE sms_codes (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    phone_index TEXT    NOT NULL,
    code_hash   TEXT    NOT NULL,
    expires_at  DATETIME NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    used_at     DATETIME,
    created_at  DATETIME NOT NULL
);
CREATE INDEX sms_codes_phone ON sms_codes (phone_index, id);

CREATE TABLE outbox (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    channel          TEXT    NOT NULL,
    kind             TEXT    NOT NULL,
    recipient_sealed TEXT    NOT NULL,
    recipient_index  TEXT    NOT NULL,
    recipient_masked TEXT    NOT NULL,
    body             TEXT    NOT NULL,
    created_at       DATETIME NOT NULL
);
CREATE INDEX outbox_recipient ON outbox (recipient_index, id);

CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id   INTEGER,
    action    TEXT    NOT NULL,
    object    TEXT    NOT NULL,
    object_id INTEGER NOT NULL,
    detail    TEXT    NOT NULL DEFAULT '',
    at        DATETIME NOT NULL
);
CREATE INDEX audit_log_object ON audit_log (object, object_id);

-- +goose Down
DROP TABLE audit_log;
DROP TABLE outbox;
DROP TABLE sms_codes;
DROP TABLE lawyers;
DROP TABLE firms;
DROP TABLE users;
DROP TABLE sites;
