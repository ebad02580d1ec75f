-- +goose Up
-- The outbox keeps sign-in codes hidden; only a development server with demo
-- data stores them in clear, and marks those entries as a demo aid.
ALTER TABLE outbox ADD COLUMN demo_aid INTEGER NOT NULL DEFAULT 0;
-- Codes written before this change are hidden too: staff had no business
-- reading them.
UPDATE outbox SET body = '【公共法律服务】登录验证码（已隐去）' WHERE kind = 'sms_code';

-- A code is bound to the client that asked for it (a random challenge kept
-- in its session; only the hash is stored), so that guesses from anyone
-- else cannot spend it. Codes from before have no challenge and never match.
ALTER TABLE sms_codes ADD COLUMN challenge_hash TEXT NOT NULL DEFAULT '';
CREATE INDEX sms_codes_challenge ON sms_codes (phone_index, challenge_hash, id);
DROP INDEX sms_codes_phone;

-- +goose Down
CREATE INDEX sms_codes_phone ON sms_codes (phone_index, id);
DROP INDEX sms_codes_challenge;
ALTER TABLE sms_codes DROP COLUMN challenge_hash;
ALTER TABLE outbox DROP COLUMN demo_aid;
