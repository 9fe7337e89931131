-- Applications for certification: the documents an applicant uploads (PDF or JPEG, checked by content, kept with
-- their SHA-256) and the link from a pending administrator account to the institution it applied for.

CREATE SEQUENCE institution_document_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE institution_document (
    id              BIGINT        NOT NULL,
    institution_id  BIGINT        NOT NULL,
    file_name       VARCHAR(255)  NOT NULL,
    content_type    VARCHAR(64)   NOT NULL,
    size_bytes      BIGINT        NOT NULL,
    sha256          CHAR(64)      NOT NULL,
    content         BYTEA         NOT NULL,
    uploaded_by     VARCHAR(64)   NOT NULL,
    uploaded_at     TIMESTAMP     NOT NULL,
    CONSTRAINT pk_institution_document PRIMARY KEY (id),
    CONSTRAINT fk_institution_document_institution FOREIGN KEY (institution_id) REFERENCES institution (id)
);
CREATE INDEX ix_institution_document_institution ON institution_document (institution_id);
