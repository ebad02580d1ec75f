-- +goose Up
-- Answers to create requests sent with an Idempotency-Key (bookings keep
-- theirs in idempotency_keys, inside their own transaction).
CREATE TABLE idempotent_responses (
    user_id      BIGINT       NOT NULL,
    idem_key     VARCHAR(64)  NOT NULL,
    route        VARCHAR(100) NOT NULL,
    request_hash CHAR(64)     NOT NULL,
    status       INT          NOT NULL,
    body         MEDIUMBLOB   NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (user_id, idem_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- +goose Down
DROP TABLE idempotent_responses;
