-- +goose Up
-- The notary office's matter catalogue, its own calendar of slots, visits
-- (at the office over consecutive slots, or at home), and pre-checked
-- materials. Lists are JSON text, read and written whole with their row.
CREATE TABLE notary_matters (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name           VARCHAR(60)  NOT NULL,
    category       VARCHAR(40)  NOT NULL,
    materials      TEXT         NOT NULL,
    in_person_only TINYINT(1)   NOT NULL DEFAULT 0,
    minutes        INT          NOT NULL,
    fee_note       VARCHAR(200) NOT NULL DEFAULT '',
    home_visit     TINYINT(1)   NOT NULL DEFAULT 0,
    active         TINYINT(1)   NOT NULL DEFAULT 1,
    created_at     DATETIME(6)  NOT NULL,
    updated_at     DATETIME(6)  NOT NULL,
    UNIQUE KEY notary_matters_name (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE notary_slots (
    id        BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    site_id   BIGINT      NOT NULL,
    starts_at DATETIME(6) NOT NULL,
    ends_at   DATETIME(6) NOT NULL,
    capacity  INT         NOT NULL,
    booked    INT         NOT NULL DEFAULT 0,
    UNIQUE KEY notary_slots_site_start (site_id, starts_at),
    CONSTRAINT notary_slots_site FOREIGN KEY (site_id) REFERENCES sites (id),
    CONSTRAINT notary_slots_places CHECK (booked >= 0 AND booked <= capacity)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE notary_visits (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code            VARCHAR(12)  NOT NULL,
    kind            VARCHAR(10)  NOT NULL,
    site_id         BIGINT       NOT NULL,
    resident_id     BIGINT       NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    active_slot     BIGINT       NULL,
    matter_ids      TEXT         NOT NULL,
    parties         TEXT         NOT NULL,
    id_sealed       TEXT         NOT NULL,
    id_index        VARCHAR(64)  NOT NULL DEFAULT '',
    priority        TINYINT(1)   NOT NULL DEFAULT 0,
    priority_reason VARCHAR(40)  NOT NULL DEFAULT '',
    fee_reduced     TINYINT(1)   NOT NULL DEFAULT 0,
    materials_state VARCHAR(20)  NOT NULL DEFAULT 'pending',
    missing         TEXT         NOT NULL,
    checked_at      DATETIME(6)  NULL,
    certificate_no  VARCHAR(40)  NOT NULL DEFAULT '',
    fee_charged     INT          NOT NULL DEFAULT 0,
    fee_waived      TINYINT(1)   NOT NULL DEFAULT 0,
    address         VARCHAR(200) NOT NULL DEFAULT '',
    reason          VARCHAR(200) NOT NULL DEFAULT '',
    preferred_dates VARCHAR(100) NOT NULL DEFAULT '',
    notary_name     VARCHAR(40)  NOT NULL DEFAULT '',
    cancel_reason   VARCHAR(200) NOT NULL DEFAULT '',
    starts_at       DATETIME(6)  NULL,
    ends_at         DATETIME(6)  NULL,
    created_at      DATETIME(6)  NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    UNIQUE KEY notary_visits_code (code),
    UNIQUE KEY notary_visits_resident_active (resident_id, active_slot),
    KEY notary_visits_resident (resident_id, created_at),
    KEY notary_visits_start (site_id, starts_at),
    CONSTRAINT notary_visits_site FOREIGN KEY (site_id) REFERENCES sites (id),
    CONSTRAINT notary_visits_resident FOREIGN KEY (resident_id) REFERENCES users (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE notary_visit_slots (
    visit_id BIGINT NOT NULL,
    slot_id  BIGINT NOT NULL,
    PRIMARY KEY (visit_id, slot_id),
    KEY notary_visit_slots_slot (slot_id),
    CONSTRAINT notary_visit_slots_visit FOREIGN KEY (visit_id) REFERENCES notary_visits (id),
    CONSTRAINT notary_visit_slots_slot FOREIGN KEY (slot_id) REFERENCES notary_slots (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE notary_materials (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    visit_id    BIGINT       NOT NULL,
    item        VARCHAR(100) NOT NULL,
    name        VARCHAR(200) NOT NULL,
    type        VARCHAR(40)  NOT NULL,
    size        BIGINT       NOT NULL,
    stored      VARCHAR(64)  NOT NULL,
    uploaded_by BIGINT       NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    UNIQUE KEY notary_materials_stored (stored),
    KEY notary_materials_visit (visit_id),
    CONSTRAINT notary_materials_visit FOREIGN KEY (visit_id) REFERENCES notary_visits (id),
    CONSTRAINT notary_materials_user FOREIGN KEY (uploaded_by) REFERENCES users (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE notary_notices (
    visit_id BIGINT      NOT NULL,
    kind     VARCHAR(20) NOT NULL,
    sent_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (visit_id, kind),
    CONSTRAINT notary_notices_visit FOREIGN KEY (visit_id) REFERENCES notary_visits (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Residents waiting for a freed time on a day; the first is offered it.
CREATE TABLE notary_waitlist (
    id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    site_id     BIGINT      NOT NULL,
    resident_id BIGINT      NOT NULL,
    date        CHAR(10)    NOT NULL,
    matter_ids  TEXT        NOT NULL,
    status      VARCHAR(10) NOT NULL DEFAULT 'waiting',
    slot_id     BIGINT      NULL,
    created_at  DATETIME(6) NOT NULL,
    UNIQUE KEY notary_waitlist_once (resident_id, site_id, date),
    KEY notary_waitlist_queue (site_id, date, status, id),
    CONSTRAINT notary_waitlist_site FOREIGN KEY (site_id) REFERENCES sites (id),
    CONSTRAINT notary_waitlist_resident FOREIGN KEY (resident_id) REFERENCES users (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- +goose Down
DROP TABLE notary_waitlist;
DROP TABLE notary_notices;
DROP TABLE notary_materials;
DROP TABLE notary_visit_slots;
DROP TABLE notary_visits;
DROP TABLE notary_slots;
DROP TABLE notary_matters;
