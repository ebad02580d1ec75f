-- +goose Up
CREATE TABLE waitlist (
    id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    site_id     BIGINT      NOT NULL,
    date        CHAR(10)    NOT NULL,
    resident_id BIGINT      NOT NULL,
    status      VARCHAR(20) NOT NULL,
    slot_id     BIGINT      NULL,
    offered_at  DATETIME(6) NULL,
    created_at  DATETIME(6) NOT NULL,
    UNIQUE KEY waitlist_once (site_id, date, resident_id),
    KEY waitlist_queue (site_id, date, status, id),
    CONSTRAINT waitlist_site FOREIGN KEY (site_id) REFERENCES sites (id),
    CONSTRAINT waitlist_resident FOREIGN KEY (resident_id) REFERENCES users (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE consultations (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    booking_id  BIGINT        NULL,
    site_id     BIGINT        NOT NULL,
    lawyer_id   BIGINT        NOT NULL,
    resident_id BIGINT        NULL,
    walk_in     BOOLEAN       NOT NULL DEFAULT FALSE,
    visitor     VARCHAR(50)   NOT NULL DEFAULT '',
    category    VARCHAR(40)   NOT NULL,
    summary     VARCHAR(2000) NOT NULL,
    outcome     VARCHAR(40)   NOT NULL,
    referral    VARCHAR(20)   NOT NULL DEFAULT '',
    created_at  DATETIME(6)   NOT NULL,
    UNIQUE KEY consultations_booking (booking_id),
    KEY consultations_site (site_id, created_at),
    KEY consultations_resident (resident_id),
    CONSTRAINT consultations_booking FOREIGN KEY (booking_id) REFERENCES bookings (id),
    CONSTRAINT consultations_site FOREIGN KEY (site_id) REFERENCES sites (id),
    CONSTRAINT consultations_lawyer FOREIGN KEY (lawyer_id) REFERENCES users (id),
    CONSTRAINT consultations_resident FOREIGN KEY (resident_id) REFERENCES users (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE ratings (
    booking_id BIGINT       NOT NULL PRIMARY KEY,
    score      INT          NOT NULL,
    comment    VARCHAR(500) NOT NULL DEFAULT '',
    created_at DATETIME(6)  NOT NULL,
    CONSTRAINT ratings_booking FOREIGN KEY (booking_id) REFERENCES bookings (id),
    CONSTRAINT ratings_score CHECK (score BETWEEN 1 AND 5)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- +goose Down
DROP TABLE ratings;
DROP TABLE consultations;
DROP TABLE waitlist;
