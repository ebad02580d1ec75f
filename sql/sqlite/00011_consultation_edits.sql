-- +goose Up
-- A lawyer may reopen and correct a consultation record; what it said
-- before each correction is kept.
CREATE TABLE consultation_edits (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    consultation_id INTEGER NOT NULL REFERENCES consultations (id),
    editor          INTEGER NOT NULL REFERENCES users (id),
    category        TEXT    NOT NULL,
    summary         TEXT    NOT NULL,
    outcome         TEXT    NOT NULL,
    edited_at       DATETIME NOT NULL
);
CREATE INDEX consultation_edits_record ON consultation_edits (consultation_id, id);

-- +goose Down
DROP TABLE consultation_edits;
