-- +goose Up
CREATE TABLE legal_aid_applications (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code               VARCHAR(20)   NOT NULL,
    applicant_user_id  BIGINT        NULL,
    entered_by         BIGINT        NOT NULL,
    name               VARCHAR(50)   NOT NULL,
    id_sealed          VARCHAR(200)  NOT NULL,
    id_index           VARCHAR(64)   NOT NULL,
    phone_sealed       VARCHAR(200)  NOT NULL,
    phone_index        VARCHAR(64)   NOT NULL,
    address            VARCHAR(200)  NOT NULL DEFAULT '',
    township           VARCHAR(50)   NOT NULL DEFAULT '',
    relation           VARCHAR(30)   NOT NULL,
    represented_name   VARCHAR(50)   NOT NULL DEFAULT '',
    matter             VARCHAR(30)   NOT NULL,
    criminal_category  VARCHAR(30)   NOT NULL DEFAULT '',
    art31_item         VARCHAR(100)  NOT NULL DEFAULT '',
    mandatory          BOOLEAN       NOT NULL DEFAULT FALSE,
    opposing_party     VARCHAR(100)  NOT NULL DEFAULT '',
    summary            VARCHAR(2000) NOT NULL,
    limitation_date    CHAR(10)      NULL,
    urgent_preserve    BOOLEAN       NOT NULL DEFAULT FALSE,
    path               VARCHAR(30)   NOT NULL,
    path_detail        VARCHAR(50)   NOT NULL DEFAULT '',
    veteran            BOOLEAN       NOT NULL DEFAULT FALSE,
    pledge_version     VARCHAR(20)   NOT NULL DEFAULT '',
    pledge_signed_name VARCHAR(50)   NOT NULL DEFAULT '',
    sensitive_consent  BOOLEAN       NOT NULL,
    status             VARCHAR(30)   NOT NULL,
    complete_at        DATETIME(6)   NULL,
    supplement_by      CHAR(10)      NULL,
    missing_materials  VARCHAR(2000) NOT NULL DEFAULT '',
    decided_at         DATETIME(6)   NULL,
    decision_reason    VARCHAR(1000) NOT NULL DEFAULT '',
    lawyer_id          BIGINT        NULL,
    result             VARCHAR(500)  NOT NULL DEFAULT '',
    conflict_override  VARCHAR(500)  NOT NULL DEFAULT '',
    termination_ground VARCHAR(30)   NOT NULL DEFAULT '',
    created_at         DATETIME(6)   NOT NULL,
    updated_at         DATETIME(6)   NOT NULL,
    UNIQUE KEY legal_aid_code (code),
    KEY legal_aid_status (status),
    KEY legal_aid_applicant (applicant_user_id),
    KEY legal_aid_lawyer (lawyer_id),
    KEY legal_aid_id_index (id_index),
    CONSTRAINT legal_aid_applicant FOREIGN KEY (applicant_user_id) REFERENCES users (id),
    CONSTRAINT legal_aid_entered_by FOREIGN KEY (entered_by) REFERENCES users (id),
    CONSTRAINT legal_aid_lawyer FOREIGN KEY (lawyer_id) REFERENCES users (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE legal_aid_events (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    application_id BIGINT        NOT NULL,
    actor          BIGINT        NOT NULL,
    actor_role     VARCHAR(20)   NOT NULL,
    from_status    VARCHAR(30)   NOT NULL,
    to_status      VARCHAR(30)   NOT NULL,
    action         VARCHAR(30)   NOT NULL,
    reason         VARCHAR(1000) NOT NULL DEFAULT '',
    staff_note     VARCHAR(1000) NOT NULL DEFAULT '',
    at             DATETIME(6)   NOT NULL,
    KEY legal_aid_events_app (application_id, id),
    CONSTRAINT legal_aid_events_app FOREIGN KEY (application_id) REFERENCES legal_aid_applications (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE legal_aid_attachments (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    application_id BIGINT       NOT NULL,
    name           VARCHAR(200) NOT NULL,
    content_type   VARCHAR(50)  NOT NULL,
    size           BIGINT       NOT NULL,
    stored_name    VARCHAR(64)  NOT NULL,
    uploaded_by    BIGINT       NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    UNIQUE KEY legal_aid_attachments_stored (stored_name),
    KEY legal_aid_attachments_app (application_id),
    CONSTRAINT legal_aid_attachments_app FOREIGN KEY (application_id) REFERENCES legal_aid_applications (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE legal_aid_objections (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    application_id  BIGINT        NOT NULL,
    from_status     VARCHAR(30)   NOT NULL,
    reason          VARCHAR(1000) NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    filed_at        DATETIME(6)   NOT NULL,
    decided_at      DATETIME(6)   NULL,
    decided_by      BIGINT        NULL,
    decision_reason VARCHAR(1000) NOT NULL DEFAULT '',
    KEY legal_aid_objections_app (application_id, status),
    CONSTRAINT legal_aid_objections_app FOREIGN KEY (application_id) REFERENCES legal_aid_applications (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE firm_clients (
    id        BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    firm_id   BIGINT       NOT NULL,
    lawyer_id BIGINT       NULL,
    client    VARCHAR(100) NOT NULL,
    CONSTRAINT firm_clients_firm FOREIGN KEY (firm_id) REFERENCES firms (id),
    CONSTRAINT firm_clients_lawyer FOREIGN KEY (lawyer_id) REFERENCES users (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- +goose Down
DROP TABLE firm_clients;
DROP TABLE legal_aid_objections;
DROP TABLE legal_aid_attachments;
DROP TABLE legal_aid_events;
DROP TABLE legal_aid_applications;
