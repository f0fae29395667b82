-- Membership: collectivities (adhesion), their technical referents, user accounts, single-use tokens,
-- sign-in attempts (throttling across instances) and the e-mail outbox.

CREATE TABLE collectivity (
    id                         BIGSERIAL PRIMARY KEY,
    name                       VARCHAR(200) NOT NULL,
    category                   VARCHAR(20)  NOT NULL CHECK (category IN ('COMMUNE', 'EPCI', 'SYNDICAT')),
    siret                      VARCHAR(14)  NOT NULL,
    population                 INTEGER      NOT NULL CHECK (population > 0),
    canton                     VARCHAR(60)  NOT NULL,
    representative_title       VARCHAR(20)  NOT NULL CHECK (representative_title IN ('MAIRE', 'PRESIDENT')),
    representative_civility    VARCHAR(10)  NOT NULL CHECK (representative_civility IN ('MME', 'M')),
    representative_first_name  VARCHAR(100) NOT NULL,
    representative_last_name   VARCHAR(100) NOT NULL,
    referent_civility          VARCHAR(10)  NOT NULL CHECK (referent_civility IN ('MME', 'M')),
    referent_first_name        VARCHAR(100) NOT NULL,
    referent_last_name         VARCHAR(100) NOT NULL,
    website                    VARCHAR(300),
    logo_key                   VARCHAR(100),
    logo_content_type          VARCHAR(40),
    status                     VARCHAR(20)  NOT NULL
        CHECK (status IN ('PENDING_EMAIL', 'PENDING_VALIDATION', 'ACTIVE', 'REFUSED', 'SUSPENDED')),
    status_reason              TEXT,
    created_at                 TIMESTAMPTZ  NOT NULL DEFAULT now(),
    status_changed_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version                    BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX collectivity_status_idx ON collectivity (status, created_at);
CREATE INDEX collectivity_name_idx ON collectivity (name);

CREATE TABLE technical_referent (
    id               BIGSERIAL PRIMARY KEY,
    collectivity_id  BIGINT       NOT NULL REFERENCES collectivity (id),
    title            VARCHAR(120) NOT NULL,
    full_name        VARCHAR(160) NOT NULL,
    service          VARCHAR(160) NOT NULL,
    email            VARCHAR(254) NOT NULL,
    phone            VARCHAR(20)  NOT NULL,
    removed_at       TIMESTAMPTZ,
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version          BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX technical_referent_collectivity_idx ON technical_referent (collectivity_id) WHERE removed_at IS NULL;

CREATE TABLE app_user (
    id                  BIGSERIAL PRIMARY KEY,
    identifiant         VARCHAR(40)  NOT NULL,
    email               VARCHAR(254) NOT NULL,
    civility            VARCHAR(10)  CHECK (civility IN ('MME', 'M')),
    first_name          VARCHAR(100) NOT NULL,
    last_name           VARCHAR(100) NOT NULL,
    phone               VARCHAR(20),
    role                VARCHAR(20)  NOT NULL CHECK (role IN ('ADHERENT', 'CHEF_DE_FILE', 'ADMIN')),
    status              VARCHAR(20)  NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'REFUSED', 'SUSPENDED', 'DISABLED')),
    password_hash       VARCHAR(200),
    collectivity_id     BIGINT REFERENCES collectivity (id),
    email_confirmed_at  TIMESTAMPTZ,
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version             BIGINT       NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX app_user_identifiant_uq ON app_user (identifiant);
CREATE UNIQUE INDEX app_user_email_uq ON app_user (lower(email));
CREATE INDEX app_user_collectivity_idx ON app_user (collectivity_id);
CREATE INDEX app_user_role_idx ON app_user (role, status);

-- Single-use links: only the SHA-256 of the token is stored.
CREATE TABLE account_token (
    id          BIGSERIAL PRIMARY KEY,
    user_id     BIGINT      NOT NULL REFERENCES app_user (id),
    purpose     VARCHAR(20) NOT NULL CHECK (purpose IN ('CONFIRM_EMAIL', 'SET_PASSWORD', 'RESET_PASSWORD', 'CHANGE_EMAIL')),
    token_hash  CHAR(64)    NOT NULL UNIQUE,
    payload     VARCHAR(254),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ
);
CREATE INDEX account_token_user_idx ON account_token (user_id, purpose);

CREATE TABLE login_attempt (
    id            BIGSERIAL PRIMARY KEY,
    account_key   VARCHAR(254) NOT NULL,
    ip            VARCHAR(64)  NOT NULL,
    attempted_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX login_attempt_account_idx ON login_attempt (account_key, attempted_at);
CREATE INDEX login_attempt_ip_idx ON login_attempt (ip, attempted_at);

CREATE TABLE mail_outbox (
    id               BIGSERIAL PRIMARY KEY,
    recipient        VARCHAR(254) NOT NULL,
    subject          VARCHAR(300) NOT NULL,
    html_body        TEXT         NOT NULL,
    text_body        TEXT         NOT NULL,
    status           VARCHAR(10)  NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts         INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_error       TEXT,
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    sent_at          TIMESTAMPTZ
);
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE status = 'PENDING';
