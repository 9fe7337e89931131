-- Affiliation (挂靠): an institution, or one doctor of it, affiliates with another institution only with that
-- institution's consent. Rows are never deleted: a new request is a new row, so the history stays complete.

CREATE SEQUENCE affiliation_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE affiliation (
    id                        BIGINT        NOT NULL,
    requester_institution_id  BIGINT        NOT NULL,
    target_institution_id     BIGINT        NOT NULL,
    doctor_username           VARCHAR(64),
    status                    VARCHAR(16)   NOT NULL,
    requested_by              VARCHAR(64)   NOT NULL,
    requested_at              TIMESTAMP     NOT NULL,
    decided_by                VARCHAR(64),
    decided_at                TIMESTAMP,
    ended_by                  VARCHAR(64),
    ended_at                  TIMESTAMP,
    note                      VARCHAR(1000),
    version                   BIGINT        NOT NULL,
    CONSTRAINT pk_affiliation PRIMARY KEY (id),
    CONSTRAINT fk_affiliation_requester FOREIGN KEY (requester_institution_id) REFERENCES institution (id),
    CONSTRAINT fk_affiliation_target FOREIGN KEY (target_institution_id) REFERENCES institution (id),
    CONSTRAINT ck_affiliation_distinct CHECK (requester_institution_id <> target_institution_id)
);
CREATE INDEX ix_affiliation_requester ON affiliation (requester_institution_id, status);
CREATE INDEX ix_affiliation_target ON affiliation (target_institution_id, status);
