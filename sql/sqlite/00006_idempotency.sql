-- +goose Up
-- Answers to create requests sent with an Idempotency-Key (bookings keep
-- theirs in idempotency_keys, inside their own transaction).
CREATE TABLE idempotent_responses (
    user_id      INTEGER NOT NULL,
    idem_key     TEXT    NOT NULL,
    route        TEXT    NOT NULL,
    request_hash TEXT    NOT NULL,
    status       INTEGER NOT NULL,
    body         BLOB    NOT NULL,
    created_at   DATETIME NOT NULL,
    PRIMARY KEY (user_id, idem_key)
);

-- +goose Down
DROP TABLE idempotent_responses;
