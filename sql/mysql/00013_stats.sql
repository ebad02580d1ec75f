-- +goose Up
-- Statistics (issue 15): the special groups a legal-aid case's aided person
-- belongs to (Legal Aid Law Arts. 42, 25; the Law on the Protection of
-- Minors, the Elderly, Disabled Persons, Women, and of veterans), kept as a
-- comma-framed list (",minor,elderly,") so one scan counts each group with
-- LIKE on either engine; derived at submission, confirmed by an officer
-- (who and when). A demo flag marks the demo history's rows, so annual
-- figures can say they include demo data. The indexes serve the period
-- counts; most cover every column their count reads, so a year is counted
-- from the index alone.
ALTER TABLE legal_aid_applications ADD COLUMN special_groups VARCHAR(200) NOT NULL DEFAULT '';
ALTER TABLE legal_aid_applications ADD COLUMN groups_confirmed_by BIGINT NULL;
ALTER TABLE legal_aid_applications ADD COLUMN groups_confirmed_at DATETIME(6) NULL;
ALTER TABLE legal_aid_applications ADD COLUMN demo BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE bookings ADD COLUMN demo BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE consultations ADD COLUMN demo BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE notary_visits ADD COLUMN demo BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE advisor_logs ADD COLUMN demo BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX legal_aid_created ON legal_aid_applications (created_at, township, origin, special_groups);
CREATE INDEX legal_aid_decided ON legal_aid_applications (decided_at, township, origin, complete_at, paused_days);
CREATE INDEX legal_aid_events_to ON legal_aid_events (to_status, at, from_status, application_id);
CREATE INDEX bookings_start ON bookings (starts_at, site_id, status);
CREATE INDEX bookings_site_start ON bookings (site_id, starts_at);
CREATE INDEX legal_aid_township ON legal_aid_applications (township, created_at);
CREATE INDEX sites_township ON sites (township);
CREATE INDEX advisor_logs_site_date ON advisor_logs (site_id, date);
CREATE INDEX disputes_township_accepted ON disputes (township, accepted_at);
CREATE INDEX disputes_township_closed ON disputes (township, closed_at);
CREATE INDEX consultations_created ON consultations (created_at, site_id, walk_in);
CREATE INDEX notary_visits_status_start ON notary_visits (status, starts_at);
CREATE INDEX advisor_logs_period ON advisor_logs (date, site_id, lawyer_id, count, people);
CREATE INDEX disputes_closed_town ON disputes (closed_at, status, township);
CREATE INDEX legal_aid_demo ON legal_aid_applications (demo, created_at);
CREATE INDEX bookings_demo ON bookings (demo, starts_at);
CREATE INDEX consultations_demo ON consultations (demo, created_at);
CREATE INDEX notary_visits_demo ON notary_visits (demo, starts_at);
CREATE INDEX advisor_logs_demo ON advisor_logs (demo, date);
CREATE INDEX disputes_demo ON disputes (demo, accepted_at);

-- +goose Down
DROP INDEX disputes_closed_town ON disputes;
DROP INDEX advisor_logs_period ON advisor_logs;
DROP INDEX disputes_demo ON disputes;
DROP INDEX advisor_logs_demo ON advisor_logs;
DROP INDEX notary_visits_demo ON notary_visits;
DROP INDEX consultations_demo ON consultations;
DROP INDEX bookings_demo ON bookings;
DROP INDEX legal_aid_demo ON legal_aid_applications;
DROP INDEX notary_visits_status_start ON notary_visits;
DROP INDEX consultations_created ON consultations;
DROP INDEX disputes_township_closed ON disputes;
DROP INDEX disputes_township_accepted ON disputes;
DROP INDEX advisor_logs_site_date ON advisor_logs;
DROP INDEX sites_township ON sites;
DROP INDEX legal_aid_township ON legal_aid_applications;
DROP INDEX bookings_site_start ON bookings;
DROP INDEX bookings_start ON bookings;
DROP INDEX legal_aid_events_to ON legal_aid_events;
DROP INDEX legal_aid_decided ON legal_aid_applications;
DROP INDEX legal_aid_created ON legal_aid_applications;
ALTER TABLE advisor_logs DROP COLUMN demo;
ALTER TABLE notary_visits DROP COLUMN demo;
ALTER TABLE consultations DROP COLUMN demo;
ALTER TABLE bookings DROP COLUMN demo;
ALTER TABLE legal_aid_applications DROP COLUMN demo;
ALTER TABLE legal_aid_applications DROP COLUMN groups_confirmed_at;
ALTER TABLE legal_aid_applications DROP COLUMN groups_confirmed_by;
ALTER TABLE legal_aid_applications DROP COLUMN special_groups;
