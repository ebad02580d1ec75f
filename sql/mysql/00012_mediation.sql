-- +goose Up
-- People's mediation: committees (village, township, trade), disputes taken
-- in by staff or referred from a consultation, their parties (sealed like
-- every other piece of personal data) and the history of every change.
CREATE TABLE mediation_committees (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name       VARCHAR(80)  NOT NULL,
    kind       VARCHAR(12)  NOT NULL,
    township   VARCHAR(40)  NOT NULL DEFAULT '',
    site_id    BIGINT       NULL,
    active     TINYINT(1)   NOT NULL DEFAULT 1,
    sample     TINYINT(1)   NOT NULL DEFAULT 0,
    created_at DATETIME(6)  NOT NULL,
    updated_at DATETIME(6)  NOT NULL,
    UNIQUE KEY mediation_committees_name (name),
    CONSTRAINT mediation_committees_site FOREIGN KEY (site_id) REFERENCES sites (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE disputes (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    number          VARCHAR(20)  NOT NULL,
    type            VARCHAR(12)  NOT NULL,
    summary         TEXT         NOT NULL,
    township        VARCHAR(40)  NOT NULL DEFAULT '',
    status          VARCHAR(12)  NOT NULL,
    source          VARCHAR(12)  NOT NULL,
    consultation_id BIGINT       NULL,
    committee_id    BIGINT       NULL,
    room_site_id    BIGINT       NULL,
    accepted_at     DATETIME(6)  NOT NULL,
    due_at          DATETIME(6)  NOT NULL,
    closed_at       DATETIME(6)  NULL,
    agreement_date  VARCHAR(10)  NOT NULL DEFAULT '',
    agreement       TEXT         NOT NULL,
    referred_to     VARCHAR(12)  NOT NULL DEFAULT '',
    close_note      VARCHAR(500) NOT NULL DEFAULT '',
    created_by      BIGINT       NOT NULL,
    demo            TINYINT(1)   NOT NULL DEFAULT 0,
    created_at      DATETIME(6)  NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    UNIQUE KEY disputes_number (number),
    UNIQUE KEY disputes_consultation (consultation_id),
    KEY disputes_accepted (accepted_at, township),
    KEY disputes_closed (closed_at, status),
    KEY disputes_status (status, due_at),
    CONSTRAINT disputes_consultation FOREIGN KEY (consultation_id) REFERENCES consultations (id),
    CONSTRAINT disputes_committee FOREIGN KEY (committee_id) REFERENCES mediation_committees (id),
    CONSTRAINT disputes_room FOREIGN KEY (room_site_id) REFERENCES sites (id),
    CONSTRAINT disputes_creator FOREIGN KEY (created_by) REFERENCES users (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE dispute_parties (
    id           BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    dispute_id   BIGINT      NOT NULL,
    role         VARCHAR(12) NOT NULL,
    name_sealed  TEXT        NOT NULL,
    phone_sealed TEXT        NOT NULL,
    id_sealed    TEXT        NOT NULL,
    position     INT         NOT NULL,
    KEY dispute_parties_dispute (dispute_id, position),
    CONSTRAINT dispute_parties_of FOREIGN KEY (dispute_id) REFERENCES disputes (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE dispute_events (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    dispute_id  BIGINT       NOT NULL,
    actor_id    BIGINT       NULL,
    from_status VARCHAR(12)  NOT NULL,
    to_status   VARCHAR(12)  NOT NULL,
    note        VARCHAR(500) NOT NULL DEFAULT '',
    at          DATETIME(6)  NOT NULL,
    KEY dispute_events_dispute (dispute_id, id),
    CONSTRAINT dispute_events_of FOREIGN KEY (dispute_id) REFERENCES disputes (id),
    CONSTRAINT dispute_events_actor FOREIGN KEY (actor_id) REFERENCES users (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- +goose Down
DROP TABLE dispute_events;
DROP TABLE dispute_parties;
DROP TABLE disputes;
DROP TABLE mediation_committees;
