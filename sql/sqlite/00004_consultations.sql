-- +goose Up
CREATE TABLE waitlist (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id     INTEGER NOT NULL REFERENCES sites (id),
    date        TEXT    NOT NULL,
    resident_id INTEGER NOT NULL REFERENCES users (id),
    status      TEXT    NOT NULL,
    slot_id     INTEGER,
    offered_at  DATETIME,
    created_at  DATETIME NOT NULL
);
CREATE UNIQUE INDEX waitlist_once ON waitlist (site_id, date, resident_id);
CREATE INDEX waitlist_queue ON waitlist (site_id, date, status, id);

CREATE TABLE consultations (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    booking_id  INTEGER UNIQUE REFERENCES bookings (id),
    site_id     INTEGER NOT NULL REFERENCES sites (id),
    lawyer_id   INTEGER NOT NULL REFERENCES users (id),
    resident_id INTEGER REFERENCES users (id),
    walk_in     INTEGER NOT NULL DEFAULT 0,
    visitor     TEXT    NOT NULL DEFAULT '',
    category    TEXT    NOT NULL,
    summary     TEXT    NOT NULL,
    outcome     TEXT    NOT NULL,
    referral    TEXT    NOT NULL DEFAULT '',
    created_at  DATETIME NOT NULL
);
CREATE INDEX consultations_site ON consultations (site_id, created_at);
CREATE INDEX consultations_resident ON consultations (resident_id);

CREATE TABLE ratings (
    booking_id INTEGER PRIMARY KEY REFERENCES bookings (id),
    score      INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment    TEXT    NOT NULL DEFAULT '',
    created_at DATETIME NOT NULL
);

-- +goose Down
DROP TABLE ratings;
DROP TABLE consultations;
DROP TABLE waitlist;
