-- +goose Up
-- The outbox keeps sign-in codes hidden; only a development server with demo
-- data stores them in clear, and marks those entries as a demo aid.
ALTER TABLE outbox ADD COLUMN demo_aid INTEGER NOT NULL DEFAULT 0;
-- Codes written before this change are hidden too (they have expired, but
-- staff had no business reading them).
UPDATE outbox SET body = '【公共法律服务】登录验证码（已隐去）' WHERE kind = 'sms_code';

-- +goose Down
ALTER TABLE outbox DROP COLUMN demo_aid;
