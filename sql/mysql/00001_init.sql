-- +goose Up
CREATE TABLE sites (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name          VARCHAR(100) NOT NULL,
    tier          VARCHAR(20)  NOT NULL,
    parent_id     BIGINT       NULL,
    township      VARCHAR(50)  NOT NULL DEFAULT '',
    address       VARCHAR(200) NOT NULL DEFAULT '',
    phone         VARCHAR(30)  NOT NULL DEFAULT '',
    opening_hours VARCHAR(100) NOT NULL DEFAULT '',
    lat           DOUBLE       NULL,
    lng           DOUBLE       NULL,
    active        BOOLEAN      NOT NULL DEFAULT TRUE,
    sample        BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at    DATETIME(6)  NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    KEY sites_tier_township (tier, township),
    CONSTRAINT sites_parent FOREIGN KEY (parent_id) REFERENCES sites (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE users (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    role          VARCHAR(20)  NOT NULL,
    name          VARCHAR(50)  NOT NULL,
    phone_sealed  VARCHAR(200) NOT NULL,
    phone_index   VARCHAR(64)  NOT NULL,
    password_hash VARCHAR(200) NOT NULL DEFAULT '',
    active        BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    DATETIME(6)  NOT NULL,
    UNIQUE KEY users_phone (phone_index)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE firms (
    id     BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name   VARCHAR(100) NOT NULL,
    sample BOOLEAN      NOT NULL DEFAULT FALSE,
    UNIQUE KEY firms_name (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE lawyers (
    user_id        BIGINT       NOT NULL PRIMARY KEY,
    firm_id        BIGINT       NOT NULL,
    license_no     VARCHAR(30)  NOT NULL,
    licensed_since DATE         NOT NULL,
    specialties    VARCHAR(200) NOT NULL DEFAULT '',
    home_township  VARCHAR(50)  NOT NULL DEFAULT '',
    UNIQUE KEY lawyers_license (license_no),
    CONSTRAINT lawyers_user FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT lawyers_firm FOREIGN KEY (firm_id) REFERENCES firms (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE sms_codes (
    id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    phone_index VARCHAR(64) NOT NULL,
    code_hash   VARCHAR(64) NOT NULL,
    expires_at  DATETIME(6) NOT NULL,
    attempts    INT         NOT NULL DEFAULT 0,
    used_at     DATETIME(6) NULL,
    created_at  DATETIME(6) NOT NULL,
    KEY sms_codes_phone (phone_index, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE outbox (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    channel          VARCHAR(20)  NOT NULL,
    kind             VARCHAR(40)  NOT NULL,
    recipient_sealed VARCHAR(200) NOT NULL,
    recipient_index  VARCHAR(64)  NOT NULL,
    recipient_masked VARCHAR(20)  NOT NULL,
    body             TEXT         NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    KEY outbox_recipient (recipient_index, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE audit_log (
    id        BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id   BIGINT       NULL,
    action    VARCHAR(40)  NOT NULL,
    object    VARCHAR(40)  NOT NULL,
    object_id BIGINT       NOT NULL,
    detail    TEXT         NOT NULL,
    at        DATETIME(6)  NOT NULL,
    KEY audit_log_object (object, object_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- +goose Down
DROP TABLE audit_log;
DROP TABLE outbox;
DROP TABLE sms_codes;
DROP TABLE lawyers;
DROP TABLE firms;
DROP TABLE users;
DROP TABLE sites;
