-- Every delivery attempt, newest first per endpoint: one row per delivery, so one index (keyed as the attempts list
-- reads it) beside the table rather than two.
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
);
