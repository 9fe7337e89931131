-- bin/bench-query: bulk index rows for the query benchmark, straight into the archive index (PostgreSQL only).
-- Studies :from (inclusive) to :to (exclusive); three studies per patient; one series and one instance per study (the
-- instance has no file: these rows are for query and index-size measurements, never for retrieval). Deterministic:
-- every value is derived from the row number, so a second run with the same range adds nothing.
-- Distributions: surnames skewed like Chinese surnames (王 李 张 刘 陈 ... ; 张 about 7 %), pinyin and ideographic groups
-- (ZHANG^SAN=张^三, some only 张^三 or ZHANG^SAN), study dates over 11 years, seven modalities, four institutions
-- (clinic 1 half of them). Ids start at 10^9, far above what the application's sequences hand out.
\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE bench_names (i INT, pinyin TEXT, hanzi TEXT) ON COMMIT DROP;
INSERT INTO bench_names VALUES
 (0,'WANG','王'),(1,'LI','李'),(2,'ZHANG','张'),(3,'LIU','刘'),(4,'CHEN','陈'),(5,'YANG','杨'),(6,'HUANG','黄'),
 (7,'ZHAO','赵'),(8,'WU','吴'),(9,'ZHOU','周'),(10,'XU','徐'),(11,'SUN','孙'),(12,'MA','马'),(13,'ZHU','朱'),
 (14,'HU','胡'),(15,'GUO','郭'),(16,'HE','何'),(17,'GAO','高'),(18,'LIN','林'),(19,'LUO','罗');
CREATE TEMP TABLE bench_given (i INT, pinyin TEXT, hanzi TEXT) ON COMMIT DROP;
INSERT INTO bench_given VALUES
 (0,'SAN','三'),(1,'WEI','伟'),(2,'FANG','芳'),(3,'NA','娜'),(4,'MIN','敏'),(5,'JING','静'),(6,'LEI','磊'),
 (7,'QIANG','强'),(8,'JUN','军'),(9,'YANG','洋'),(10,'YONG','勇'),(11,'YAN','艳'),(12,'JIE','杰'),(13,'TAO','涛'),
 (14,'MING','明'),(15,'CHAO','超'),(16,'XIU','秀'),(17,'XIA','霞'),(18,'PING','平'),(19,'GANG','刚'),
 (20,'HUI','辉'),(21,'LING','玲'),(22,'HONG','红'),(23,'BO','波'),(24,'XIN','欣'),(25,'YU','宇'),(26,'HAO','浩'),
 (27,'TING','婷'),(28,'LAN','兰'),(29,'FENG','峰');
CREATE TEMP TABLE bench_inst ON COMMIT DROP AS
  SELECT (SELECT id FROM institution WHERE code = 'CLINIC1') AS clinic1, (SELECT id FROM institution WHERE code = 'HUB') AS hub,
         (SELECT id FROM institution WHERE code = 'CLINIC2') AS clinic2, (SELECT id FROM institution WHERE code = 'CLINIC3') AS clinic3;

-- Patients of the range (k = study number / 3).
INSERT INTO archive_patient (id, institution_id, patient_id, issuer, patient_name, patient_name_norm,
                             patient_name_ideographic_norm, patient_name_phonetic_norm, birth_date, sex, created_at, version)
SELECT 1000000000 + k, inst, 'BQ' || lpad(k::text, 8, '0'), '', name, name,
       CASE WHEN position('=' IN name) > 0 THEN substring(name FROM position('=' IN name) + 1) END,
       NULL, DATE '1930-01-01' + (h % 30000), CASE WHEN h % 2 = 0 THEN 'M' ELSE 'F' END, now(), 1
FROM (
  SELECT k, h, inst,
         CASE WHEN h % 10 < 8 THEN s.pinyin || '^' || g.pinyin || coalesce(g2.pinyin, '') || '=' || s.hanzi || '^' || g.hanzi || coalesce(g2.hanzi, '')
              WHEN h % 10 = 8 THEN s.hanzi || '^' || g.hanzi || coalesce(g2.hanzi, '')
              ELSE s.pinyin || '^' || g.pinyin || coalesce(g2.pinyin, '') END AS name
  FROM (
    SELECT k, abs(hashtext('p' || k)) AS h,
           floor(20 * power((abs(hashtext('s' || k)) % 10000) / 10000.0, 1.5))::int AS si,
           abs(hashtext('g' || k)) % 30 AS gi,
           CASE WHEN abs(hashtext('t' || k)) % 2 = 0 THEN abs(hashtext('u' || k)) % 30 END AS gi2,
           CASE WHEN abs(hashtext('i' || k)) % 20 < 10 THEN (SELECT clinic1 FROM bench_inst)
                WHEN abs(hashtext('i' || k)) % 20 < 16 THEN (SELECT hub FROM bench_inst)
                WHEN abs(hashtext('i' || k)) % 20 < 19 THEN (SELECT clinic2 FROM bench_inst)
                ELSE (SELECT clinic3 FROM bench_inst) END AS inst
    FROM generate_series(:from / 3, (:to - 1) / 3) AS k
  ) r
  JOIN bench_names s ON s.i = r.si JOIN bench_given g ON g.i = r.gi LEFT JOIN bench_given g2 ON g2.i = r.gi2
) named
ON CONFLICT (id) DO NOTHING;

INSERT INTO archive_study (id, patient_pk, institution_id, study_uid, study_date, study_time, accession_number, modalities,
                           referring_physician, referring_physician_norm, study_description, study_id,
                           number_of_series, number_of_instances, received_at, updated_at, version)
SELECT 1000000000 + n, p.id, p.institution_id, '1.2.826.0.1.3680043.10.1145.1.' || n,
       DATE '2015-01-01' + (abs(hashtext('d' || n)) % 4018), TIME '07:00' + (abs(hashtext('m' || n)) % 43200) * INTERVAL '1 second',
       'ACC' || lpad(n::text, 9, '0'), m.modality, 'LI^HUA=李^华', 'LI^HUA=李^华', m.modality || ' 检查 ' || (n % 50),
       (n % 100000)::text, 1, 1, now(), now(), 1
FROM generate_series(:from, :to - 1) AS n
JOIN archive_patient p ON p.id = 1000000000 + n / 3
JOIN (VALUES (0,'CT'),(1,'CT'),(2,'CT'),(3,'DX'),(4,'DX'),(5,'MR'),(6,'MR'),(7,'CR'),(8,'US'),(9,'MG'),(10,'XA'),(11,'DX'))
     AS m(i, modality) ON m.i = abs(hashtext('o' || n)) % 12
ON CONFLICT (id) DO NOTHING;

INSERT INTO archive_series (id, study_pk, series_uid, modality, series_number, body_part, series_description,
                            number_of_instances, received_at, version)
SELECT s.id, s.id, '1.2.826.0.1.3680043.10.1145.2.' || (s.id - 1000000000), s.modalities, 1, 'CHEST', s.study_description,
       1, now(), 1
FROM archive_study s WHERE s.id >= 1000000000 + :from AND s.id < 1000000000 + :to
ON CONFLICT (id) DO NOTHING;

INSERT INTO archive_instance (id, series_pk, sop_instance_uid, sop_class_uid, instance_number, transfer_syntax, file_path,
                              file_size, md5, sha256, storage_status, source, received_at, metadata_json, version)
SELECT se.id, se.id, '1.2.826.0.1.3680043.10.1145.3.' || (se.id - 1000000000), '1.2.840.10008.5.1.4.1.1.2', 1,
       '1.2.840.10008.1.2.1', 'bench/none.dcm', 0, repeat('0', 32), repeat('0', 64), 'ONLINE', 'BENCH', now(), '{}', 1
FROM archive_series se WHERE se.id >= 1000000000 + :from AND se.id < 1000000000 + :to
ON CONFLICT (id) DO NOTHING;
COMMIT;
ANALYZE archive_patient;
ANALYZE archive_study;
ANALYZE archive_series;
ANALYZE archive_instance;
