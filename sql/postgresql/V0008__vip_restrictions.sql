-- VIP restrictions (issue 6): a patient or a study can be flagged VIP; its studies are then visible only to users who
-- hold a VIP access grant of the owning institution (and to that institution's registered AEs). Portable SQL: H2 runs
-- this script in PostgreSQL mode for the quick start.

-- The flag is "flagged since" (null: not VIP), which every database compares the same way (a BOOLEAN compared in
-- JPQL is written as 0/1 on H2 and as true/false on PostgreSQL).
ALTER TABLE archive_patient ADD COLUMN vip_since TIMESTAMP;
ALTER TABLE archive_study ADD COLUMN vip_since TIMESTAMP;

CREATE SEQUENCE vip_access_grant_seq START WITH 50 INCREMENT BY 50;

-- One grant per user per institution, given and revoked by that institution's administrators.
CREATE TABLE vip_access_grant (
    id              BIGINT       NOT NULL,
    user_id         BIGINT       NOT NULL,
    institution_id  BIGINT       NOT NULL,
    granted_by      VARCHAR(64)  NOT NULL,
    granted_at      TIMESTAMP    NOT NULL,
    CONSTRAINT pk_vip_access_grant PRIMARY KEY (id),
    CONSTRAINT uq_vip_access_grant UNIQUE (user_id, institution_id),
    CONSTRAINT fk_vip_access_grant_user FOREIGN KEY (user_id) REFERENCES user_account (id),
    CONSTRAINT fk_vip_access_grant_institution FOREIGN KEY (institution_id) REFERENCES institution (id)
);
CREATE INDEX ix_vip_access_grant_institution ON vip_access_grant (institution_id);
