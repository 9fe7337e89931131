-- Tamper-evident audit trail: every record carries the SHA-256 of its content chained to the previous record's hash.
-- chain_index has no gaps by construction (the head row is locked while appending), so a deleted row shows as a gap
-- and a modified row as a hash that no longer matches. Rows are only ever inserted.

CREATE SEQUENCE audit_record_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE audit_record (
    id              BIGINT        NOT NULL,
    chain_index     BIGINT        NOT NULL,
    occurred_at     TIMESTAMP     NOT NULL,
    actor           VARCHAR(64)   NOT NULL,
    actor_type      VARCHAR(16)   NOT NULL,
    action          VARCHAR(48)   NOT NULL,
    outcome         VARCHAR(16)   NOT NULL,
    subject_type    VARCHAR(32),
    subject_id      VARCHAR(128),
    patient_id      VARCHAR(64),
    source_address  VARCHAR(64),
    detail          VARCHAR(2000),
    previous_hash   CHAR(64)      NOT NULL,
    record_hash     CHAR(64)      NOT NULL,
    CONSTRAINT pk_audit_record PRIMARY KEY (id),
    CONSTRAINT uq_audit_record_chain_index UNIQUE (chain_index)
);
CREATE INDEX ix_audit_record_occurred_at ON audit_record (occurred_at);
CREATE INDEX ix_audit_record_actor ON audit_record (actor, occurred_at);
CREATE INDEX ix_audit_record_patient ON audit_record (patient_id);

-- One row: the end of the chain. Appending locks it, so concurrent writers append one after another.
CREATE TABLE audit_chain_head (
    id           BIGINT    NOT NULL,
    last_index   BIGINT    NOT NULL,
    last_hash    CHAR(64)  NOT NULL,
    CONSTRAINT pk_audit_chain_head PRIMARY KEY (id)
);
INSERT INTO audit_chain_head (id, last_index, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
