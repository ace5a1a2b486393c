-- Users, login sessions and the links between Express customers and users. Runs on SQLite and PostgreSQL.
-- Times are epoch milliseconds (UTC).

-- Deleted users keep their row (state 'DELETED') so their ID is never reused; their username is released.
CREATE TABLE users (
    org_id                   VARCHAR(36)  NOT NULL REFERENCES organizations (id),
    id                       VARCHAR(200) NOT NULL,
    username                 VARCHAR(320) NOT NULL,
    username_lower           VARCHAR(320) NOT NULL,
    given_name               VARCHAR(200) NOT NULL,
    family_name              VARCHAR(200) NOT NULL,
    nick_name                VARCHAR(200) NOT NULL,
    display_name             VARCHAR(200) NOT NULL,
    preferred_language       VARCHAR(10)  NOT NULL,
    gender                   VARCHAR(20)  NOT NULL,
    email                    VARCHAR(320) NOT NULL,
    email_verified           BOOLEAN      NOT NULL,
    phone                    VARCHAR(200) NOT NULL,
    phone_verified           BOOLEAN      NOT NULL,
    state                    VARCHAR(20)  NOT NULL,
    password_hash            TEXT,
    password_change_required BOOLEAN      NOT NULL,
    password_changed_at      BIGINT,
    failed_password_attempts INTEGER      NOT NULL,
    created_at               BIGINT       NOT NULL,
    changed_at               BIGINT       NOT NULL,
    version                  BIGINT       NOT NULL,
    PRIMARY KEY (org_id, id)
);
-- Usernames are unique per organization, case-insensitively, among users that are not deleted.
CREATE UNIQUE INDEX users_username ON users (org_id, username_lower) WHERE state <> 'DELETED';
CREATE INDEX users_newest ON users (org_id, created_at, id);

-- Only the SHA-256 of a session token is stored; the token is shown once, at creation.
CREATE TABLE sessions (
    org_id               VARCHAR(36)  NOT NULL REFERENCES organizations (id),
    id                   VARCHAR(36)  NOT NULL,
    token_sha256         CHAR(64)     NOT NULL,
    user_id              VARCHAR(200),
    user_login_name      VARCHAR(320),
    user_display_name    VARCHAR(200),
    user_org_id          VARCHAR(36),
    user_verified_at     BIGINT,
    password_verified_at BIGINT,
    metadata             TEXT         NOT NULL,
    user_agent           TEXT,
    created_at           BIGINT       NOT NULL,
    changed_at           BIGINT       NOT NULL,
    expires_at           BIGINT,
    terminated_at        BIGINT,
    version              BIGINT       NOT NULL,
    PRIMARY KEY (org_id, id)
);
CREATE INDEX sessions_by_user ON sessions (org_id, user_id);
CREATE INDEX sessions_newest ON sessions (org_id, created_at, id);

-- A user may be linked to several customers; express_customers.user_count is kept equal to the row count here,
-- changed in place in the same transaction as the link row.
CREATE TABLE express_customer_users (
    org_id      VARCHAR(36)  NOT NULL,
    customer_id VARCHAR(36)  NOT NULL,
    user_id     VARCHAR(200) NOT NULL,
    linked_at   BIGINT       NOT NULL,
    PRIMARY KEY (org_id, customer_id, user_id),
    FOREIGN KEY (org_id, customer_id) REFERENCES express_customers (org_id, id),
    FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, id)
);
CREATE INDEX express_customer_users_by_user ON express_customer_users (org_id, user_id);
