-- Webhook endpoints and their deliveries (Standard Webhooks). The event log is the outbox: each endpoint keeps its own
-- place in its organization's feed (cursor_tx_id, cursor_position) and a dispatcher moves it on after delivering.
-- The signing secrets are kept as they are, since signing needs them (they authenticate Roster to the receiver; they
-- grant nothing on Roster itself).
CREATE TABLE webhook_endpoints (
    org_id                   VARCHAR(36)   NOT NULL REFERENCES organizations (id),
    id                       VARCHAR(36)   NOT NULL,
    url                      VARCHAR(2048) NOT NULL,
    event_types              TEXT          NOT NULL,
    description              VARCHAR(1000) NOT NULL,
    enabled                  BOOLEAN       NOT NULL,
    disabled_reason          VARCHAR(200),
    secret                   VARCHAR(200)  NOT NULL,
    previous_secret          VARCHAR(200),
    previous_secret_until    BIGINT,
    cursor_tx_id             BIGINT        NOT NULL,
    cursor_position          BIGINT        NOT NULL,
    lease_owner              VARCHAR(64),
    lease_until              BIGINT,
    failing_since            BIGINT,
    created_at               BIGINT        NOT NULL,
    updated_at               BIGINT        NOT NULL,
    created_by_api_key_id    VARCHAR(36),
    version                  BIGINT        NOT NULL,
    PRIMARY KEY (org_id, id)
);
CREATE INDEX webhook_endpoints_newest ON webhook_endpoints (org_id, created_at DESC, id DESC);
CREATE INDEX webhook_endpoints_enabled ON webhook_endpoints (enabled);

-- Events waiting for another attempt (a failure, a resend, a recovery), each at its place in the feed.
CREATE TABLE webhook_retries (
    org_id           VARCHAR(36) NOT NULL,
    endpoint_id      VARCHAR(36) NOT NULL,
    event_tx_id      BIGINT      NOT NULL,
    event_position   BIGINT      NOT NULL,
    attempt          INTEGER     NOT NULL,
    next_attempt_at  BIGINT      NOT NULL,
    PRIMARY KEY (org_id, endpoint_id, event_tx_id, event_position)
);
CREATE INDEX webhook_retries_due ON webhook_retries (org_id, endpoint_id, next_attempt_at);

-- Every delivery attempt, newest first per endpoint: one row per delivery, written by the same writer as the write
-- path's own rows, so it is one B-tree keyed as the attempts list reads it (on SQLite ${withoutRowid} drops the
-- rowid table; on PostgreSQL the primary key is the one index).
CREATE TABLE webhook_attempts (
    org_id          VARCHAR(36)  NOT NULL,
    endpoint_id     VARCHAR(36)  NOT NULL,
    created_at      BIGINT       NOT NULL,
    id              VARCHAR(36)  NOT NULL,
    event_id        VARCHAR(36)  NOT NULL,
    event_type      VARCHAR(80)  NOT NULL,
    attempt         INTEGER      NOT NULL,
    status_code     INTEGER,
    error           VARCHAR(500),
    duration_ms     BIGINT       NOT NULL,
    next_attempt_at BIGINT,
    PRIMARY KEY (org_id, endpoint_id, created_at, id)
)${withoutRowid};
