-- Idempotency-Key support (Stripe's model): the first answer to a keyed request is kept for 24 hours and replayed
-- to retries of the same request. status IS NULL while the first request is still running.
CREATE TABLE idempotency_keys (
    org_id       VARCHAR(36)  NOT NULL REFERENCES organizations (id),
    idem_key     VARCHAR(255) NOT NULL,
    fingerprint  CHAR(64)     NOT NULL,
    status       INTEGER,
    content_type VARCHAR(200),
    body         TEXT,
    created_at   BIGINT       NOT NULL,
    PRIMARY KEY (org_id, idem_key)
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
