-- Certification of member institutions: who applied, and every decision with its reason (history is never rewritten).

ALTER TABLE institution ADD COLUMN contact_name VARCHAR(100);
ALTER TABLE institution ADD COLUMN contact_email VARCHAR(254);

CREATE SEQUENCE certification_event_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE certification_event (
    id              BIGINT        NOT NULL,
    institution_id  BIGINT        NOT NULL,
    action          VARCHAR(32)   NOT NULL,
    from_status     VARCHAR(32),
    to_status       VARCHAR(32)   NOT NULL,
    reason          VARCHAR(1000),
    actor           VARCHAR(64)   NOT NULL,
    occurred_at     TIMESTAMP     NOT NULL,
    CONSTRAINT pk_certification_event PRIMARY KEY (id),
    CONSTRAINT fk_certification_event_institution FOREIGN KEY (institution_id) REFERENCES institution (id)
);
CREATE INDEX ix_certification_event_institution ON certification_event (institution_id, occurred_at);
