-- +goose Up
-- Legal aid by the letter of the Legal Aid Law (issue 10):
-- origin 'notified' marks a criminal defence notified by a court,
-- procuratorate or public-security organ (Arts. 25, 28, 36), with the organ,
-- its case number and the notice's date; the materials notice (Art. 43)
-- pauses the review period: when it was sent, when materials came in, whether
-- uploads wait for the officer's look, and the days paused so far; an
-- objection decided is final (objection_decided) and an overturned termination
-- returns to the step it was taken from (terminated_from); the assigned lawyer
-- reports an Art. 48 ground (reported_*). Objections record who objected
-- (the applicant or the aided person, Art. 49), online or at the window, and
-- the officer who recorded a paper one. The aided person's ID number is
-- kept sealed and indexed like the applicant's. Advance aid (Art. 44)
-- keeps its ground, reason and time. The Art. 41 pledge carries its economic
-- statement: household size, monthly household income (yuan), notable assets.
ALTER TABLE legal_aid_applications ADD COLUMN origin VARCHAR(20) NOT NULL DEFAULT 'application';
ALTER TABLE legal_aid_applications ADD COLUMN notice_organ VARCHAR(20) NOT NULL DEFAULT '';
ALTER TABLE legal_aid_applications ADD COLUMN notice_case_no VARCHAR(50) NOT NULL DEFAULT '';
ALTER TABLE legal_aid_applications ADD COLUMN notice_date CHAR(10) NULL;
ALTER TABLE legal_aid_applications ADD COLUMN materials_notice_at DATETIME(6) NULL;
ALTER TABLE legal_aid_applications ADD COLUMN materials_received_at DATETIME(6) NULL;
ALTER TABLE legal_aid_applications ADD COLUMN materials_to_check BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE legal_aid_applications ADD COLUMN paused_days INT NOT NULL DEFAULT 0;
ALTER TABLE legal_aid_applications ADD COLUMN objection_decided BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE legal_aid_applications ADD COLUMN terminated_from VARCHAR(30) NOT NULL DEFAULT '';
ALTER TABLE legal_aid_applications ADD COLUMN reported_ground VARCHAR(30) NOT NULL DEFAULT '';
ALTER TABLE legal_aid_applications ADD COLUMN reported_reason VARCHAR(1000) NOT NULL DEFAULT '';
ALTER TABLE legal_aid_applications ADD COLUMN aided_id_sealed VARCHAR(200) NOT NULL DEFAULT '';
ALTER TABLE legal_aid_applications ADD COLUMN aided_id_index VARCHAR(64) NOT NULL DEFAULT '';
ALTER TABLE legal_aid_applications ADD COLUMN advance_ground VARCHAR(30) NOT NULL DEFAULT '';
ALTER TABLE legal_aid_applications ADD COLUMN advance_reason VARCHAR(1000) NOT NULL DEFAULT '';
ALTER TABLE legal_aid_applications ADD COLUMN advance_at DATETIME(6) NULL;
ALTER TABLE legal_aid_applications ADD COLUMN household_size INT NOT NULL DEFAULT 0;
ALTER TABLE legal_aid_applications ADD COLUMN household_income INT NOT NULL DEFAULT 0;
ALTER TABLE legal_aid_applications ADD COLUMN notable_assets VARCHAR(200) NOT NULL DEFAULT '';
ALTER TABLE legal_aid_objections ADD COLUMN objector VARCHAR(20) NOT NULL DEFAULT 'applicant';
ALTER TABLE legal_aid_objections ADD COLUMN channel VARCHAR(20) NOT NULL DEFAULT 'online';
ALTER TABLE legal_aid_objections ADD COLUMN recorded_by BIGINT NULL;

-- +goose Down
ALTER TABLE legal_aid_applications DROP COLUMN notable_assets;
ALTER TABLE legal_aid_applications DROP COLUMN household_income;
ALTER TABLE legal_aid_applications DROP COLUMN household_size;
ALTER TABLE legal_aid_applications DROP COLUMN advance_at;
ALTER TABLE legal_aid_applications DROP COLUMN advance_reason;
ALTER TABLE legal_aid_applications DROP COLUMN advance_ground;
ALTER TABLE legal_aid_applications DROP COLUMN aided_id_index;
ALTER TABLE legal_aid_applications DROP COLUMN aided_id_sealed;
ALTER TABLE legal_aid_objections DROP COLUMN recorded_by;
ALTER TABLE legal_aid_objections DROP COLUMN channel;
ALTER TABLE legal_aid_objections DROP COLUMN objector;
ALTER TABLE legal_aid_applications DROP COLUMN reported_reason;
ALTER TABLE legal_aid_applications DROP COLUMN reported_ground;
ALTER TABLE legal_aid_applications DROP COLUMN terminated_from;
ALTER TABLE legal_aid_applications DROP COLUMN objection_decided;
ALTER TABLE legal_aid_applications DROP COLUMN paused_days;
ALTER TABLE legal_aid_applications DROP COLUMN materials_to_check;
ALTER TABLE legal_aid_applications DROP COLUMN materials_received_at;
ALTER TABLE legal_aid_applications DROP COLUMN materials_notice_at;
ALTER TABLE legal_aid_applications DROP COLUMN notice_date;
ALTER TABLE legal_aid_applications DROP COLUMN notice_case_no;
ALTER TABLE legal_aid_applications DROP COLUMN notice_organ;
ALTER TABLE legal_aid_applications DROP COLUMN origin;
