-- +goose Up
CREATE TABLE bookings (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    code          TEXT    NOT NULL UNIQUE,
    slot_id       INTEGER NOT NULL REFERENCES slots (id),
    site_id       INTEGER NOT NULL REFERENCES sites (id),
    resident_id   INTEGER NOT NULL REFERENCES users (id),
    status        TEXT    NOT NULL,
    -- the slot while the booking is confirmed, NULL after: one active
    -- booking per resident and slot, enforced by the unique index
    active_slot   INTEGER,
    topic         TEXT    NOT NULL DEFAULT '',
    note          TEXT    NOT NULL DEFAULT '',
    cancel_reason TEXT    NOT NULL DEFAULT '',
    starts_at     DATETIME NOT NULL,
    ends_at       DATETIME NOT NULL,
    created_at    DATETIME NOT NULL,
    updated_at    DATETIME NOT NULL
);
CREATE UNIQUE INDEX bookings_resident_active ON bookings (resident_id, active_slot);
CREATE INDEX bookings_slot ON bookings (slot_id);
CREATE INDEX bookings_resident ON bookings (resident_id, starts_at);
CREATE INDEX bookings_status_start ON bookings (status, starts_at);

CREATE TABLE idempotency_keys (
    user_id      INTEGER NOT NULL,
    idem_key     TEXT    NOT NULL,
    request_hash TEXT    NOT NULL,
    status       INTEGER NOT NULL,
    response     TEXT    NOT NULL,
    created_at   DATETIME NOT NULL,
    PRIMARY KEY (user_id, idem_key)
);

CREATE TABLE notices_sent (
    booking_id INTEGER NOT NULL REFERENCES bookings (id),
    kind       TEXT    NOT NULL,
    sent_at    DATETIME NOT NULL,
    PRIMARY KEY (booking_id, kind)
);

CREATE TABLE sessions (
    token  TEXT PRIMARY KEY,
    data   BLOB NOT NULL,
    expiry DATETIME NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expiry);

-- +goose Down
DROP TABLE sessions;
DROP TABLE notices_sent;
DROP TABLE idempotency_keys;
DROP TABLE bookings;
