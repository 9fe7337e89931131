-- The audited action's transaction appends its record here: one insert, no lock shared with anybody else. Within a
-- fraction of a second the audit chainer moves pending records into the hash chain (audit_record), in batches, under
-- the audit_chain_head lock, in id order; reading or verifying the trail first chains whatever is pending. Rows are
-- only inserted here and deleted by the chainer in the transaction that inserts their chained copies.

CREATE SEQUENCE audit_pending_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE audit_pending (
    id              BIGINT        NOT NULL,
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
    CONSTRAINT pk_audit_pending PRIMARY KEY (id)
);
