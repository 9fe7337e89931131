-- Archive index (issue 5): patient / study / series / instance with typed, indexed query columns, the owning
-- institution, and the full non-bulk data set of each instance as DICOM JSON (metadata). The files themselves are in
-- the online storage folder (yunying.storage.root); file_path is relative to it. Portable SQL: H2 runs this script in
-- PostgreSQL mode for the quick start.

CREATE SEQUENCE archive_patient_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE archive_study_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE archive_series_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE archive_instance_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE archive_conflict_seq START WITH 50 INCREMENT BY 50;

-- A patient is identified by (institution, patient id, issuer); an absent issuer is stored as ''.
-- patient_name_norm is the upper-cased name (Chinese characters unchanged) for case-insensitive matching.
CREATE TABLE archive_patient (
    id                 BIGINT        NOT NULL,
    institution_id     BIGINT        NOT NULL,
    patient_id         VARCHAR(64)   NOT NULL,
    issuer             VARCHAR(64)   NOT NULL,
    patient_name       VARCHAR(324),
    patient_name_norm  VARCHAR(324),
    birth_date         DATE,
    sex                VARCHAR(16),
    created_at         TIMESTAMP     NOT NULL,
    version            BIGINT        NOT NULL,
    CONSTRAINT pk_archive_patient PRIMARY KEY (id),
    CONSTRAINT uq_archive_patient UNIQUE (institution_id, patient_id, issuer),
    CONSTRAINT fk_archive_patient_institution FOREIGN KEY (institution_id) REFERENCES institution (id)
);
CREATE INDEX ix_archive_patient_id ON archive_patient (patient_id);
CREATE INDEX ix_archive_patient_name ON archive_patient (patient_name_norm);
CREATE INDEX ix_archive_patient_birth ON archive_patient (birth_date);

CREATE TABLE archive_study (
    id                        BIGINT        NOT NULL,
    patient_pk                BIGINT        NOT NULL,
    institution_id            BIGINT        NOT NULL,
    study_uid                 VARCHAR(64)   NOT NULL,
    study_date                DATE,
    study_time                TIME,
    accession_number          VARCHAR(64),
    modalities                VARCHAR(200),
    referring_physician       VARCHAR(324),
    referring_physician_norm  VARCHAR(324),
    study_description         VARCHAR(200),
    study_id                  VARCHAR(64),
    number_of_series          INTEGER       NOT NULL,
    number_of_instances       INTEGER       NOT NULL,
    received_at               TIMESTAMP     NOT NULL,
    updated_at                TIMESTAMP     NOT NULL,
    version                   BIGINT        NOT NULL,
    CONSTRAINT pk_archive_study PRIMARY KEY (id),
    CONSTRAINT uq_archive_study_uid UNIQUE (study_uid),
    CONSTRAINT fk_archive_study_patient FOREIGN KEY (patient_pk) REFERENCES archive_patient (id),
    CONSTRAINT fk_archive_study_institution FOREIGN KEY (institution_id) REFERENCES institution (id)
);
CREATE INDEX ix_archive_study_patient ON archive_study (patient_pk);
CREATE INDEX ix_archive_study_institution_date ON archive_study (institution_id, study_date);
CREATE INDEX ix_archive_study_date ON archive_study (study_date, study_time);
CREATE INDEX ix_archive_study_accession ON archive_study (accession_number);
CREATE INDEX ix_archive_study_modalities ON archive_study (modalities);
CREATE INDEX ix_archive_study_referring ON archive_study (referring_physician_norm);

CREATE TABLE archive_series (
    id                   BIGINT        NOT NULL,
    study_pk             BIGINT        NOT NULL,
    series_uid           VARCHAR(64)   NOT NULL,
    modality             VARCHAR(16),
    series_number        INTEGER,
    body_part            VARCHAR(64),
    series_description   VARCHAR(200),
    number_of_instances  INTEGER       NOT NULL,
    received_at          TIMESTAMP     NOT NULL,
    version              BIGINT        NOT NULL,
    CONSTRAINT pk_archive_series PRIMARY KEY (id),
    CONSTRAINT uq_archive_series_uid UNIQUE (series_uid),
    CONSTRAINT fk_archive_series_study FOREIGN KEY (study_pk) REFERENCES archive_study (id)
);
CREATE INDEX ix_archive_series_study ON archive_series (study_pk);
CREATE INDEX ix_archive_series_modality ON archive_series (modality);

-- storage_status: ONLINE (file in the online folder, checksums as received).
CREATE TABLE archive_instance (
    id                BIGINT        NOT NULL,
    series_pk         BIGINT        NOT NULL,
    sop_instance_uid  VARCHAR(64)   NOT NULL,
    sop_class_uid     VARCHAR(64)   NOT NULL,
    instance_number   INTEGER,
    transfer_syntax   VARCHAR(64)   NOT NULL,
    file_path         VARCHAR(400)  NOT NULL,
    file_size         BIGINT        NOT NULL,
    md5               VARCHAR(32)   NOT NULL,
    sha256            VARCHAR(64)   NOT NULL,
    storage_status    VARCHAR(16)   NOT NULL,
    source            VARCHAR(80)   NOT NULL,
    received_at       TIMESTAMP     NOT NULL,
    metadata_json     TEXT          NOT NULL,
    version           BIGINT        NOT NULL,
    CONSTRAINT pk_archive_instance PRIMARY KEY (id),
    CONSTRAINT uq_archive_instance_uid UNIQUE (sop_instance_uid),
    CONSTRAINT fk_archive_instance_series FOREIGN KEY (series_pk) REFERENCES archive_series (id)
);
CREATE INDEX ix_archive_instance_series ON archive_instance (series_pk);
CREATE INDEX ix_archive_instance_class ON archive_instance (sop_class_uid);

-- What the archive noticed and kept visible: conflicting demographics for one patient (the first stays), duplicate
-- SOP instances (and what the duplicate policy did with them).
CREATE TABLE archive_conflict (
    id                BIGINT         NOT NULL,
    institution_id    BIGINT         NOT NULL,
    kind              VARCHAR(32)    NOT NULL,
    patient_id        VARCHAR(64),
    issuer            VARCHAR(64),
    study_uid         VARCHAR(64),
    sop_instance_uid  VARCHAR(64),
    kept_value        VARCHAR(1000),
    received_value    VARCHAR(1000),
    resolution        VARCHAR(32)    NOT NULL,
    source            VARCHAR(80)    NOT NULL,
    occurred_at       TIMESTAMP      NOT NULL,
    CONSTRAINT pk_archive_conflict PRIMARY KEY (id),
    CONSTRAINT fk_archive_conflict_institution FOREIGN KEY (institution_id) REFERENCES institution (id)
);
CREATE INDEX ix_archive_conflict_institution ON archive_conflict (institution_id, occurred_at);
