-- Yunying baseline: the institution directory and user accounts (identity context).
-- Forward-only. Sequences start at their increment: EclipseLink reads nextval as the top of a block of 50. H2 (quick start) runs these same scripts in PostgreSQL compatibility mode,
-- so keep to the portable subset here and put vendor-only features in a vendor folder.

CREATE SEQUENCE institution_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE registered_ae_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE user_account_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE role_assignment_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE institution (
    id              BIGINT       NOT NULL,
    code            VARCHAR(32)  NOT NULL,
    name_zh         VARCHAR(200) NOT NULL,
    name_en         VARCHAR(200) NOT NULL,
    level           VARCHAR(32)  NOT NULL,
    status          VARCHAR(32)  NOT NULL,
    license_number  VARCHAR(64),
    contact_phone   VARCHAR(32),
    created_at      TIMESTAMP    NOT NULL,
    version         BIGINT       NOT NULL,
    CONSTRAINT pk_institution PRIMARY KEY (id),
    CONSTRAINT uq_institution_code UNIQUE (code),
    CONSTRAINT uq_institution_license UNIQUE (license_number)
);

-- DICOM application entities that an institution owns: the calling AEs it sends from and the
-- destinations a C-MOVE may target. The archive trusts an association only through this table.
CREATE TABLE registered_ae (
    id                BIGINT      NOT NULL,
    institution_id    BIGINT      NOT NULL,
    ae_title          VARCHAR(16) NOT NULL,
    host              VARCHAR(255) NOT NULL,
    port              INTEGER,
    move_destination  BOOLEAN     NOT NULL,
    version           BIGINT      NOT NULL,
    CONSTRAINT pk_registered_ae PRIMARY KEY (id),
    CONSTRAINT uq_registered_ae_title UNIQUE (ae_title),
    CONSTRAINT fk_registered_ae_institution FOREIGN KEY (institution_id) REFERENCES institution (id)
);
CREATE INDEX ix_registered_ae_institution ON registered_ae (institution_id);

CREATE TABLE user_account (
    id              BIGINT       NOT NULL,
    username        VARCHAR(64)  NOT NULL,
    display_name    VARCHAR(200) NOT NULL,
    email           VARCHAR(254),
    phone           VARCHAR(32),
    password_hash   VARCHAR(255) NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    failed_logins   INTEGER      NOT NULL,
    locked_until    TIMESTAMP,
    last_login_at   TIMESTAMP,
    created_at      TIMESTAMP    NOT NULL,
    version         BIGINT       NOT NULL,
    CONSTRAINT pk_user_account PRIMARY KEY (id),
    CONSTRAINT uq_user_account_username UNIQUE (username)
);

-- A user may hold roles in more than one institution; PLATFORM_ADMIN and AUDITOR are held at the hub.
CREATE TABLE role_assignment (
    id              BIGINT      NOT NULL,
    user_id         BIGINT      NOT NULL,
    institution_id  BIGINT      NOT NULL,
    role            VARCHAR(32) NOT NULL,
    CONSTRAINT pk_role_assignment PRIMARY KEY (id),
    CONSTRAINT uq_role_assignment UNIQUE (user_id, institution_id, role),
    CONSTRAINT fk_role_assignment_user FOREIGN KEY (user_id) REFERENCES user_account (id),
    CONSTRAINT fk_role_assignment_institution FOREIGN KEY (institution_id) REFERENCES institution (id)
);
CREATE INDEX ix_role_assignment_institution ON role_assignment (institution_id);
