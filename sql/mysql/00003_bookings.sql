-- +goose Up
CREATE TABLE bookings (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code          VARCHAR(12)  NOT NULL,
    slot_id       BIGINT       NOT NULL,
    site_id       BIGINT       NOT NULL,
    resident_id   BIGINT       NOT NULL,
    status        VARCHAR(20)  NOT NULL,
    active_slot   BIGINT       NULL,
    topic         VARCHAR(100) NOT NULL DEFAULT '',
    note          VARCHAR(500) NOT NULL DEFAULT '',
    cancel_reason VARCHAR(200) NOT NULL DEFAULT '',
    starts_at     DATETIME(6)  NOT NULL,
    ends_at       DATETIME(6)  NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    UNIQUE KEY bookings_code (code),
    UNIQUE KEY bookings_resident_active (resident_id, active_slot),
    KEY bookings_slot (slot_id),
    KEY bookings_resident (resident_id, starts_at),
    KEY bookings_status_start (status, starts_at),
    CONSTRAINT bookings_slot FOREIGN KEY (slot_id) REFERENCES slots (id),
    CONSTRAINT bookings_site FOREIGN KEY (site_id) REFERENCES sites (id),
    CONSTRAINT bookings_resident FOREIGN KEY (resident_id) REFERENCES users (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE idempotency_keys (
    user_id      BIGINT      NOT NULL,
    idem_key     VARCHAR(64) NOT NULL,
    request_hash CHAR(64)    NOT NULL,
    status       INT         NOT NULL,
    response     TEXT        NOT NULL,
    created_at   DATETIME(6) NOT NULL,
    PRIMARY KEY (user_id, idem_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE notices_sent (
    booking_id BIGINT      NOT NULL,
    kind       VARCHAR(20) NOT NULL,
    sent_at    DATETIME(6) NOT NULL,
    PRIMARY KEY (booking_id, kind),
    CONSTRAINT notices_sent_booking FOREIGN KEY (booking_id) REFERENCES bookings (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE sessions (
    token  CHAR(43)    NOT NULL PRIMARY KEY,
    data   MEDIUMBLOB  NOT NULL,
    expiry DATETIME(6) NOT NULL,
    KEY sessions_expiry (expiry)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- +goose Down
DROP TABLE sessions;
DROP TABLE notices_sent;
DROP TABLE idempotency_keys;
DROP TABLE bookings;
