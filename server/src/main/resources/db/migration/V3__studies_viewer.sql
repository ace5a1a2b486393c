-- Viewer studies, the Viewer-only attributes of users, and instance-wide secrets. Runs on SQLite and PostgreSQL.
-- Times are epoch milliseconds (UTC).

-- description_lower is the description lower-cased by the server, so the case-insensitive contains filter behaves
-- the same on both engines (SQLite's LOWER only folds ASCII). References are kept as IDs and resolved at read time.
CREATE TABLE studies (
    org_id                VARCHAR(36)  NOT NULL REFERENCES organizations (id),
    id                    VARCHAR(36)  NOT NULL,
    instance_uid          VARCHAR(64)  NOT NULL,
    description           TEXT         NOT NULL,
    description_lower     TEXT         NOT NULL,
    severity              VARCHAR(10)  NOT NULL,
    viewer_status         VARCHAR(20)  NOT NULL,
    cancelled_at          BIGINT,
    assigned_to           VARCHAR(200),
    express_customer_id   VARCHAR(36),
    created_by_api_key_id VARCHAR(36),
    created_by_user_id    VARCHAR(200),
    metadata              TEXT,
    created_at            BIGINT       NOT NULL,
    updated_at            BIGINT       NOT NULL,
    version               BIGINT       NOT NULL,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, assigned_to) REFERENCES users (org_id, id),
    FOREIGN KEY (org_id, express_customer_id) REFERENCES express_customers (org_id, id)
);
-- A Study Instance UID names one study per organization (avara-v1.md §6.0 item 15).
CREATE UNIQUE INDEX studies_uid ON studies (org_id, instance_uid);
-- Keyset paging, newest first.
CREATE INDEX studies_newest ON studies (org_id, created_at DESC, id DESC);
CREATE INDEX studies_by_assignee ON studies (org_id, assigned_to);
CREATE INDEX studies_by_customer ON studies (org_id, express_customer_id);

-- What the Viewer contract adds to a user. A user made over v2 has no row here and reads with the defaults
-- (clinic role Other, level member, no study management, no dashboard access, invited through the API).
CREATE TABLE viewer_profiles (
    org_id               VARCHAR(36)  NOT NULL,
    user_id              VARCHAR(200) NOT NULL,
    clinic_role          VARCHAR(60)  NOT NULL,
    level                VARCHAR(10)  NOT NULL,
    can_manage_studies   BOOLEAN      NOT NULL,
    has_dashboard_access BOOLEAN      NOT NULL,
    invited_source       VARCHAR(20)  NOT NULL,
    middle_name          VARCHAR(200),
    suffix1              VARCHAR(200),
    suffix2              VARCHAR(200),
    PRIMARY KEY (org_id, user_id),
    FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, id)
);
CREATE INDEX viewer_profiles_by_level ON viewer_profiles (org_id, level);

-- Secrets of this installation, made once by whichever replica needs one first (e.g. the study link signing key).
CREATE TABLE instance_secrets (
    name       VARCHAR(60) NOT NULL PRIMARY KEY,
    value      TEXT        NOT NULL,
    created_at BIGINT      NOT NULL
);
