-- Doctor self-registration (registration context): a request waits for its e-mail code, then for the institution
-- administrator. The code is kept only as a salted SHA-256; the password only as its PBKDF2 hash.
-- Password reset tokens (identity context): single use, kept as SHA-256 only.

CREATE SEQUENCE registration_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE registration (
    id                BIGINT        NOT NULL,
    username          VARCHAR(64)   NOT NULL,
    display_name      VARCHAR(200)  NOT NULL,
    email             VARCHAR(254)  NOT NULL,
    phone             VARCHAR(32)   NOT NULL,
    password_hash     VARCHAR(255)  NOT NULL,
    institution_id    BIGINT        NOT NULL,
    department        VARCHAR(200)  NOT NULL,
    his_account_id    VARCHAR(64),
    requested_role    VARCHAR(32)   NOT NULL,
    status            VARCHAR(32)   NOT NULL,
    code_hash         VARCHAR(128)  NOT NULL,
    code_expires_at   TIMESTAMP     NOT NULL,
    failed_attempts   INTEGER       NOT NULL,
    created_at        TIMESTAMP     NOT NULL,
    verified_at       TIMESTAMP,
    decided_by        VARCHAR(64),
    decided_at        TIMESTAMP,
    reason            VARCHAR(1000),
    version           BIGINT        NOT NULL,
    CONSTRAINT pk_registration PRIMARY KEY (id),
    CONSTRAINT fk_registration_institution FOREIGN KEY (institution_id) REFERENCES institution (id)
);
CREATE INDEX ix_registration_institution_status ON registration (institution_id, status);
CREATE INDEX ix_registration_username ON registration (username);

CREATE SEQUENCE password_reset_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE password_reset (
    id            BIGINT       NOT NULL,
    user_id       BIGINT       NOT NULL,
    token_hash    CHAR(64)     NOT NULL,
    expires_at    TIMESTAMP    NOT NULL,
    used_at       TIMESTAMP,
    created_at    TIMESTAMP    NOT NULL,
    CONSTRAINT pk_password_reset PRIMARY KEY (id),
    CONSTRAINT uq_password_reset_token UNIQUE (token_hash),
    CONSTRAINT fk_password_reset_user FOREIGN KEY (user_id) REFERENCES user_account (id)
);
