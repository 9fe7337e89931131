-- Query at scale (issue 5, docs/performance.md): person-name wildcards by component group through indexes.
--
-- A PN key matches the whole value or any component group (alphabetic=ideographic=phonetic). The whole value and the
-- alphabetic group are prefix patterns on patient_name(_norm); the ideographic and phonetic groups get their own
-- upper-cased columns so that '张*' or 'ZHANG*' is an index range on each, OR-ed, instead of '%=张%' on every row.
--
-- ${patternOps} is 'varchar_pattern_ops' on PostgreSQL (LIKE 'x%' can use a btree index whatever the database
-- collation) and empty on H2 (the quick start), whose indexes serve LIKE prefixes as they are (DatabaseMigrator).

ALTER TABLE archive_patient ADD COLUMN patient_name_ideographic_norm VARCHAR(324);
ALTER TABLE archive_patient ADD COLUMN patient_name_phonetic_norm VARCHAR(324);

UPDATE archive_patient
   SET patient_name_ideographic_norm = SUBSTRING(patient_name_norm FROM POSITION('=' IN patient_name_norm) + 1)
 WHERE POSITION('=' IN patient_name_norm) > 0;
UPDATE archive_patient
   SET patient_name_phonetic_norm = SUBSTRING(patient_name_ideographic_norm
                                              FROM POSITION('=' IN patient_name_ideographic_norm) + 1),
       patient_name_ideographic_norm = SUBSTRING(patient_name_ideographic_norm
                                                 FROM 1 FOR POSITION('=' IN patient_name_ideographic_norm) - 1)
 WHERE POSITION('=' IN patient_name_ideographic_norm) > 0;
UPDATE archive_patient SET patient_name_ideographic_norm = NULL WHERE patient_name_ideographic_norm = '';
UPDATE archive_patient SET patient_name_phonetic_norm = NULL WHERE patient_name_phonetic_norm = '';

DROP INDEX ix_archive_patient_name;
CREATE INDEX ix_archive_patient_name ON archive_patient (patient_name ${patternOps});
CREATE INDEX ix_archive_patient_name_norm ON archive_patient (patient_name_norm ${patternOps});
CREATE INDEX ix_archive_patient_name_ideo ON archive_patient (patient_name_ideographic_norm ${patternOps});
CREATE INDEX ix_archive_patient_name_phon ON archive_patient (patient_name_phonetic_norm ${patternOps});
CREATE INDEX ix_archive_patient_id_prefix ON archive_patient (patient_id ${patternOps});
CREATE INDEX ix_archive_study_accession_prefix ON archive_study (accession_number ${patternOps});
