-- One migration set for SQLite and PostgreSQL. Times are epoch milliseconds (UTC); ${identity} is the only
-- dialect difference (an auto-assigned 64-bit key).

CREATE TABLE organizations (
    id         VARCHAR(36)  NOT NULL PRIMARY KEY,
    name       VARCHAR(1000) NOT NULL,
    created_at BIGINT       NOT NULL,
    version    BIGINT       NOT NULL
);

CREATE TABLE api_keys (
    id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    org_id         VARCHAR(36)  NOT NULL REFERENCES organizations (id),
    name           VARCHAR(1000) NOT NULL,
    secret_sha256  CHAR(64)     NOT NULL UNIQUE,
    instance_admin BOOLEAN      NOT NULL,
    created_at     BIGINT       NOT NULL,
    revoked_at     BIGINT,
    version        BIGINT       NOT NULL
);
CREATE INDEX api_keys_by_org ON api_keys (org_id, created_at);

CREATE TABLE express_customers (
    org_id                VARCHAR(36) NOT NULL REFERENCES organizations (id),
    id                    VARCHAR(36) NOT NULL,
    name                  TEXT        NOT NULL,
    is_active             BOOLEAN     NOT NULL,
    user_count            BIGINT      NOT NULL,
    metadata              TEXT,
    created_at            BIGINT      NOT NULL,
    updated_at            BIGINT      NOT NULL,
    created_by_api_key_id VARCHAR(36),
    created_by_user_id    VARCHAR(36),
    version               BIGINT      NOT NULL,
    PRIMARY KEY (org_id, id)
);
-- Keyset paging, newest first.
CREATE INDEX express_customers_newest ON express_customers (org_id, created_at DESC, id DESC);

-- The audit log and the source of the events API: one row per state change, written in the same
-- transaction as the change. aggregate_version is ZITADEL's details.sequence.
CREATE TABLE events (
    position          ${identity},
    org_id            VARCHAR(36)  NOT NULL,
    aggregate_type    VARCHAR(40)  NOT NULL,
    aggregate_id      VARCHAR(64)  NOT NULL,
    aggregate_version BIGINT       NOT NULL,
    type              VARCHAR(80)  NOT NULL,
    actor_type        VARCHAR(20)  NOT NULL,
    actor_id          VARCHAR(64)  NOT NULL,
    reason            TEXT,
    payload           TEXT         NOT NULL,
    created_at        BIGINT       NOT NULL,
    UNIQUE (aggregate_type, aggregate_id, aggregate_version)
);
CREATE INDEX events_by_org ON events (org_id, position);
