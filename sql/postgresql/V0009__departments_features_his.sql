-- Departments and feature settings per institution, and the HIS account id on user accounts (issue 6). Portable SQL:
-- H2 runs this script in PostgreSQL mode for the quick start.

CREATE SEQUENCE department_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE institution_setting_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE department (
    id              BIGINT        NOT NULL,
    institution_id  BIGINT        NOT NULL,
    code            VARCHAR(32)   NOT NULL,
    name            VARCHAR(100)  NOT NULL,
    CONSTRAINT pk_department PRIMARY KEY (id),
    CONSTRAINT uq_department_code UNIQUE (institution_id, code),
    CONSTRAINT fk_department_institution FOREIGN KEY (institution_id) REFERENCES institution (id)
);

-- One row per feature that differs from its default (docs/configuration.md lists the features); value 'true'/'false'.
CREATE TABLE institution_setting (
    id              BIGINT        NOT NULL,
    institution_id  BIGINT        NOT NULL,
    name            VARCHAR(48)   NOT NULL,
    setting_value   VARCHAR(200)  NOT NULL,
    CONSTRAINT pk_institution_setting PRIMARY KEY (id),
    CONSTRAINT uq_institution_setting UNIQUE (institution_id, name),
    CONSTRAINT fk_institution_setting_institution FOREIGN KEY (institution_id) REFERENCES institution (id)
);

-- Copied from the approved registration; the user may bind or change it. Unique among the accounts of an institution
-- (checked by the identity service, since an account may hold roles in several institutions).
ALTER TABLE user_account ADD COLUMN his_account_id VARCHAR(64);
CREATE INDEX ix_user_account_his ON user_account (his_account_id);
