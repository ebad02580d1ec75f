-- +goose Up
-- A lawyer may reopen and correct a consultation record; what it said
-- before each correction is kept.
CREATE TABLE consultation_edits (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    consultation_id BIGINT       NOT NULL,
    editor          BIGINT       NOT NULL,
    category        VARCHAR(40)  NOT NULL,
    summary         TEXT         NOT NULL,
    outcome         VARCHAR(40)  NOT NULL,
    edited_at       DATETIME(6)  NOT NULL,
    KEY consultation_edits_record (consultation_id, id),
    CONSTRAINT consultation_edits_record_fk FOREIGN KEY (consultation_id) REFERENCES consultations (id),
    CONSTRAINT consultation_edits_editor_fk FOREIGN KEY (editor) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- +goose Down
DROP TABLE consultation_edits;
