-- +goose Up
CREATE TABLE calendar_overrides (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    date       CHAR(10)     NOT NULL,
    site_id    BIGINT       NULL,
    site_key   BIGINT       AS (COALESCE(site_id, 0)) STORED,
    kind       VARCHAR(20)  NOT NULL,
    name       VARCHAR(100) NOT NULL DEFAULT '',
    created_by BIGINT       NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    UNIQUE KEY calendar_overrides_date_site (date, site_key),
    CONSTRAINT calendar_overrides_site FOREIGN KEY (site_id) REFERENCES sites (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE calendar_years (
    year      INT         NOT NULL PRIMARY KEY,
    loaded_by BIGINT      NOT NULL,
    loaded_at DATETIME(6) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE duty_rules (
    id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    site_id             BIGINT       NOT NULL,
    pattern             VARCHAR(20)  NOT NULL,
    weekdays            VARCHAR(20)  NOT NULL DEFAULT '',
    nth                 INT          NOT NULL DEFAULT 0,
    sessions            VARCHAR(500) NOT NULL,
    slot_minutes        INT          NOT NULL,
    capacity            INT          NOT NULL,
    lawyers_per_session INT          NOT NULL,
    holiday_policy      VARCHAR(20)  NOT NULL,
    effective_from      CHAR(10)     NOT NULL,
    effective_to        CHAR(10)     NULL,
    active              BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at          DATETIME(6)  NOT NULL,
    updated_at          DATETIME(6)  NOT NULL,
    KEY duty_rules_site (site_id),
    CONSTRAINT duty_rules_site FOREIGN KEY (site_id) REFERENCES sites (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE site_lawyers (
    site_id   BIGINT NOT NULL,
    lawyer_id BIGINT NOT NULL,
    PRIMARY KEY (site_id, lawyer_id),
    KEY site_lawyers_lawyer (lawyer_id),
    CONSTRAINT site_lawyers_site FOREIGN KEY (site_id) REFERENCES sites (id),
    CONSTRAINT site_lawyers_lawyer FOREIGN KEY (lawyer_id) REFERENCES lawyers (user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE absences (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    lawyer_id  BIGINT       NOT NULL,
    date_from  CHAR(10)     NOT NULL,
    date_to    CHAR(10)     NOT NULL,
    kind       VARCHAR(20)  NOT NULL,
    reason     VARCHAR(200) NOT NULL DEFAULT '',
    created_at DATETIME(6)  NOT NULL,
    KEY absences_lawyer (lawyer_id, date_from),
    CONSTRAINT absences_lawyer FOREIGN KEY (lawyer_id) REFERENCES lawyers (user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE shifts (
    id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    site_id    BIGINT      NOT NULL,
    rule_id    BIGINT      NULL,
    lawyer_id  BIGINT      NULL,
    date       CHAR(10)    NOT NULL,
    session    INT         NOT NULL,
    seat       INT         NOT NULL,
    starts_at  DATETIME(6) NOT NULL,
    ends_at    DATETIME(6) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    UNIQUE KEY shifts_place (site_id, date, session, seat),
    KEY shifts_lawyer_date (lawyer_id, date),
    KEY shifts_date (date),
    CONSTRAINT shifts_site FOREIGN KEY (site_id) REFERENCES sites (id),
    CONSTRAINT shifts_rule FOREIGN KEY (rule_id) REFERENCES duty_rules (id),
    CONSTRAINT shifts_lawyer FOREIGN KEY (lawyer_id) REFERENCES lawyers (user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE slots (
    id        BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    shift_id  BIGINT      NOT NULL,
    site_id   BIGINT      NOT NULL,
    lawyer_id BIGINT      NULL,
    starts_at DATETIME(6) NOT NULL,
    ends_at   DATETIME(6) NOT NULL,
    capacity  INT         NOT NULL,
    booked    INT         NOT NULL DEFAULT 0,
    UNIQUE KEY slots_shift_start (shift_id, starts_at),
    KEY slots_site_start (site_id, starts_at),
    CONSTRAINT slots_shift FOREIGN KEY (shift_id) REFERENCES shifts (id),
    CONSTRAINT slots_site FOREIGN KEY (site_id) REFERENCES sites (id),
    CONSTRAINT slots_lawyer FOREIGN KEY (lawyer_id) REFERENCES lawyers (user_id),
    CONSTRAINT slots_booked CHECK (booked >= 0 AND booked <= capacity)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE shift_changes (
    id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    shift_id    BIGINT      NOT NULL,
    from_lawyer BIGINT      NULL,
    to_lawyer   BIGINT      NULL,
    reason      VARCHAR(20) NOT NULL,
    actor       BIGINT      NULL,
    at          DATETIME(6) NOT NULL,
    KEY shift_changes_shift (shift_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE shift_swaps (
    id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    shift_id    BIGINT      NOT NULL,
    from_lawyer BIGINT      NOT NULL,
    to_lawyer   BIGINT      NOT NULL,
    status      VARCHAR(20) NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    decided_at  DATETIME(6) NULL,
    KEY shift_swaps_to (to_lawyer, status),
    CONSTRAINT shift_swaps_shift FOREIGN KEY (shift_id) REFERENCES shifts (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE calendar_feeds (
    lawyer_id    BIGINT       NOT NULL PRIMARY KEY,
    token_index  VARCHAR(64)  NOT NULL,
    token_sealed VARCHAR(200) NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    UNIQUE KEY calendar_feeds_token (token_index),
    CONSTRAINT calendar_feeds_lawyer FOREIGN KEY (lawyer_id) REFERENCES lawyers (user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

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
