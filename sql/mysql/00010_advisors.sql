-- +goose Up
-- Village legal advisors (一村（社区）一法律顾问). active_site_id holds the
-- village's id while the assignment is active and NULL once it is closed:
-- its UNIQUE key lets the database itself refuse a second active advisor
-- for a village (NULLs never collide), on MySQL as on SQLite.
CREATE TABLE advisor_assignments (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    site_id        BIGINT       NOT NULL,
    lawyer_id      BIGINT       NOT NULL,
    active_site_id BIGINT       NULL,
    starts_on      CHAR(10)     NOT NULL,
    ends_on        CHAR(10)     NOT NULL,
    status         VARCHAR(20)  NOT NULL,
    ended_on       CHAR(10)     NULL,
    end_reason     VARCHAR(800) NOT NULL DEFAULT '',
    previous_id    BIGINT       NULL,
    onsite_week    INT          NOT NULL,
    onsite_weekday INT          NOT NULL,
    created_by     BIGINT       NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    updated_at     DATETIME(6)  NOT NULL,
    UNIQUE KEY advisor_assignments_one_active (active_site_id),
    KEY advisor_assignments_site (site_id, id),
    KEY advisor_assignments_lawyer (lawyer_id, status),
    CONSTRAINT advisor_assignments_site FOREIGN KEY (site_id) REFERENCES sites (id),
    CONSTRAINT advisor_assignments_active_site FOREIGN KEY (active_site_id) REFERENCES sites (id),
    CONSTRAINT advisor_assignments_lawyer FOREIGN KEY (lawyer_id) REFERENCES lawyers (user_id),
    CONSTRAINT advisor_assignments_previous FOREIGN KEY (previous_id) REFERENCES advisor_assignments (id),
    CONSTRAINT advisor_assignments_active CHECK ((status = 'active') = (active_site_id IS NOT NULL)),
    CONSTRAINT advisor_assignments_same_site CHECK (active_site_id IS NULL OR active_site_id = site_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE advisor_logs (
    id         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    lawyer_id  BIGINT        NOT NULL,
    site_id    BIGINT        NOT NULL,
    date       CHAR(10)      NOT NULL,
    kind       VARCHAR(20)   NOT NULL,
    count      INT           NOT NULL,
    people     INT           NOT NULL DEFAULT 0,
    notes      VARCHAR(2000) NOT NULL DEFAULT '',
    photo      VARCHAR(64)   NOT NULL DEFAULT '',
    photo_type VARCHAR(20)   NOT NULL DEFAULT '',
    created_at DATETIME(6)   NOT NULL,
    KEY advisor_logs_lawyer_date (lawyer_id, date),
    KEY advisor_logs_date (date),
    CONSTRAINT advisor_logs_lawyer FOREIGN KEY (lawyer_id) REFERENCES lawyers (user_id),
    CONSTRAINT advisor_logs_site FOREIGN KEY (site_id) REFERENCES sites (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One reminder per contract that nears its end, written before it is sent.
CREATE TABLE advisor_reminders (
    assignment_id BIGINT      NOT NULL PRIMARY KEY,
    sent_at       DATETIME(6) NOT NULL,
    CONSTRAINT advisor_reminders_assignment FOREIGN KEY (assignment_id) REFERENCES advisor_assignments (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The number residents may call: a work phone, published, not personal data.
ALTER TABLE lawyers ADD COLUMN work_phone VARCHAR(30) NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE lawyers DROP COLUMN work_phone;
DROP TABLE advisor_reminders;
DROP TABLE advisor_logs;
DROP TABLE advisor_assignments;
